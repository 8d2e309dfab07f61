// Generates the per-version Kubernetes API model: which pod-related fields exist in each minor
// from 1.27 to the newest release, and for the fields that changed, their feature gate and its
// maturity per version.
//
//   node scripts/gen-api-versions.mjs [--out <dir>] [--cache <dir>]
//
// Sources (exact pinned versions, fetched with `npm pack` into the cache folder and checked
// against their registry integrity before use; never a network call at run time):
//   cdk8s-plus-27 … cdk8s-plus-34   one package per minor; `lib/imports/k8s.d.ts` tags every field
//                                   `@schema io.k8s.api.core.v1.PodSpec#field`
//   kubernetes-models@5.1.0         Kubernetes 1.36 field for field (with @kubernetes-models/apimachinery)
//   server/src/service/versions/apiOverlay.json        what no package has: the 1.35 and 1.37 field changes, the feature
//                                   gates with their stages, the end-of-life dates; each entry names its source
// Output: server/src/service/versions/generated/apiVersions.json (relative to --out, default the
// repository root). A pure function of the pinned packages and the overlay: running it twice
// gives the same bytes (test/unit/versions/reproducible.test.ts checks it).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OVERLAY_PATH = join(repoRoot, 'server', 'src', 'service', 'versions', 'apiOverlay.json');
export const OUTPUT_PATH = join('server', 'src', 'service', 'versions', 'generated', 'apiVersions.json');

/** One package per minor; integrity is the registry's `dist.integrity` of that exact version. */
const SOURCES = [
  {
    minor: 27,
    format: 'cdk8s',
    name: 'cdk8s-plus-27',
    version: '2.9.5',
    integrity: 'sha512-vZtq6BHIi3wFdzxd8LFmKiWIb3sFjV9kFpJ3bN2sOZiQYHoirN0UUlB04n2YMA7u97wJZPc521ZJGUyDBUhupQ==',
  },
  {
    minor: 28,
    format: 'cdk8s',
    name: 'cdk8s-plus-28',
    version: '2.5.6',
    integrity: 'sha512-ghANDg6Qmsr3vQlEig7ZDWD03ZPXkjae7ks0HaRy2clIW553mCSTjcZirvuJGaIHDN2OV2S1dLXjdIYuMq3qOA==',
  },
  {
    minor: 29,
    format: 'cdk8s',
    name: 'cdk8s-plus-29',
    version: '2.6.0',
    integrity: 'sha512-H8JuwF+6ZQCHrlPHstTwNGsQ0MRE9qpJDUKlrMDJAgEJSiBUa3Qeca609TuVN07/7Mxj2kFmVkvVjUeGZa0N9Q==',
  },
  {
    minor: 30,
    format: 'cdk8s',
    name: 'cdk8s-plus-30',
    version: '2.4.10',
    integrity: 'sha512-CUNarh4vzNYcyDDMhfPHbp0TSgIWo2krupm279B9ZLZSGQAt3Om6xT6ubTykhQMFKJ7nxc7qGWgTqGsd8D8b2g==',
  },
  {
    minor: 31,
    format: 'cdk8s',
    name: 'cdk8s-plus-31',
    version: '2.6.43',
    integrity: 'sha512-OtG09kUe3ErIZR1vriuwNYCqQYkB7g0cbqft5c1GItGFRmqcUKW2/rKrdDUjYmFMZDLj5bxccJitP3MUUCg1gw==',
  },
  {
    minor: 32,
    format: 'cdk8s',
    name: 'cdk8s-plus-32',
    version: '2.5.92',
    integrity: 'sha512-TmlByVmroBLAZxhUz77xXVWKWvkLS1gnrOofuB4N4ZpLBHx6O/BPyti0yrHecwbX+pTAD/wJj/V7IbqK5UTmGA==',
  },
  {
    minor: 33,
    format: 'cdk8s',
    name: 'cdk8s-plus-33',
    version: '2.5.57',
    integrity: 'sha512-JDncBIl5nott96fPitDteln8kYYSccOxcDxWbp0mGGktWuXcgBysbIcTpMbjCujfjGCBNnjtItP00xDTGj5rVg==',
  },
  {
    minor: 34,
    format: 'cdk8s',
    name: 'cdk8s-plus-34',
    version: '2.0.54',
    integrity: 'sha512-J/ZIlAlGeQdHoA4+/smpIKYIdH5e3HiN5T271auEdk896mH9a8Pz+20+TWpZL4fjf93l2g9c8+zdUMG3nb7FOw==',
  },
  {
    minor: 36,
    format: 'kubernetes-models',
    name: 'kubernetes-models',
    version: '5.1.0',
    integrity: 'sha512-ym4Kiyr8BzGIWj4f853ytVYES1B8C1BdONRP5zodItPD1o//OEKuTwC5nFV3ZJtFGeMqOFbIYkpunSVXSlHS8g==',
    companion: {
      name: '@kubernetes-models/apimachinery',
      version: '3.0.2',
      integrity: 'sha512-6Vbzr/tinxPBGGdfYjXiV9WPj8PEhyiqGJiWhXrsihK7h6glPj4HKUxZ0YwYXH/5uucm/NVef/xY3vZ4Crj1Fg==',
    },
  },
];

/** The pod-bearing kinds: the roots of the definitions the model covers. */
const ROOTS = [
  'io.k8s.api.core.v1.Pod',
  'io.k8s.api.core.v1.PodTemplate',
  'io.k8s.api.core.v1.ReplicationController',
  'io.k8s.api.apps.v1.Deployment',
  'io.k8s.api.apps.v1.StatefulSet',
  'io.k8s.api.apps.v1.DaemonSet',
  'io.k8s.api.apps.v1.ReplicaSet',
  'io.k8s.api.batch.v1.Job',
  'io.k8s.api.batch.v1.CronJob',
];

/** A kind's status is written by controllers, never by a manifest's author (and cdk8s leaves it out). */
const ROOT_CAMEL_NAMES = new Set(ROOTS.map((name) => camelName(name)));
const isKindStatus = (camel, field) => field === 'status' && ROOT_CAMEL_NAMES.has(camel);

function fail(message) {
  console.error(`gen-api-versions: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const option = (name, fallback) => {
    const index = argv.indexOf(name);
    return index >= 0 ? resolve(argv[index + 1] ?? fail(`${name} needs a directory`)) : fallback;
  };
  return {
    out: option('--out', repoRoot),
    cache: option('--cache', join(repoRoot, 'node_modules', '.cache', 'gen-api-versions')),
  };
}

// ---------------------------------------------------------------------------------------
// 1. Packages: npm pack into the cache, integrity checked, read straight from the tarball.

function integrityOf(bytes) {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

function tarballName(name, version) {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

function fetchPackage({ name, version, integrity }, cache) {
  const file = join(cache, tarballName(name, version));
  if (!existsSync(file)) {
    mkdirSync(cache, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['pack', `${name}@${version}`, '--pack-destination', cache, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
    if (!existsSync(file)) fail(`npm pack ${name}@${version} did not write ${file}`);
  }
  const bytes = readFileSync(file);
  const actual = integrityOf(bytes);
  if (actual !== integrity) fail(`${file} has integrity ${actual}, expected ${integrity} (delete it to fetch again)`);
  return bytes;
}

/** The text files of a .tgz whose path (without the leading `package/`) passes `wanted`. */
function readTarball(bytes, wanted) {
  const tar = gunzipSync(bytes);
  const files = new Map();
  let longName;
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start, length) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if (type === '0' || type === '') {
      name = name.replace(/^[^/]+\//, '');
      if (wanted(name)) files.set(name, body.toString('utf8'));
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

// ---------------------------------------------------------------------------------------
// 2. Fields per definition. A definition is named by its OpenAPI name (`io.k8s.api.core.v1.PodSpec`).

/** `io.k8s.api.core.v1.PodSpec` → `IoK8sApiCoreV1PodSpec`, the form kubernetes-models exports. */
function camelName(openApiName) {
  return openApiName
    .split('.')
    .map((part) => part.replace(/(^|-)([a-z])/g, (_, _dash, letter) => letter.toUpperCase()))
    .join('');
}

/** cdk8s: every field carries `@schema <definition>#<field>`; status types are not generated. */
function cdk8sDefinitions(bytes) {
  const text = readTarball(bytes, (path) => path === 'lib/imports/k8s.d.ts').get('lib/imports/k8s.d.ts');
  if (!text) fail('lib/imports/k8s.d.ts is missing');
  const definitions = new Map();
  for (const match of text.matchAll(/@schema ([\w.-]+)#([\w$-]+)/g)) {
    const fields = definitions.get(camelName(match[1])) ?? new Set();
    fields.add(match[2]);
    definitions.set(camelName(match[1]), fields);
  }
  return definitions;
}

/**
 * kubernetes-models: one declaration file per definition, `export interface IX { "field"?: T }`
 * and `export type { IX as IIoK8s…X }`. Returns the fields with the definitions they reference,
 * so the covered set can be walked from the kinds.
 */
function kubernetesModelsDefinitions(bundles) {
  const definitions = new Map();
  for (const bytes of bundles) {
    for (const text of readTarball(bytes, (path) => path.endsWith('.d.ts')).values()) {
      const exported = /export type \{ I(\w+) as II(oK8s\w+),/.exec(text);
      if (!exported) continue;
      const body = new RegExp(`export interface I${exported[1]}(?: extends \\w+)? \\{([\\s\\S]*?)\\n\\}`).exec(text);
      const fields = new Map(); // a scalar alias (Time, Quantity, IntOrString) has none
      // A property runs from its `    "name"?:` line to the next one; inline object types span lines.
      for (const chunk of (body?.[1] ?? '').split(/\n(?= {4}"[^"]+"\??: )/)) {
        const property = /^\s*"([^"]+)"\??: ([\s\S]*)$/.exec(chunk.replace(/^[\s\S]*?\n(?= {4}")/, ''));
        // Nested status fields of inline types (a claim template's) are skipped like top-level ones.
        if (property)
          fields.set(
            property[1],
            [...property[2].replace(/^\s+"status"\??: .*$/gm, '').matchAll(/II(oK8s\w+)/g)].map(
              (reference) => `I${reference[1]}`,
            ),
          );
      }
      definitions.set(`I${exported[2]}`, fields);
    }
  }
  return definitions;
}

/** The definitions a manifest can reach from the kinds (status subtrees left out). */
function coveredDefinitions(newest) {
  const covered = new Set();
  const visit = (name) => {
    if (covered.has(name)) return;
    const fields = newest.get(name);
    if (!fields) fail(`kubernetes-models has no ${name}`);
    covered.add(name);
    for (const [field, references] of fields) if (!isKindStatus(name, field)) references.forEach(visit);
  };
  ROOTS.map(camelName).forEach(visit);
  return covered;
}

/** `IoK8sApiCoreV1PodSpec` → `PodSpec`, the name the bundled schema uses. */
function shortName(camel, covered) {
  const short = camel.replace(
    /^IoK8s(Api\w+?V\d\w*?|ApimachineryPkgApisMetaV1|ApimachineryPkgApiResource|ApimachineryPkgUtilIntstr)(?=[A-Z])/,
    '',
  );
  const twins = [...covered].filter((other) => other !== camel && other.endsWith(short));
  if (short === camel || twins.some((other) => shortName(other, new Set()) === short))
    fail(`cannot shorten ${camel} uniquely`);
  return short;
}

// ---------------------------------------------------------------------------------------
// 3. Merge the package versions with the overlay.

function readOverlay() {
  const overlay = JSON.parse(readFileSync(OVERLAY_PATH, 'utf8'));
  for (const entry of [
    ...overlay.fields,
    ...overlay.values,
    ...overlay.renamedDefinitions,
    ...Object.values(overlay.gates),
    ...Object.values(overlay.definitions),
    overlay.releases,
  ]) {
    if (!entry.source) fail(`overlay entry without a source: ${JSON.stringify(entry).slice(0, 120)}`);
  }
  for (const [field, gate] of Object.entries(overlay.fieldGates))
    if (!overlay.gates[gate]) fail(`${field} names an unknown gate ${gate}`);
  for (const entry of overlay.values)
    if (entry.gate && !overlay.gates[entry.gate])
      fail(`${entry.field}=${entry.value} names an unknown gate ${entry.gate}`);
  return overlay;
}

/**
 * For each covered definition and field: the minors it exists in, as `since` or `[since, until]`.
 * 1.35 and 1.37 have no package: 1.35 is 1.34 with the overlay's 1.35 changes, 1.37 is 1.36 with
 * its 1.37 changes. Every field the packages show appearing or disappearing between 1.34 and 1.36
 * must be dated by the overlay, or the generator stops: no guessing.
 */
function fieldVersions(perMinor, covered, overlay, newest) {
  const minors = [];
  for (let minor = overlay.oldest; minor <= newest; minor++) minors.push(minor);
  const problems = [];
  const dated = new Map(overlay.fields.map((entry) => [entry.field, entry]));
  const existsIn = (definition, field, minor) => {
    const entry = dated.get(`${definition}.${field}`);
    if (entry) {
      const inRange = minor >= entry.since && (entry.until === undefined || minor <= entry.until);
      const packaged = perMinor.get(minor)?.get(definition)?.has(field);
      // A package that contradicts the overlay: one of them is wrong.
      if (packaged !== undefined && packaged !== inRange)
        problems.push(
          `server/src/service/versions/apiOverlay.json dates ${definition}.${field} 1.${entry.since}–${entry.until ? '1.' + entry.until : 'now'}, but the 1.${minor} package says ${packaged ? 'present' : 'absent'}`,
        );
      return inRange;
    }
    if (perMinor.has(minor)) return perMinor.get(minor).get(definition)?.has(field) ?? false;
    const before =
      perMinor
        .get(minor - 1)
        ?.get(definition)
        ?.has(field) ?? false;
    const after =
      perMinor
        .get(minor + 1)
        ?.get(definition)
        ?.has(field) ?? before;
    if (before !== after)
      problems.push(
        `${definition}.${field} is ${before ? 'in 1.' + (minor - 1) + ' but not in 1.' + (minor + 1) : 'new in 1.' + (minor + 1) + ' (not in 1.' + (minor - 1) + ')'}: date it in server/src/service/versions/apiOverlay.json`,
      );
    return before;
  };
  const out = {};
  for (const camel of [...covered].sort()) {
    const short = shortName(camel, covered);
    const names = new Set();
    for (const fields of perMinor.values()) for (const field of fields.get(short) ?? []) names.add(field);
    for (const entry of overlay.fields)
      if (entry.field.startsWith(`${short}.`)) names.add(entry.field.slice(short.length + 1));
    const fields = {};
    for (const field of [...names].sort()) {
      if (isKindStatus(camel, field)) continue;
      const present = minors.filter((minor) => existsIn(short, field, minor));
      if (present.length === 0) continue;
      const since = present[0];
      const until = present[present.length - 1];
      if (until - since + 1 !== present.length) fail(`${short}.${field} comes and goes: ${present.join(', ')}`);
      fields[field] = until === newest ? since : [since, until];
    }
    out[short] = fields;
  }
  if (problems.length > 0)
    fail(`${problems.length} field(s) the packages do not date:\n  ${[...new Set(problems)].join('\n  ')}`);
  // Definitions only the overlay knows (types a 1.37 field introduced).
  for (const entry of overlay.fields) {
    const [definition, field] = entry.field.split('.');
    if (out[definition]?.[field] !== undefined) continue;
    out[definition] ??= {};
    out[definition][field] =
      entry.until === undefined || entry.until === newest ? entry.since : [entry.since, entry.until];
  }
  return Object.fromEntries(
    Object.keys(out)
      .sort()
      .map((name) => [
        name,
        Object.fromEntries(
          Object.keys(out[name])
            .sort()
            .map((f) => [f, out[name][f]]),
        ),
      ]),
  );
}

/**
 * A definition renamed upstream (the PVC's `resources` became VolumeResourceRequirements in 1.29)
 * is absent from the older packages although its fields are not new: for those minors the
 * overlay names the old definition, whose fields (those the new one kept) stand in.
 */
function applyRenames(perMinor, overlay) {
  for (const { definition, before, until, fields } of overlay.renamedDefinitions) {
    for (const [minor, byShort] of perMinor) {
      if (minor <= until)
        byShort.set(definition, new Set([...(byShort.get(before) ?? [])].filter((field) => fields.includes(field))));
    }
  }
}

/**
 * Stops when a field is older than every field of the type it holds: the type was renamed (or
 * replaced) and the overlay must say from what, or the type's fields would look new.
 */
function checkTypeRenames(perMinor, km, covered, overlay) {
  const sinceOf = (short, field) =>
    [...perMinor.keys()].sort((a, b) => a - b).find((minor) => perMinor.get(minor).get(short)?.has(field));
  const problems = [];
  for (const camel of covered) {
    const short = shortName(camel, covered);
    for (const [field, references] of km.get(camel)) {
      if (isKindStatus(camel, field)) continue;
      const fieldSince = sinceOf(short, field);
      if (fieldSince === undefined) continue;
      for (const reference of new Set(references)) {
        const target = shortName(reference, covered);
        const fields = [...(km.get(reference)?.keys() ?? [])];
        if (fields.length === 0 || overlay.renamedDefinitions.some((rename) => rename.definition === target)) continue;
        const typeSince = Math.min(...fields.map((name) => sinceOf(target, name) ?? Infinity));
        if (typeSince > fieldSince)
          problems.push(
            `${short}.${field} exists from 1.${fieldSince} but its type ${target} only from 1.${typeSince}: add it to renamedDefinitions`,
          );
      }
    }
  }
  if (problems.length > 0)
    fail(`${problems.length} type(s) newer than the fields holding them:\n  ${[...new Set(problems)].join('\n  ')}`);
}

function main() {
  const { out, cache } = parseArgs(process.argv.slice(2));
  const overlay = readOverlay();
  const newest = overlay.newest;
  const kmSource = SOURCES.find((source) => source.format === 'kubernetes-models');
  const km = kubernetesModelsDefinitions([fetchPackage(kmSource, cache), fetchPackage(kmSource.companion, cache)]);
  const covered = coveredDefinitions(km);
  const perMinor = new Map();
  for (const source of SOURCES) {
    const byCamel =
      source.format === 'cdk8s'
        ? cdk8sDefinitions(fetchPackage(source, cache))
        : new Map([...km].map(([name, fields]) => [name, new Set(fields.keys())]));
    const byShort = new Map();
    for (const camel of covered) byShort.set(shortName(camel, covered), new Set(byCamel.get(camel)));
    // cdk8s sets the type fields itself instead of declaring them: every kind has them.
    for (const root of ROOTS)
      ['apiVersion', 'kind'].forEach((field) => byShort.get(shortName(camelName(root), covered)).add(field));
    perMinor.set(source.minor, byShort);
  }
  applyRenames(perMinor, overlay);
  checkTypeRenames(perMinor, km, covered, overlay);
  const data = {
    $comment:
      'Generated by scripts/gen-api-versions.mjs (npm run gen:api-versions) from the packages in `sources` and server/src/service/versions/apiOverlay.json. Do not edit.',
    oldest: overlay.oldest,
    newest,
    sources: Object.fromEntries(
      Array.from({ length: newest - overlay.oldest + 1 }, (_, i) => overlay.oldest + i).map((minor) => {
        const source = SOURCES.find((s) => s.minor === minor);
        const from = source
          ? `${source.name}@${source.version}${source.companion ? ` + ${source.companion.name}@${source.companion.version}` : ''}`
          : `1.${minor - 1} + server/src/service/versions/apiOverlay.json`;
        return [`1.${minor}`, from];
      }),
    ),
    fields: fieldVersions(perMinor, covered, overlay, newest),
    values: overlay.values.map(({ field, value, since, until, gate }) => ({
      field,
      value,
      since,
      ...(until !== undefined ? { until } : {}),
      ...(gate ? { gate } : {}),
    })),
    gates: Object.fromEntries(
      Object.keys(overlay.gates)
        .sort()
        .map((name) => {
          const { stages, unnamed } = overlay.gates[name];
          return [
            name,
            {
              stages: stages.map(([from, stage, enabled]) => ({ from, stage, enabled })),
              ...(unnamed ? { unnamed: true } : {}),
            },
          ];
        }),
    ),
    fieldGates: Object.fromEntries(
      Object.keys(overlay.fieldGates)
        .sort()
        .map((field) => [field, overlay.fieldGates[field]]),
    ),
    endOfLife: overlay.releases.endOfLife,
  };
  const target = join(out, OUTPUT_PATH);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(data, null, 1)}\n`);
  const count = Object.values(data.fields).reduce((sum, fields) => sum + Object.keys(fields).length, 0);
  console.log(
    `gen-api-versions: ${count} fields in ${Object.keys(data.fields).length} definitions, 1.${overlay.oldest}–1.${newest} → ${target}`,
  );
}

main();

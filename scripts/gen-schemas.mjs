// Generates the bundled strict schema for the pod-bearing kinds, its ahead-of-time
// compiled validators and the compact field index used by hovers and completion.
//
//   node scripts/gen-schemas.mjs [--out <dir>]
//
// Source: the TypeScript declarations of `kubernetes-models` (generated upstream from the
// Kubernetes OpenAPI, with the field descriptions as doc comments), turned into JSON Schema
// by `ts-json-schema-generator`, then tightened here to what the API server accepts.
// Outputs (relative to --out, default: the repository root):
//   schemas/definitions.json                  every definition, shared by all kinds
//   schemas/<kind>.json                       one small entry schema per kind, referencing it
//   server/src/service/schema/generated/validators.ts   ajv standalone code (no compile at start-up)
//   server/src/service/schema/generated/schemaIndex.ts  types/enums/fields per field, descriptions apart
// Fields newer than the package (and the 1.35-only ones) come from server/src/service/versions/apiOverlay.json, the
// same overlay scripts/gen-api-versions.mjs reads; the Kubernetes version the schema describes is
// the newest minor of that generated API data, never written here.
// Everything is a pure function of the installed package versions: running it twice gives
// the same bytes (test/unit/schema/reproducible.test.ts checks it).
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The kinds whose documents carry a pod spec, with where their declarations live. */
const KINDS = [
  { kind: 'Pod', apiVersion: 'v1', module: 'kubernetes-models/v1/Pod', type: 'IPod' },
  { kind: 'PodTemplate', apiVersion: 'v1', module: 'kubernetes-models/v1/PodTemplate', type: 'IPodTemplate' },
  {
    kind: 'ReplicationController',
    apiVersion: 'v1',
    module: 'kubernetes-models/v1/ReplicationController',
    type: 'IReplicationController',
  },
  { kind: 'Deployment', apiVersion: 'apps/v1', module: 'kubernetes-models/apps/v1/Deployment', type: 'IDeployment' },
  { kind: 'StatefulSet', apiVersion: 'apps/v1', module: 'kubernetes-models/apps/v1/StatefulSet', type: 'IStatefulSet' },
  { kind: 'DaemonSet', apiVersion: 'apps/v1', module: 'kubernetes-models/apps/v1/DaemonSet', type: 'IDaemonSet' },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', module: 'kubernetes-models/apps/v1/ReplicaSet', type: 'IReplicaSet' },
  { kind: 'Job', apiVersion: 'batch/v1', module: 'kubernetes-models/batch/v1/Job', type: 'IJob' },
  { kind: 'CronJob', apiVersion: 'batch/v1', module: 'kubernetes-models/batch/v1/CronJob', type: 'ICronJob' },
];

/** Packages whose compiled validators tell us the real numeric formats. */
const MODEL_PACKAGES = ['kubernetes-models', '@kubernetes-models/apimachinery'];

/** Quantities are decimals (`cpu: 0.5`); every other number in these kinds is an int32/int64. */
const DECIMAL_DEFINITIONS = new Set(['Quantity']);

/** Free-form JSON objects (a managed-fields trie): any content is accepted, as by the API server. */
const FREE_FORM_DEFINITIONS = new Set(['FieldsV1']);

/** Definitions upstream leaves without a description; hovers need one. */
const EXTRA_DESCRIPTIONS = {
  Quantity: 'A quantity: a plain number (`2`, `0.5`) or a number with a unit suffix (`500m`, `128Mi`, `1G`).',
};

function packageVersion(name) {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

function fail(message) {
  console.error(`gen-schemas: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const outIndex = argv.indexOf('--out');
  return { out: outIndex >= 0 ? resolve(argv[outIndex + 1] ?? fail('--out needs a directory')) : repoRoot };
}

// ---------------------------------------------------------------------------------------
// 1. TypeScript declarations → raw JSON Schema

function generateRawSchema() {
  const { createGenerator } = require('ts-json-schema-generator');
  // The entry file must sit inside the repository so `kubernetes-models` resolves from node_modules.
  const entry = join(repoRoot, `.gen-schemas-entry-${process.pid}.ts`);
  const tsconfig = join(repoRoot, `.gen-schemas-tsconfig-${process.pid}.json`);
  const lines = [];
  for (const { kind, module, type } of KINDS) {
    lines.push(`import type { ${type} } from ${JSON.stringify(module)};`, `export type ${kind} = ${type};`);
  }
  writeFileSync(entry, `${lines.join('\n')}\n`);
  writeFileSync(
    tsconfig,
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'node16',
        moduleResolution: 'node16',
        strict: true,
        skipLibCheck: true,
        types: [],
        lib: ['es5'],
      },
      files: [entry],
    }),
  );
  try {
    return createGenerator({
      path: entry,
      tsconfig,
      type: '*',
      skipTypeCheck: true,
      expose: 'export',
      topRef: true,
      jsDoc: 'extended',
      sortProps: true,
      additionalProperties: false,
    }).createSchema('*');
  } finally {
    rmSync(entry, { force: true });
    rmSync(tsconfig, { force: true });
  }
}

// ---------------------------------------------------------------------------------------
// 2. Names: `IContainer` → `Container`; the kind aliases (`Pod` = `IPod`) collapse into one.

function renameDefinitions(raw) {
  const definitions = raw.definitions;
  const rename = new Map();
  for (const { kind, type } of KINDS) rename.set(type, kind);
  for (const name of Object.keys(definitions)) {
    if (rename.has(name) || KINDS.some((k) => k.kind === name)) continue;
    rename.set(name, /^I[A-Z]/.test(name) ? name.slice(1) : name);
  }
  const targets = new Map();
  for (const [from, to] of rename) {
    if (targets.has(to)) fail(`two definitions would both be named ${to}: ${targets.get(to)} and ${from}`);
    targets.set(to, from);
  }
  const rewrite = (node) => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = decodeURIComponent(value.replace('#/definitions/', ''));
        if (!rename.has(name)) fail(`unexpected reference ${value}`);
        out[key] = `#/definitions/${rename.get(name)}`;
      } else {
        out[key] = rewrite(value);
      }
    }
    return out;
  };
  const renamed = {};
  for (const [name, schema] of Object.entries(definitions)) {
    if (KINDS.some((k) => k.kind === name)) continue; // the alias: its target carries the content
    renamed[rename.get(name)] = rewrite(schema);
  }
  return renamed;
}

/** Keeps only what the kinds reach, in a stable (sorted) order. */
function reachableDefinitions(definitions) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    if (!definitions[name]) fail(`missing definition ${name}`);
    seen.add(name);
    JSON.stringify(definitions[name], (key, value) => {
      if (key === '$ref') visit(value.replace('#/definitions/', ''));
      return value;
    });
  };
  for (const { kind } of KINDS) visit(kind);
  const out = {};
  for (const name of [...seen].sort()) out[name] = definitions[name];
  return out;
}

// ---------------------------------------------------------------------------------------
// 3. Check the numeric formats against the package's compiled validators.

/** Maps `Container` → the files of the package's compiled validators for that type. */
function compiledValidatorFiles() {
  const byShortName = new Map();
  for (const pkg of MODEL_PACKAGES) {
    const root = dirname(require.resolve(`${pkg}/package.json`));
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== '_schemas' && entry.name !== 'node_modules') walk(path);
        } else if (entry.name.endsWith('.d.ts')) {
          const text = readFileSync(path, 'utf8');
          for (const match of text.matchAll(/export type \{ I(\w+) as II(oK8s\w+),/g)) {
            const file = join(root, '_schemas', `I${match[2]}.js`);
            if (!existsSync(file)) continue;
            const files = byShortName.get(match[1]) ?? [];
            files.push(file);
            byShortName.set(match[1], files);
          }
        }
      }
    };
    walk(root);
  }
  return byShortName;
}

function verifyIntegerFormats(definitions) {
  const files = compiledValidatorFiles();
  let checked = 0;
  for (const name of Object.keys(definitions)) {
    if (DECIMAL_DEFINITIONS.has(name)) continue;
    const candidates = files.get(name);
    if (!candidates) fail(`no compiled validator found for ${name}: cannot verify that its numbers are integers`);
    for (const file of candidates) {
      const code = readFileSync(file, 'utf8');
      if (/format:"(double|float)"/.test(code) || /type:"number"/.test(code)) {
        fail(`${file} has a non-integer number: ${name} would need "number", not "integer"`);
      }
      checked++;
    }
  }
  return checked;
}

// ---------------------------------------------------------------------------------------
// 4. Tighten the schema to what the API server accepts.

// The API server decodes `null` as "not set" (an empty object, list or value). Every
// definition therefore accepts null, so an optional reference stays a plain `$ref` (no
// anyOf whose errors would need untangling); a *required* reference adds the target's
// non-null type next to the `$ref`, so `template: null` is still reported.

function withNull(schema) {
  if (schema.type === undefined) return schema;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const out = { ...schema, type: types.includes('null') ? types : [...types, 'null'].sort() };
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
  return out;
}

function integerTypes(type) {
  if (Array.isArray(type)) return [...new Set(type.map((t) => (t === 'number' ? 'integer' : t)))].sort();
  return type === 'number' ? 'integer' : type;
}

function nonNullTypes(schema) {
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t) => t && t !== 'null');
  return types.length === 1 ? types[0] : types;
}

/** A reference that must not be null: the target's own non-null type next to the `$ref`. */
function withTargetType(reference, context) {
  const target = reference.$ref.replace('#/definitions/', '');
  const types = nonNullTypes(context.definitions[target]);
  return { ...reference, type: DECIMAL_DEFINITIONS.has(target) ? types : integerTypes(types) };
}

function tighten(schema, context) {
  if (Array.isArray(schema)) return schema.map((item) => tighten(item, context));
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'type')
      out.type = context.decimal ? (Array.isArray(value) ? [...value].sort() : value) : integerTypes(value);
    else if (key === 'properties') {
      const required = new Set(schema.required ?? []);
      out.properties = {};
      for (const [name, property] of Object.entries(value)) {
        const tightened = tighten(property, context);
        if (tightened.$ref && required.has(name)) {
          out.properties[name] = withTargetType(tightened, context);
        } else {
          out.properties[name] = required.has(name) || tightened.$ref ? tightened : withNull(tightened);
        }
      }
    } else if (key === 'items' && value && typeof value === 'object' && value.$ref) {
      out.items = withTargetType(tighten(value, context), context); // a `- ` list entry is an empty element, not "no element"
    } else if (key === 'additionalProperties' && value && typeof value === 'object') {
      out.additionalProperties = withNull(tighten(value, context)); // map values: null decodes as ""
    } else out[key] = tighten(value, context);
  }
  const isObject = out.type === 'object' || (Array.isArray(out.type) && out.type.includes('object'));
  if (isObject && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

function tightenDefinitions(definitions) {
  const out = {};
  for (const [name, schema] of Object.entries(definitions)) {
    let tightened = withNull(tighten(schema, { decimal: DECIMAL_DEFINITIONS.has(name), definitions }));
    if (FREE_FORM_DEFINITIONS.has(name)) {
      const { additionalProperties: _strict, ...rest } = tightened;
      tightened = rest;
    }
    if (EXTRA_DESCRIPTIONS[name] && !tightened.description)
      tightened = { description: EXTRA_DESCRIPTIONS[name], ...tightened };
    out[name] = tightened;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// 5. Fields no package has yet (server/src/service/versions/apiOverlay.json): the strict schema must accept every
//    field of every supported version, so a 1.37 field is no "unknown field"; whether the target
//    version has it is the version check's business (service/schema/fieldVersions.ts).

const OVERLAY_PATH = join(repoRoot, 'server', 'src', 'service', 'versions', 'apiOverlay.json');
const API_VERSIONS_PATH = join(repoRoot, 'server', 'src', 'service', 'versions', 'generated', 'apiVersions.json');

function withoutSource(entry) {
  const { source: _source, ...rest } = entry;
  return rest;
}

function applyOverlay(definitions, overlay) {
  const out = { ...definitions };
  for (const [name, definition] of Object.entries(overlay.definitions)) {
    if (out[name]) fail(`overlay definition ${name} exists in the package: remove it from the overlay`);
    out[name] = withoutSource(definition);
  }
  let added = 0;
  for (const entry of overlay.fields) {
    const [definition, field] = entry.field.split('.');
    const target = out[definition];
    if (!target?.properties) fail(`overlay field ${entry.field}: no definition ${definition} with properties`);
    if (target.properties[field]) continue; // the package has it already
    if (!entry.schema) {
      if (overlay.definitions[definition]) continue; // declared with its definition
      fail(`overlay field ${entry.field} is in no package and has no schema`);
    }
    out[definition] = { ...out[definition], properties: { ...target.properties, [field]: entry.schema } };
    added++;
  }
  for (const entry of overlay.values) {
    const [definition, field] = entry.field.split('.');
    const property = out[definition]?.properties?.[field];
    if (!property) fail(`overlay value ${entry.field}=${entry.value}: no such field`);
    if (property.enum && !property.enum.includes(entry.value)) {
      out[definition] = {
        ...out[definition],
        properties: {
          ...out[definition].properties,
          [field]: { ...property, enum: [...property.enum, entry.value].sort() },
        },
      };
    }
  }
  const sorted = {};
  for (const name of Object.keys(out).sort()) {
    const definition = out[name];
    sorted[name] = definition.properties
      ? {
          ...definition,
          properties: Object.fromEntries(
            Object.keys(definition.properties)
              .sort()
              .map((key) => [key, definition.properties[key]]),
          ),
        }
      : definition;
  }
  return { definitions: sorted, added };
}

// ---------------------------------------------------------------------------------------
// 6. Outputs

function kindFileName(kind) {
  return `${kind.toLowerCase()}.json`;
}

function schemaFiles(definitions, header) {
  const files = new Map();
  files.set('definitions.json', {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: `${header} One file holds every definition so the pod spec is stored once; schemas/<kind>.json are the entry points, one per kind.`,
    definitions,
  });
  for (const { kind, apiVersion } of KINDS) {
    files.set(kindFileName(kind), {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $comment: `${header} Entry schema for ${apiVersion} ${kind}.`,
      $ref: `definitions.json#/definitions/${kind}`,
    });
  }
  return files;
}

function withoutDocumentation(schema) {
  return JSON.parse(
    JSON.stringify(schema, (key, value) => {
      if ((key === 'description' || key === 'deprecated' || key === '$comment') && typeof value !== 'object')
        return undefined;
      return value;
    }),
  );
}

function compileValidators(definitionsFile, header) {
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  // `strict: false`: the schema keeps documentation keywords (`deprecated`) ajv's strict mode
  // would question. `inlineRefs: false` shares one function per definition between the kinds
  // instead of inlining the pod spec nine times.
  // Documentation keywords are dropped before compiling: ajv embeds the schema objects it
  // looks properties up in, and the descriptions would triple the module's size.
  // `messages: false`: findings are worded by our own mapper from the error's keyword and params.
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    inlineRefs: false,
    messages: false,
    code: { source: true, esm: true, lines: false, optimize: true },
  });
  ajv.addSchema(withoutDocumentation(definitionsFile), 'definitions.json');
  const exports = {};
  for (const { kind } of KINDS) exports[kind] = `definitions.json#/definitions/${kind}`;
  // Minified here, once: the module is generated anyway, and every build and bundle gets smaller.
  const { transformSync } = require('esbuild');
  const code = transformSync(standaloneCode(ajv, exports), {
    loader: 'js',
    format: 'esm',
    minify: true,
    target: 'es2022',
  }).code;
  return `// @ts-nocheck\n// ${header}\n// Ajv ${packageVersion('ajv')} standalone validators, one export per kind (allErrors), minified by esbuild ${packageVersion('esbuild')}.\n${code}\n`;
}

/**
 * The compact field index behind describeSchemaAt/knownFields: per definition its
 * description and fields (description, type, enum, reference to another definition).
 */
function schemaIndex(definitions) {
  const field = (schema) => {
    let s = schema;
    const out = {};
    if (s.description) out.d = s.description;
    if (s.deprecated) out.x = true;
    if (s.$ref) out.r = s.$ref.replace('#/definitions/', '');
    const types = (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []).filter((t) => t !== 'null');
    if (types.length) out.t = types.join('|');
    if (s.enum) out.e = s.enum.filter((v) => v !== null);
    if (s.const !== undefined) out.e = [s.const];
    if (s.items) out.i = field(s.items);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') out.v = field(s.additionalProperties);
    if (s.properties) {
      out.p = {};
      for (const [name, property] of Object.entries(s.properties)) out.p[name] = field(property);
      if (s.required?.length) out.q = s.required;
    }
    return out;
  };
  const index = { kinds: Object.fromEntries(KINDS.map(({ kind }) => [kind, kind])), definitions: {} };
  for (const [name, schema] of Object.entries(definitions)) index.definitions[name] = field(schema);
  return index;
}

/**
 * The index split in two: the fields' shape (types, enums, references, properties), which the
 * schema walk of every lint reads, and their descriptions, which only hovers and completion
 * show (five sixths of the index). The descriptions are returned by a function: V8 compiles a
 * function's body, string literal included, on its first call, so a run that never shows a
 * description neither compiles nor caches that string.
 */
function splitDescriptions(field) {
  const shape = {};
  const descriptions = {};
  for (const [key, value] of Object.entries(field)) {
    if (key === 'd') descriptions.d = value;
    else if (key === 'p') {
      shape.p = {};
      const described = {};
      for (const [name, property] of Object.entries(value)) {
        const split = splitDescriptions(property);
        shape.p[name] = split.shape;
        if (split.descriptions) described[name] = split.descriptions;
      }
      if (Object.keys(described).length > 0) descriptions.p = described;
    } else if (key === 'i' || key === 'v') {
      const split = splitDescriptions(value);
      shape[key] = split.shape;
      if (split.descriptions) descriptions[key] = split.descriptions;
    } else shape[key] = value;
  }
  return { shape, descriptions: Object.keys(descriptions).length > 0 ? descriptions : undefined };
}

function indexModule(index, header) {
  const shape = { kinds: index.kinds, definitions: {} };
  const descriptions = {};
  for (const [name, field] of Object.entries(index.definitions)) {
    const split = splitDescriptions(field);
    shape.definitions[name] = split.shape;
    if (split.descriptions) descriptions[name] = split.descriptions;
  }
  // JSON.parse of string literals: parsed on first use, cheap for tsc and V8.
  return `// ${header}
// Field index (t: type, e: enum, r: definition, p: properties, q: required, i: items, v: map values, x: deprecated).
export const SCHEMA_SHAPE_JSON: string = ${JSON.stringify(JSON.stringify(shape))};

// The descriptions (d) by definition, along the same p, i and v steps; in a function so that V8 compiles the string only for the runs that show one.
export function schemaDescriptionsJson(): string {
  return ${JSON.stringify(JSON.stringify(descriptions))};
}
`;
}

function writeOutputs(out, outputs) {
  for (const [path, content] of outputs) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), content);
  }
}

function main() {
  const { out } = parseArgs(process.argv.slice(2));
  const modelsVersion = packageVersion('kubernetes-models');
  const apiVersions = JSON.parse(readFileSync(API_VERSIONS_PATH, 'utf8'));
  const header =
    `Generated by scripts/gen-schemas.mjs (npm run gen:schemas): Kubernetes 1.${apiVersions.newest} ` +
    `(the newest minor of the API data, npm run gen:api-versions), from kubernetes-models@${modelsVersion} ` +
    `(@kubernetes-models/apimachinery@${packageVersion('@kubernetes-models/apimachinery')}) and server/src/service/versions/apiOverlay.json with ts-json-schema-generator@${packageVersion('ts-json-schema-generator')}. Do not edit.`;

  const packaged = reachableDefinitions(renameDefinitions(generateRawSchema()));
  const checked = verifyIntegerFormats(packaged);
  const { definitions, added } = applyOverlay(packaged, JSON.parse(readFileSync(OVERLAY_PATH, 'utf8')));
  const strict = tightenDefinitions(definitions);

  const outputs = new Map();
  const files = schemaFiles(strict, header);
  for (const [name, schema] of files) outputs.set(join('schemas', name), `${JSON.stringify(schema, null, 2)}\n`);
  const generatedDir = join('server', 'src', 'service', 'schema', 'generated');
  outputs.set(join(generatedDir, 'validators.ts'), compileValidators(files.get('definitions.json'), header));
  outputs.set(join(generatedDir, 'schemaIndex.ts'), indexModule(schemaIndex(strict), header));
  writeOutputs(out, outputs);
  console.log(
    `gen-schemas: Kubernetes 1.${apiVersions.newest}, ${Object.keys(strict).length} definitions for ${KINDS.length} kinds, ${added} fields from the overlay (integer formats checked in ${checked} compiled validators) → ${out}`,
  );
}

main();

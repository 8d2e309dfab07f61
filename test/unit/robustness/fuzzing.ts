/**
 * Property checks shared by the robustness tests (a few thousand cases in `npm test`) and
 * `npm run fuzz` (100,000 cases): whatever text comes in, the language service answers
 * without throwing, in bounded time, with every range inside the file and on a UTF-16
 * boundary that does not split a surrogate pair.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import {
  DEFAULT_SETTINGS,
  ParsedFile,
  lintText,
  toDiagnostics,
  type FileFinding,
  type ServiceSettings,
} from '../../../server/src/service';
import { analyzePod } from '../../../server/src/service/analysis/analyzePod';
import { toJSON } from '../../../server/src/service/yaml/nodes';
import { SHARED_DIR } from '../../support/shared';
import { blockYamlArbitrary } from './blockYaml';
import { splitDocuments } from '../../../server/src/service/text/splitDocuments';
import { parseYamlDocument, parseYamlDocumentComposed, scannedTree } from '../../../server/src/service/yaml/parseYaml';
import { REPO_ROOT } from '../../support/repo';

export { REPO_ROOT };
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'robustness');
const SHARED = SHARED_DIR;

export interface Seed {
  readonly name: string;
  readonly text: string;
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...yamlFilesUnder(full));
    else if (/\.ya?ml$/i.test(entry)) out.push(full);
  }
  return out;
}

/** Our own fixtures, plus the shared seed pods and corpus when they are present (said loudly when not). */
export function loadSeeds(log: (message: string) => void = console.log): Seed[] {
  const seeds = yamlFilesUnder(FIXTURES).map((file) => ({
    name: path.relative(REPO_ROOT, file),
    text: readFileSync(file, 'utf8'),
  }));
  for (const sub of ['seed-pods', 'corpus']) {
    const dir = path.join(SHARED, sub);
    if (!existsSync(dir)) {
      log(`NOTE: ${dir} is absent: mutating only the repository's own fixtures, not the shared ${sub}.`);
      continue;
    }
    for (const file of yamlFilesUnder(dir))
      seeds.push({ name: path.relative(SHARED, file), text: readFileSync(file, 'utf8') });
  }
  return seeds;
}

const YAML_BITS = [
  ':',
  ': ',
  '- ',
  '-',
  '---\n',
  '...\n',
  '#',
  ' # c',
  '\n',
  '\r\n',
  '\t',
  '  ',
  '    ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '|',
  '>',
  '|-',
  '>+',
  '&a ',
  '*a',
  '<<: *a\n',
  '!!str ',
  '!!int ',
  '!custom ',
  '? ',
  '%YAML 1.1\n',
  'apiVersion: v1\n',
  'kind: Pod\n',
  'kind: Deployment\n',
  'spec:\n',
  'containers:\n',
  'initContainers:\n',
  '- name: a\n',
  'image: nginx\n',
  'restartPolicy: Always\n',
  'ports:\n',
  '- containerPort: 80\n',
  'yes',
  'no',
  'on',
  '0644',
  '0x1F',
  '1e3',
  '.inf',
  '~',
  'null',
  '{{ .Values.x }}',
  '\u0000',
  '\uFEFF',
  '\uD83D\uDE00',
  '\uD83D',
  '\uDE00',
  'é',
  '\u202E',
  '\u0301',
  '\u2028',
  '\u0085',
  '\\',
  '\\"',
  '%',
  '@',
  '`',
];

const unicodeChar = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0000', '\uFEFF', '\uFFFE', '\u200B', '\t', '\r', '\n'),
);

/** Arbitrary text, biased towards YAML punctuation and Kubernetes keys so it reaches deep code. */
export const arbitraryText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...YAML_BITS) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
      { weight: 1, arbitrary: unicodeChar },
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

/** A small deterministic generator, seeded by fast-check so a failing case replays exactly. */
export class Choices {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32 */
  private next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  nextInt(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  nextBoolean(): boolean {
    return this.next() < 0.5;
  }
}

type Mutation = (text: string, random: Choices) => string;

const lines = (text: string) => text.split('\n');
const pick = (random: Choices, max: number) => (max <= 0 ? 0 : random.nextInt(0, max - 1));

const MUTATIONS: Record<string, Mutation> = {
  deleteLine: (text, random) => {
    const all = lines(text);
    all.splice(pick(random, all.length), 1 + pick(random, 3));
    return all.join('\n');
  },
  swapIndentation: (text, random) => {
    const all = lines(text);
    const a = pick(random, all.length);
    const b = pick(random, all.length);
    const indentOf = (line: string) => /^[ \t]*/.exec(line)![0];
    const ia = indentOf(all[a] ?? '');
    const ib = indentOf(all[b] ?? '');
    all[a] = ib + (all[a] ?? '').slice(ia.length);
    all[b] = ia + (all[b] ?? '').slice(ib.length);
    return all.join('\n');
  },
  shiftIndentation: (text, random) => {
    const all = lines(text);
    const at = pick(random, all.length);
    all[at] = random.nextBoolean() ? ` ${all[at]}` : (all[at] ?? '').replace(/^ {1,2}/, '');
    return all.join('\n');
  },
  truncateAtByte: (text, random) => {
    const bytes = Buffer.from(text, 'utf8');
    return bytes.subarray(0, pick(random, bytes.length + 1)).toString('utf8');
  },
  truncateAtUnit: (text, random) => text.slice(0, pick(random, text.length + 1)),
  tabs: (text, random) => text.replace(/^ +/gm, (spaces) => (random.nextBoolean() ? '\t' + spaces.slice(2) : spaces)),
  crlf: (text) => text.replace(/\r?\n/g, '\r\n'),
  bareCr: (text) => text.replace(/\r?\n/g, '\r'),
  bom: (text) => `\uFEFF${text}`,
  insertBits: (text, random) => {
    let out = text;
    for (let i = 0, n = 1 + pick(random, 4); i < n; i++) {
      const at = pick(random, out.length + 1);
      out = out.slice(0, at) + YAML_BITS[pick(random, YAML_BITS.length)] + out.slice(at);
    }
    return out;
  },
  nul: (text, random) => {
    const at = pick(random, text.length + 1);
    return `${text.slice(0, at)}\u0000${text.slice(at)}`;
  },
  unicode: (text, random) => {
    const specials = [
      '\uD83D\uDE00',
      '\uD83D',
      '\uDE00',
      'é',
      'e\u0301',
      '\u202E',
      '日本',
      '\u2028',
      '\uFFFF',
      '\u{10FFFF}',
    ];
    const at = pick(random, text.length + 1);
    return text.slice(0, at) + specials[pick(random, specials.length)] + text.slice(at);
  },
  duplicateLine: (text, random) => {
    const all = lines(text);
    const at = pick(random, all.length);
    all.splice(at, 0, all[at] ?? '');
    return all.join('\n');
  },
  documentMarker: (text, random) => {
    const all = lines(text);
    all.splice(pick(random, all.length + 1), 0, random.nextBoolean() ? '---' : '...');
    return all.join('\n');
  },
};
export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** A seed file with one to four mutations applied. */
export function mutatedSeed(seeds: readonly Seed[]): fc.Arbitrary<{ seed: string; mutations: string[]; text: string }> {
  return fc
    .record({
      seedIndex: fc.nat({ max: seeds.length - 1 }),
      mutations: fc.array(fc.constantFrom(...MUTATION_NAMES), { minLength: 1, maxLength: 4 }),
      salt: fc.integer(),
    })
    .map(({ seedIndex, mutations, salt }) => {
      const random = new Choices(salt);
      let text = seeds[seedIndex]!.text;
      for (const name of mutations) text = MUTATIONS[name]!(text, random);
      return { seed: seeds[seedIndex]!.name, mutations, text };
    });
}

const dnsName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/);
const anyString = fc.string({ unit: 'binary', maxLength: 20 });
const scalar = fc.oneof(
  anyString,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('yes', 'no', 'on', 'off', '0644', '1e3', '~', '', ' x', '- y', '"', "'", '#', ': '),
);

const containerFields = fc.record(
  {
    name: fc.oneof(dnsName, anyString),
    image: fc.oneof(
      fc.constantFrom('nginx:1.27', 'busybox', 'registry.example.com/a/b@sha256:' + 'a'.repeat(64)),
      anyString,
    ),
    restartPolicy: fc.constantFrom('Always', 'OnFailure', 'Never'),
    command: fc.array(anyString, { maxLength: 3 }),
    args: fc.array(scalar, { maxLength: 3 }),
    ports: fc.array(
      fc.record(
        {
          containerPort: fc.oneof(fc.integer({ min: -1, max: 70000 }), anyString),
          name: dnsName,
          protocol: fc.constantFrom('TCP', 'UDP', 'SCTP', 'tcp'),
        },
        { requiredKeys: ['containerPort'] },
      ),
      { maxLength: 3 },
    ),
    env: fc.array(fc.record({ name: fc.oneof(dnsName, anyString), value: scalar }, { requiredKeys: ['name'] }), {
      maxLength: 3,
    }),
    volumeMounts: fc.array(
      fc.record(
        { name: dnsName, mountPath: fc.oneof(fc.constant('/data'), anyString), readOnly: fc.boolean() },
        { requiredKeys: ['name'] },
      ),
      { maxLength: 2 },
    ),
    resources: fc.record(
      {
        requests: fc.dictionary(
          fc.constantFrom('cpu', 'memory', 'ephemeral-storage'),
          fc.oneof(fc.constantFrom('100m', '1', '128Mi', '1e3', '-1'), fc.integer()),
        ),
        limits: fc.dictionary(fc.constantFrom('cpu', 'memory'), fc.constantFrom('1', '256Mi', 'lots')),
      },
      { requiredKeys: [] },
    ),
    readinessProbe: fc.record(
      {
        httpGet: fc.record({
          path: fc.constant('/healthz'),
          port: fc.oneof(fc.integer({ min: 0, max: 70000 }), dnsName),
        }),
        periodSeconds: fc.integer({ min: -5, max: 100 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);
// Unknown fields too, as typos and fields from newer versions appear in real files.
const container = fc
  .tuple(containerFields, fc.dictionary(dnsName, scalar, { maxKeys: 1 }))
  .map(([fields, extra]) => ({ ...extra, ...fields }));

/** Random pod-bearing objects (valid or not), as plain JSON values. */
export const podObject: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    kind: fc.constantFrom('Pod', 'Deployment', 'Job', 'CronJob', 'StatefulSet', 'DaemonSet'),
    name: fc.oneof(dnsName, anyString),
    initContainers: fc.array(container, { maxLength: 3 }),
    containers: fc.array(container, { maxLength: 4 }),
    volumes: fc.array(fc.record({ name: dnsName, emptyDir: fc.constant({}) }), { maxLength: 3 }),
    labels: fc.dictionary(dnsName, anyString, { maxKeys: 3 }),
    extra: fc.dictionary(
      fc.oneof(dnsName, anyString).filter((key) => key !== '<<'),
      scalar,
      { maxKeys: 2 },
    ),
  })
  .map(({ kind, name, initContainers, containers, volumes, labels, extra }) => {
    const podSpec = { initContainers, containers, volumes, ...extra };
    const apiVersion = kind === 'Pod' ? 'v1' : kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1';
    const template = { metadata: { labels }, spec: podSpec };
    const spec =
      kind === 'Pod'
        ? podSpec
        : kind === 'CronJob'
          ? { schedule: '* * * * *', jobTemplate: { spec: { template } } }
          : kind === 'Job'
            ? { template }
            : { selector: { matchLabels: labels }, template };
    return { apiVersion, kind, metadata: { name, labels }, spec };
  });

/** Prints a pod object as YAML 1.1 (so that `on`, `0644` and friends are quoted as kubectl would need). */
export function printPod(pod: unknown, flow: boolean): string {
  return stringify(pod, {
    version: '1.1',
    lineWidth: 0,
    aliasDuplicateObjects: false,
    ...(flow ? { collectionStyle: 'flow' } : {}),
  });
}

export interface CheckResult {
  readonly findings: readonly FileFinding[];
  readonly milliseconds: number;
  readonly documents: number;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function assertOffset(text: string, offset: number, what: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length)
    throw new Error(`${what}: offset ${offset} is outside the text (length ${text.length})`);
  if (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  ) {
    throw new Error(`${what}: offset ${offset} splits a surrogate pair`);
  }
}

/**
 * Runs the whole service on a text and throws if any property is broken: no exception,
 * at most `msPerDocument` per YAML document, every finding and diagnostic range inside
 * its document and on a valid UTF-16 boundary, LSP positions that map back to the offsets.
 */
export function checkService(
  text: string,
  settings: ServiceSettings = DEFAULT_SETTINGS,
  msPerDocument = 1000,
): CheckResult {
  const started = performance.now();
  const analysis = new ParsedFile(text);
  const findings = analysis.findings(settings);
  const diagnostics = toDiagnostics(analysis, settings, 'file:///fuzz.yaml');
  for (const { pod } of analysis.pods) analyzePod(pod);
  const milliseconds = performance.now() - started;
  const documents = Math.max(1, analysis.documents.length);
  if (milliseconds > msPerDocument * documents)
    throw new Error(`took ${milliseconds.toFixed(0)} ms for ${documents} document(s)`);

  for (const finding of findings) {
    const document = analysis.documents[finding.documentIndex];
    if (!document)
      throw new Error(`finding ${finding.code} names document ${finding.documentIndex}, which does not exist`);
    const ranges = [finding.range, ...(finding.related ?? []).map((related) => related.range)];
    for (const range of ranges) {
      assertOffset(text, range.start, `${finding.code} start`);
      assertOffset(text, range.end, `${finding.code} end`);
      if (range.end < range.start) throw new Error(`${finding.code}: range ends before it starts`);
      const documentEnd = document.offset + document.model.text.length;
      if (range.start < document.offset || range.end > documentEnd) {
        throw new Error(
          `${finding.code}: range ${range.start}-${range.end} leaves its document ${document.offset}-${documentEnd}`,
        );
      }
    }
    if (typeof finding.message !== 'string' || finding.message.length === 0 || finding.message.length > 2000)
      throw new Error(`${finding.code}: unreadable message`);
  }
  const lineIndex = analysis.lineIndex;
  diagnostics.forEach((diagnostic, i) => {
    for (const [which, position] of [
      ['start', diagnostic.range.start],
      ['end', diagnostic.range.end],
    ] as const) {
      const back = lineIndex.offsetAt(position);
      if (back !== findings[i]!.range[which]) {
        throw new Error(
          `diagnostic ${diagnostic.code} ${which} ${JSON.stringify(position)} maps back to ${back}, not ${findings[i]!.range[which]}`,
        );
      }
    }
  });
  // The CLI's one-shot path (models dropped as it goes) must say exactly what the editor's analysis says.
  const oneShot = lintText(text, settings);
  if (JSON.stringify(oneShot.findings) !== JSON.stringify(findings))
    throw new Error('lintText gives other findings than ParsedFile');
  if (oneShot.podCount !== analysis.pods.length)
    throw new Error(`lintText counts ${oneShot.podCount} pods, ParsedFile ${analysis.pods.length}`);
  return { findings, milliseconds, documents };
}

/** Printed pods must come back unchanged: the tree's JSON equals the object printed. */
export function checkRoundTrip(pod: unknown, text: string): void {
  const analysis = new ParsedFile(text);
  const syntax = analysis.documents.flatMap((document) => document.model.syntaxFindings);
  if (syntax.length)
    throw new Error(`printed YAML has syntax findings: ${syntax.map((finding) => finding.message).join('; ')}`);
  const root = analysis.documents[0]?.model.root;
  const back = JSON.stringify(toJSON(root));
  const expected = JSON.stringify(pod);
  if (back !== expected) throw new Error(`round trip changed the object:\n${expected}\n${back}`);
}

export interface TreeTally {
  documents: number;
  /** Documents the text scanner read (the others went through composition). */
  fromText: number;
  /** Documents the pre-scan refused as nested too deeply (not compared with composition). */
  refusedTooDeep: number;
}

export const newTreeTally = (): TreeTally => ({ documents: 0, fromText: 0, refusedTooDeep: 0 });

/**
 * For every document of a text: whenever the text scanner answers, its tree is exactly the
 * composed tree and composition finds no problem; the service's parse equals composition.
 */
export function compareTrees(text: string, tally: TreeTally): void {
  for (const slice of splitDocuments(text)) {
    tally.documents++;
    const composed = parseYamlDocumentComposed(slice.text);
    const scanned = scannedTree(slice.text);
    if (scanned !== undefined) {
      tally.fromText++;
      if (composed.findings.length > 0)
        throw new Error(
          `the text scanner accepted a document composition finds problems in: ${JSON.stringify(slice.text)}`,
        );
      if (JSON.stringify(scanned) !== JSON.stringify(composed.root))
        throw new Error(`the text scanner's tree differs from the composed tree for ${JSON.stringify(slice.text)}`);
    }
    const parsed = parseYamlDocument(slice.text);
    // Documents the pre-scan finds too deep are refused before composition, by design.
    if (parsed.findings.some((finding) => finding.data?.['yamlCode'] === 'EXCESSIVE_NESTING')) {
      tally.refusedTooDeep++;
      continue;
    }
    if (JSON.stringify(parsed) !== JSON.stringify(composed))
      throw new Error(`parseYamlDocument differs from composition for ${JSON.stringify(slice.text)}`);
  }
}

export interface FuzzCounts {
  arbitraryText: number;
  mutatedSeeds: number;
  printedPods: number;
  blockYaml: number;
  readonly trees: TreeTally;
}

/** Runs the four families of cases; `numRuns` is split between them. Throws on the first broken property. */
export function runFuzz(numRuns: number, seeds: readonly Seed[], options: { seed?: number } = {}): FuzzCounts {
  const counts: FuzzCounts = { arbitraryText: 0, mutatedSeeds: 0, printedPods: 0, blockYaml: 0, trees: newTreeTally() };
  const share = Math.max(1, Math.floor(numRuns / 4));
  const params = (runs: number) => ({
    numRuns: runs,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    endOnFailure: true,
  });
  fc.assert(
    fc.property(arbitraryText, (text) => {
      checkService(text);
      compareTrees(text, counts.trees);
      counts.arbitraryText++;
    }),
    params(share),
  );
  fc.assert(
    fc.property(mutatedSeed(seeds), ({ text }) => {
      checkService(text);
      compareTrees(text, counts.trees);
      counts.mutatedSeeds++;
    }),
    params(share),
  );
  fc.assert(
    fc.property(podObject, fc.boolean(), (pod, flow) => {
      const text = printPod(pod, flow);
      checkRoundTrip(pod, text);
      checkService(text);
      compareTrees(text, counts.trees);
      counts.printedPods++;
    }),
    params(share),
  );
  fc.assert(
    fc.property(
      blockYamlArbitrary((seed) => new Choices(seed)),
      (text) => {
        checkService(text);
        compareTrees(text, counts.trees);
        counts.blockYaml++;
      },
    ),
    params(numRuns - 3 * share),
  );
  return counts;
}

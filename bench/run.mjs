// `npm run bench [-- --quick]`: measures Pod Patterns against yaml-language-server and a
// bare `yaml` parse on generated multi-container pod files, prints a table (median and
// spread of several runs, each figure beside its comparison measured in the same run)
// and writes bench/results.json and bench/results.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchCliScale } from './cliScale.mjs';
import { keystrokePosition, percentile, podDocument, podFile } from './generatePods.mjs';
import { LspClient } from './lspClient.mjs';
import { strictSchemaPath } from './ylsSchema.mjs';
import { yamlWithoutTokenLogging } from '../scripts/yamlBundlePlugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(root, 'bench', '.cache');
const quick = process.argv.includes('--quick');
const SIZES = quick ? [10, 100, 500] : [10, 100, 2000];
const BIG = SIZES[SIZES.length - 1];
/**
 * Keystrokes and memory on large files, in the full run only (`--quick --large` adds them to a quick run): our server alone (yaml-language-server
 * already takes seconds per keystroke at 2,000 pods), each size beside the next smaller one.
 */
const LARGE_SIZES = quick && !process.argv.includes('--large') ? [] : [8000, 32000];
const LARGE_RUNS = 25;
const RUNS = quick ? 3 : 7;
const YLS_RUNS = quick ? 3 : 5;
/** yaml-language-server waits this long after every change before validating (not configurable). */
const YLS_VALIDATION_DELAY_MS = 200;
const OUR_SERVER = [path.join(root, 'server', 'out', 'server.js'), '--stdio'];
const YLS_SERVER = [path.join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'];
// `../shared/corpus` next to the repository (a git worktree one level deeper finds it at `../../shared`).
const CORPUS = [path.resolve(root, '..', 'shared', 'corpus'), path.resolve(root, '..', '..', 'shared', 'corpus')].find(
  (dir) => existsSync(dir),
);

mkdirSync(cache, { recursive: true });
const schemaPath = strictSchemaPath(root, cache);
const files = Object.fromEntries(
  [...SIZES, ...LARGE_SIZES].map((count) => {
    const file = path.join(cache, `pods-${count}.yaml`);
    writeFileSync(file, podFile(count));
    return [count, file];
  }),
);

const ourSettings = { podPatterns: { validate: { enable: true } } };
const ylsSettings = {
  yaml: {
    validate: true,
    hover: false,
    completion: false,
    schemas: { [pathToFileURL(schemaPath).href]: ['*.yaml'] },
    schemaStore: { enable: false },
    yamlVersion: '1.1',
  },
  http: { proxy: '', proxyStrictSSL: false },
};
/** The large files are above the default `podPatterns.maxFileSize` (5 MB): raised so that they are validated while typed. */
const ourLargeFileSettings = { podPatterns: { ...ourSettings.podPatterns, maxFileSize: 100 * 1024 * 1024 } };
const servers = {
  ours: () => new LspClient(OUR_SERVER, { initializationOptions: { debounceMs: 0 }, settings: ourSettings }),
  oursLarge: () =>
    new LspClient(OUR_SERVER, {
      initializationOptions: { debounceMs: 0, settings: ourLargeFileSettings.podPatterns },
      settings: ourLargeFileSettings,
    }),
  yls: () => new LspClient(YLS_SERVER, { settings: ylsSettings }),
};

const log = (message) => process.stderr.write(`${message}\n`);

// --- Full validation in one process vs a bare parse -------------------------------------
const serviceBundle = path.join(cache, 'service.cjs');
await build({
  entryPoints: [path.join(root, 'server', 'src', 'service', 'index.ts')],
  outfile: serviceBundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  plugins: [yamlWithoutTokenLogging],
  logLevel: 'warning',
});
const inProcess = {};
for (const count of SIZES) {
  log(`in-process validation, ${count} pods…`);
  const out = execFileSync(
    process.execPath,
    [path.join(root, 'bench', 'inProcess.mjs'), serviceBundle, files[count], String(RUNS)],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  inProcess[count] = JSON.parse(out);
}

// --- Over stdio: open (full validation) and one-character edits -------------------------
/** Opens the file, then edits one character in a document in the middle, `runs` times. */
async function lspSession(kind, count, runs) {
  const text = readFileSync(files[count], 'utf8');
  // A path without dot-folders: yaml-language-server's schema globs skip them.
  const uri = `file:///pod-patterns-bench/edit-${count}.yaml`;
  const client = servers[kind]();
  await client.initialize();
  // Both tools report exactly the misspelt fields (one per hundred pods); waiting for that many
  // skips any early, empty publish (yaml-language-server may send one before its schema is set).
  const expected = text.split('imagePullPolcy').length - 1;
  const opened = performance.now();
  let first = await client.open(uri, text);
  for (let extra = 0; first.diagnostics.length !== expected && extra < 5; extra++)
    first = (await within(client.nextDiagnostics(uri), 5000)) ?? first;
  const openMs = performance.now() - opened;
  if (first.diagnostics.length !== expected)
    log(`${kind}: ${first.diagnostics.length} diagnostics on open, expected ${expected}`);
  const { line, character } = keystrokePosition(text, count);
  const keystrokes = [];
  let version = 1;
  for (let i = 0; i < (runs > 0 ? runs + 1 : 0); i++) {
    const replacement = i % 2 === 0 ? '7' : '6';
    const started = performance.now();
    let published = await client.change(uri, ++version, [
      { range: { start: { line, character }, end: { line, character: character + 1 } }, text: replacement },
    ]);
    for (let extra = 0; published.diagnostics.length !== expected && extra < 5; extra++)
      published = (await within(client.nextDiagnostics(uri), 5000)) ?? published;
    const elapsed = performance.now() - started;
    if (published.version !== undefined && published.version !== version)
      throw new Error(`${kind}: diagnostics for version ${published.version}, expected ${version}`);
    if (i > 0) keystrokes.push(elapsed); // the first edit warms the edit path up
  }
  const peakRssMb = client.peakRssMb();
  const rssMb = client.rssMb();
  await client.stop();
  return { openMs, keystrokes, diagnostics: first.diagnostics.length, peakRssMb, rssMb };
}

/** The promise's value, or undefined if it takes longer than `ms`. */
function within(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

// Our server starts through V8's code cache, written when a session ends (launch/serverLauncher.ts):
// one session first, as an editor's first session after installing, so that no measured one writes it.
await lspSession('ours', SIZES[0], 0);

const lsp = {};
/** Opening is a cold first validation in a fresh server: a few sessions give it a median too. */
const OPEN_RUNS = quick ? 1 : 3;
for (const count of SIZES) {
  for (const kind of ['ours', 'yls']) {
    log(`${kind} over stdio, ${count} pods…`);
    const session = await lspSession(kind, count, kind === 'yls' ? YLS_RUNS : RUNS);
    const opens = [session.openMs];
    for (let i = 1; i < OPEN_RUNS; i++) opens.push((await lspSession(kind, count, 0)).openMs);
    lsp[`${kind}-${count}`] = { ...session, opens };
  }
}

const large = {};
for (const count of LARGE_SIZES) {
  log(`ours over stdio, ${count} pods…`);
  large[count] = await lspSession('oursLarge', count, LARGE_RUNS);
}

// --- Cold start: spawn, initialize, open a 100-line pod, first diagnostics --------------
const smallPod = podDocument(1, { extraContainers: 5 });
async function coldStart(kind) {
  const client = servers[kind]();
  await client.initialize();
  const published = await client.open('file:///pod-patterns-bench/cold.yaml', smallPod);
  const elapsed = performance.now() - client.startedAt;
  await client.stop();
  return { elapsed, diagnostics: published.diagnostics.length };
}
const cold = { ours: [], yls: [] };
for (let i = 0; i < RUNS; i++) {
  for (const kind of ['ours', 'yls']) cold[kind].push((await coldStart(kind)).elapsed);
}
log('cold start done');

// --- CLI throughput -------------------------------------------------------------------
const cli = path.join(root, 'server', 'out', 'cli.js');
// `cli.js` is the start-up script of the bundle `cliMain.js` (before that, the bundle itself).
const supportsJobs = [cli, path.join(root, 'server', 'out', 'cliMain.js')].some(
  (file) => existsSync(file) && readFileSync(file, 'utf8').includes('--jobs'),
);
function timeCli(args) {
  const started = performance.now();
  // The inputs live in bench/.cache, which .gitignore lists: the CLI would skip them by default.
  const run = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--quiet', '--no-gitignore', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const elapsed = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) throw new Error(`lint failed (${run.status}): ${run.stderr}`);
  return elapsed;
}
const splitDir = path.join(cache, `split-${BIG}`);
rmSync(splitDir, { recursive: true, force: true });
mkdirSync(splitDir, { recursive: true });
const PER_FILE = Math.max(1, Math.floor(BIG / 8));
for (let start = 0, part = 0; start < BIG; start += PER_FILE, part++) {
  const docs = [];
  for (let i = start; i < Math.min(BIG, start + PER_FILE); i++) docs.push(podDocument(i));
  writeFileSync(path.join(splitDir, `part-${part}.yaml`), docs.join('---\n'));
}
const corpusResources = CORPUS ? countResources(CORPUS) : undefined;
if (!CORPUS) log('NOTE: ../shared/corpus is absent: no corpus throughput row.');
const cliRuns = { oneFile: [], split: [], splitJobs: [], corpus: [], corpusJobs: [] };
const jobs = Math.max(2, os.availableParallelism());
for (let i = 0; i < Math.min(RUNS, 5); i++) {
  // One process: `--jobs auto`, the default, could pick workers for enough YAML.
  const oneThread = supportsJobs ? ['--jobs', '1'] : [];
  cliRuns.oneFile.push(BIG / (timeCli([...oneThread, files[BIG]]) / 1000));
  cliRuns.split.push(BIG / (timeCli([...oneThread, splitDir]) / 1000));
  if (supportsJobs) cliRuns.splitJobs.push(BIG / (timeCli(['--jobs', String(jobs), splitDir]) / 1000));
  if (corpusResources) {
    cliRuns.corpus.push(corpusResources / (timeCli([...oneThread, CORPUS]) / 1000));
    if (supportsJobs) cliRuns.corpusJobs.push(corpusResources / (timeCli(['--jobs', String(jobs), CORPUS]) / 1000));
  }
}
log('CLI done');
const cliScale = benchCliScale({ root, cache, quick, runs: Math.min(RUNS, 5), log });

function countResources(dir) {
  const out = execFileSync(
    process.execPath,
    [
      '-e',
      `
    const { ParsedFile } = require(${JSON.stringify(serviceBundle)});
    const fs = require('fs'), path = require('path');
    let n = 0;
    (function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f); else if (/\\.ya?ml$/i.test(e.name)) n += new ParsedFile(fs.readFileSync(f, 'utf8')).documents.reduce((s, d) => s + d.model.resources.length, 0);
    } })(${JSON.stringify(dir)});
    process.stdout.write(String(n));`,
    ],
    { encoding: 'utf8' },
  );
  return Number(out);
}

// --- VSIX size --------------------------------------------------------------------------
let vsixBytes = null;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
if (pkg.scripts?.package) {
  const started = Date.now();
  const run = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8' });
  // vsce writes the package where the script says (the repository root or build/).
  const vsix = [root, path.join(root, 'build')]
    .flatMap((dir) =>
      existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('.vsix'))
            .map((f) => path.join(dir, f))
        : [],
    )
    .filter((file) => statSync(file).mtimeMs >= started - 1000)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (run.status === 0 && vsix) vsixBytes = statSync(vsix).size;
  else log(`npm run package failed: ${(run.stderr || run.stdout).slice(-500)}`);
}

// --- Report -----------------------------------------------------------------------------
const median = (values) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const spread = (values) => (values.length ? `${fmt(Math.min(...values))}–${fmt(Math.max(...values))}` : '');
const fmt = (value) =>
  value == null ? 'n/a' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
const cell = (values) => (values.length ? `${fmt(median(values))} (${spread(values)})` : 'n/a');
const minus = (values, ms) => values.map((v) => Math.max(0, v - ms));
const ratio = (a, b) => (a == null || b == null || b === 0 ? 'n/a' : `${(a / b).toFixed(a / b < 0.1 ? 4 : 2)}×`);

const rows = [];
const addRow = (measure, oursValues, theirsValues, comparison, unit = 'ms') =>
  rows.push([
    measure,
    `${cell(oursValues)}`,
    comparison,
    `${cell(theirsValues)}`,
    ratio(median(oursValues), median(theirsValues)),
    unit,
  ]);
for (const count of SIZES) {
  const ours = lsp[`ours-${count}`];
  const theirs = lsp[`yls-${count}`];
  addRow(
    `Keystroke → diagnostics, ${count} pods (stdio)`,
    ours.keystrokes,
    minus(theirs.keystrokes, YLS_VALIDATION_DELAY_MS),
    'yaml-language-server¹',
  );
}
/** The keystrokes and RSS of a size, with the size below it (measured in this run) as its comparison. */
const sessionAt = (count) => large[count] ?? lsp[`ours-${count}`];
const textMb = (count) => statSync(files[count]).size / 2 ** 20;
LARGE_SIZES.forEach((count, i) => {
  const smaller = i === 0 ? BIG : LARGE_SIZES[i - 1];
  addRow(
    `Keystroke → diagnostics, ${count} pods, ${fmt(textMb(count))} MB (stdio)`,
    large[count].keystrokes,
    sessionAt(smaller).keystrokes,
    `${smaller} pods, this run²`,
  );
});
for (const count of SIZES) {
  addRow(
    `Open → first diagnostics, ${count} pods (stdio, fresh server)`,
    lsp[`ours-${count}`].opens,
    minus(lsp[`yls-${count}`].opens, YLS_VALIDATION_DELAY_MS),
    'yaml-language-server¹',
  );
}
for (const count of SIZES) {
  addRow(
    `Full validation in one process, ${count} pods (CPU ms)`,
    inProcess[count].ours,
    inProcess[count].bare,
    'bare `yaml` parseAllDocuments',
  );
}
addRow('Cold start: spawn → diagnostics, 100-line pod', cold.ours, cold.yls, 'yaml-language-server');
rows.push([`CLI, ${BIG} pods in one file, one process`, cell(cliRuns.oneFile), '', '', '', 'resources/s']);
rows.push([`CLI, ${BIG} pods in 8 files, one process`, cell(cliRuns.split), '', '', '', 'resources/s']);
rows.push([
  `CLI, ${BIG} pods in 8 files, --jobs ${jobs}`,
  supportsJobs ? cell(cliRuns.splitJobs) : 'not yet',
  '',
  '',
  '',
  'resources/s',
]);
if (corpusResources) {
  rows.push([
    `CLI, corpus (${corpusResources} resources), one process`,
    cell(cliRuns.corpus),
    '',
    '',
    '',
    'resources/s',
  ]);
  if (supportsJobs) rows.push([`CLI, corpus, --jobs ${jobs}`, cell(cliRuns.corpusJobs), '', '', '', 'resources/s']);
}
{
  // Start-up, streaming and workers: each figure beside its comparison from the same run.
  const { series, sizes, podsPerFile } = cliScale;
  const of = (name, key) => (series[name] ?? []).map((run) => run[key]);
  const pair = (measure, name, comparison, theirs, key, unit) =>
    addRow(measure, of(name, key), of(theirs, key), comparison, unit);
  pair('CLI, 1 pod: spawn → exit', 'onePod', '`node -e 0`', 'bareNode', 'wallMs', 'ms');
  pair('CLI, 1 pod (CPU ms)', 'onePod', '`node -e 0`', 'bareNode', 'cpuMs', 'ms');
  pair(`CLI, 10 files × ${podsPerFile} pods: spawn → exit`, 'tenByTen', '`node -e 0`', 'bareNode', 'wallMs', 'ms');
  pair('CLI peak RSS, 1 pod', 'onePod', '`node -e 0`', 'bareNode', 'peakRssMb', 'MB');
  for (const files of sizes.slice(1)) {
    const label = `${files} files × ${podsPerFile} pods`;
    pair(`CLI, ${label}, --jobs 2`, `files${files}Jobs2`, 'one process', `files${files}`, 'wallMs', 'ms');
    pair(`CLI, ${label}, --jobs 2 (CPU ms)`, `files${files}Jobs2`, 'one process', `files${files}`, 'cpuMs', 'ms');
    if (files !== sizes[1])
      pair(
        `CLI peak RSS, ${label}, one process`,
        `files${files}`,
        `${sizes[1]} files, one process`,
        `files${sizes[1]}`,
        'peakRssMb',
        'MB',
      );
    pair(`CLI peak RSS, ${label}, --jobs 2`, `files${files}Jobs2`, 'one process', `files${files}`, 'peakRssMb', 'MB');
  }
  // The same inputs through kubeconform, its runs alternating with ours (note ³).
  const comparedWith = (flags) => `kubeconform${flags}³${cliScale.kubeconform.binary ? '' : ' (not run)'}`;
  for (const { measure, ours, flags, theirs } of kubeconformPairs(cliScale)) {
    pair(`${measure}: spawn → exit`, ours, comparedWith(flags), theirs, 'wallMs', 'ms');
    pair(`${measure} (CPU ms)`, ours, comparedWith(flags), theirs, 'cpuMs', 'ms');
    pair(`${measure.replace(/^CLI, /, 'CLI peak RSS, ')}`, ours, comparedWith(flags), theirs, 'peakRssMb', 'MB');
  }
}

/** Each CLI case beside the kubeconform run on the same input: series names in `cliScale.series`. */
function kubeconformPairs({ sizes, podsPerFile }) {
  const pairs = [
    { measure: 'CLI, 1 pod', ours: 'onePod', flags: '', theirs: 'kubeconformOnePod' },
    { measure: `CLI, 10 files × ${podsPerFile} pods`, ours: 'tenByTen', flags: '', theirs: 'kubeconformTenByTen' },
  ];
  for (const files of sizes.slice(1)) {
    const label = `CLI, ${files} files × ${podsPerFile} pods`;
    pairs.push(
      { measure: `${label}, one process`, ours: `files${files}`, flags: ' -n 1', theirs: `kubeconformFiles${files}N1` },
      {
        measure: `${label}, --jobs 2`,
        ours: `files${files}Jobs2`,
        flags: ' (4 workers, its default)',
        theirs: `kubeconformFiles${files}`,
      },
    );
  }
  return pairs;
}
const oursRss = lsp[`ours-${BIG}`].peakRssMb;
const ylsRss = lsp[`yls-${BIG}`].peakRssMb;
rows.push([
  `Server peak RSS, ${BIG} pods open and edited`,
  fmt(oursRss),
  'yaml-language-server',
  fmt(ylsRss),
  ratio(oursRss, ylsRss),
  'MB',
]);
LARGE_SIZES.forEach((count, i) => {
  const smaller = i === 0 ? BIG : LARGE_SIZES[i - 1];
  const ours = large[count].peakRssMb;
  const theirs = sessionAt(smaller).peakRssMb;
  rows.push([
    `Server peak RSS, ${count} pods open and edited (${fmt(ours / textMb(count))}× the text)`,
    fmt(ours),
    `${smaller} pods, this run²`,
    fmt(theirs),
    ratio(ours, theirs),
    'MB',
  ]);
});
rows.push(['VSIX size', vsixBytes == null ? 'not yet' : fmt(vsixBytes / 1024), '', '', '', 'KB']);

const bigLines = readFileSync(files[BIG], 'utf8').split('\n').length;
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.platform()} ${os.release()}, load average ${os.loadavg()[0].toFixed(2)} at the end`;
const json = {
  machine,
  date: new Date().toISOString(),
  keystrokeMs: median(lsp[`ours-${BIG}`].keystrokes),
  ylsKeystrokeMs: median(minus(lsp[`yls-${BIG}`].keystrokes, YLS_VALIDATION_DELAY_MS)),
  fullValidationMs: median(inProcess[BIG].ours),
  bareParseMs: median(inProcess[BIG].bare),
  ylsFullValidationMs: median(minus(lsp[`yls-${BIG}`].opens, YLS_VALIDATION_DELAY_MS)),
  cliResourcesPerSecond: median(cliRuns.oneFile),
  coldStartMs: median(cold.ours),
  vsixBytes,
  peakRssMb: oursRss ?? null,
  cli: Object.fromEntries(
    Object.entries(cliScale.series).map(([name, runs]) => [
      name,
      {
        wallMs: median(runs.map((run) => run.wallMs)),
        cpuMs: median(runs.map((run) => run.cpuMs)),
        peakRssMb: median(runs.map((run) => run.peakRssMb)),
      },
    ]),
  ),
};
for (const count of LARGE_SIZES) {
  json[`keystroke${count}Ms`] = median(large[count].keystrokes);
  json[`keystroke${count}P99Ms`] = percentile(large[count].keystrokes, 0.99);
  json[`peakRss${count}Mb`] = large[count].peakRssMb ?? null;
  json[`rssAfterEdits${count}Mb`] = large[count].rssMb ?? null;
  json[`textSize${count}Mb`] = textMb(count);
}
{
  // kubeconform beside the CLI: how it ran, and our median over its median for each pair.
  const { binary, notRun, ...kubeconform } = cliScale.kubeconform;
  json.kubeconform = {
    ...kubeconform,
    ran: Boolean(binary),
    notRun: notRun ?? null,
    schemaLocation: path.relative(root, kubeconform.schemaLocation),
    measuredBy: cliScale.method,
  };
  const medianOf = (name, key) => json.cli[name]?.[key] ?? null;
  const over = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
  json.cliVsKubeconform = Object.fromEntries(
    kubeconformPairs(cliScale).map(({ ours, theirs }) => [
      ours,
      Object.fromEntries(
        ['wallMs', 'cpuMs', 'peakRssMb'].map((key) => [key, over(medianOf(ours, key), medianOf(theirs, key))]),
      ),
    ]),
  );
}

const header = [
  'Measure',
  'Pod Patterns: median (min–max)',
  'Compared with',
  'Comparison: median (min–max)',
  'Ratio',
  'Unit',
];
const table = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
const notes = [
  `Inputs: ${SIZES.join(', ')} generated multi-container pods in one multi-document file (${bigLines.toLocaleString('en-US')} lines at ${BIG}); ${RUNS} runs (${YLS_RUNS} for yaml-language-server edits, ${OPEN_RUNS} fresh servers for opening). Opening is the first validation in a fresh process (our server started from the compile cache an earlier session wrote, as after a first use), before the JavaScript engine has optimised anything; the in-process row is the same work once warm. The CLI validates in a fresh process too.`,
  `Diagnostics on open at ${BIG} pods: Pod Patterns ${lsp[`ours-${BIG}`].diagnostics}, yaml-language-server ${lsp[`yls-${BIG}`].diagnostics} (one pod in a hundred has a misspelt field; the others are valid and warning-free). The in-process and CLI figures are CPU time and wall time of the same single-threaded work; on a loaded machine wall times spread more.`,
  ...(LARGE_SIZES.length
    ? [
        `² Files of ${LARGE_SIZES.join(' and ')} pods (${LARGE_SIZES.map((count) => `${fmt(textMb(count))} MB`).join(', ')}) are above the default \`podPatterns.maxFileSize\` (5 MB), which the server is told to raise to 100 MB; ${LARGE_RUNS} keystrokes each (p99 at ${LARGE_SIZES.map((count) => `${count} pods: ${fmt(percentile(large[count].keystrokes, 0.99))} ms`).join(', ')}), each beside the next smaller size of this run. yaml-language-server is not run at these sizes: at ${BIG} pods it already takes seconds per keystroke.`,
      ]
    : []),
  `CLI start-up and many-file rows: \`lint --format json\` in a fresh process (the compile cache written by an earlier run, as after a first use), its output discarded; ${cliScale.method}; \`--jobs 1\`, \`--jobs 2\` and kubeconform alternate run by run.`,
  kubeconformNote(cliScale.kubeconform),
  `¹ yaml-language-server ${JSON.parse(readFileSync(path.join(root, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')).version} with the same strict Kubernetes schema (generated offline from kubernetes-models, no network), YAML 1.1; its fixed ${YLS_VALIDATION_DELAY_MS} ms validation delay is subtracted from its figures. Pod Patterns runs with \`debounceMs: 0\`.`,
];
const markdown = `${table}\n\n${notes.join('\n\n')}\n`;
process.stdout.write(`\n${markdown}\n`);

if (!quick) {
  // In the repository's own style, so that `npm test`'s format check passes on a fresh run's results.
  const prettier = await import('prettier');
  const resultsFile = path.join(root, 'bench', 'results.json');
  const options = (await prettier.resolveConfig(resultsFile)) ?? {};
  writeFileSync(
    resultsFile,
    await prettier.format(JSON.stringify(json, null, 2), { ...options, filepath: resultsFile }),
  );
  writeFileSync(path.join(root, 'bench', 'README-section.md'), readmeSection(markdown, machine, json.date));
  writeFileSync(
    path.join(root, 'bench', 'results.md'),
    `# Benchmark results\n\nCommand: \`npm run bench${quick ? ' -- --quick' : ''}\`\n\nMachine: ${machine}\n\nDate: ${json.date}\n\n${markdown}`,
  );
} else {
  writeFileSync(path.join(cache, 'results-quick.json'), `${JSON.stringify(json, null, 2)}\n`);
}
log(JSON.stringify(json));

/** Note ³: which kubeconform ran, how it was built and how it was run, so that a reader can repeat it. */
function kubeconformNote({ binary, notRun, version, build, flags, schemaLocation }) {
  const how = `\`kubeconform ${flags.join(' ')} -schema-location '${path.relative(root, schemaLocation)}' [-n 1] INPUT\``;
  const schemas =
    'one standalone file per kind and apiVersion, written by bench/kubeconformSchemas.mjs from the same strict schema yaml-language-server gets';
  const give =
    'The bench runs the kubeconform binary named by `POD_PATTERNS_BENCH_KUBECONFORM`, else `kubeconform` on PATH';
  if (!binary) return `³ kubeconform was not run: ${notRun}. ${give}, as ${how}; its schemas: ${schemas}.`;
  return `³ kubeconform \`${version}\`${build ? ` (${build})` : ''}, run as ${how} on the same inputs; its schemas: ${schemas}. ${give}.`;
}

/** The README's "Performance" section: how to reproduce, then the latest table. */
function readmeSection(table, machineDescription, date) {
  return `## Performance

Measured with \`npm run bench\` (about 5 minutes on a 2-core machine; \`npm run bench -- --quick\` runs a smaller version in under a minute).
It measures what ships: the production build (\`node scripts/build.mjs --production\`, minified bundles, as in the VSIX
and the npm package). It generates files of realistic multi-container pods (init containers, a native sidecar, app containers, volumes,
probes, env, resources), drives the real language server over stdio next to yaml-language-server configured with
the same strict schema, validates the files in one process next to a bare \`yaml\` parse, and times the CLI and a
cold start. The CLI runs beside kubeconform on the same inputs and strict schema when a kubeconform binary is given
(\`POD_PATTERNS_BENCH_KUBECONFORM=/path/to/kubeconform\`, or \`kubeconform\` on PATH; note ³). The full run also drives our server alone on 8,000 and 32,000 pods (10 and 42 MB) for keystrokes and memory, a few
minutes more. Every figure is a median with its range over several runs, beside its comparison from the same run.
The latest run is in [bench/results.md](bench/results.md) and [bench/results.json](bench/results.json).

${table}
Machine: ${machineDescription}, ${date.slice(0, 10)}.
`;
}

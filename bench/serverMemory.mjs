// `node bench/serverMemory.mjs [--pods 8000] [--keystrokes 25] [--server path/to/server.js] [--json]`:
// the language server's memory on one large file, alone (the full `npm run bench` measures it beside
// everything else): a fresh server opens a generated file of `--pods` pods, waits for its diagnostics,
// types `--keystrokes` one-character edits in the middle document (each waiting for its diagnostics),
// then reads the server's peak RSS (VmHWM) and its RSS now. A second fresh server opened on a one-pod
// file gives the idle RSS that every session pays. `--server` measures another build (an A/B run).
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keystrokePosition, percentile, podFile } from './generatePods.mjs';
import { LspClient } from './lspClient.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const pods = Number(option('pods', '8000'));
const keystrokes = Number(option('keystrokes', '25'));
/** Node options for the server process (`--node-args "--trace-gc --max-semi-space-size=1"`), to see where its memory goes. */
const nodeArgs = option('node-args', '').split(' ').filter(Boolean);
const server = path.resolve(option('server', path.join(root, 'server', 'out', 'server.js')));

const cache = path.join(root, 'bench', '.cache');
mkdirSync(cache, { recursive: true });
const settings = { podPatterns: { validate: { enable: true }, maxFileSize: 100 * 1024 * 1024 } };

function startServer() {
  return new LspClient([...nodeArgs, server, '--stdio'], {
    initializationOptions: { debounceMs: 0, settings: settings.podPatterns },
    settings,
  });
}

/** The idle RSS: a fresh server, initialized, with a one-pod file open and its diagnostics in. */
async function idle() {
  const client = startServer();
  await client.initialize();
  const uri = 'file:///pod-patterns-bench/idle.yaml';
  await client.open(uri, podFile(1));
  const result = { rssMb: client.rssMb(), peakRssMb: client.peakRssMb() };
  await client.stop();
  return result;
}

async function large() {
  const file = path.join(cache, `pods-${pods}.yaml`);
  writeFileSync(file, podFile(pods));
  const text = readFileSync(file, 'utf8');
  const expected = text.split('imagePullPolcy').length - 1;
  const uri = `file:///pod-patterns-bench/memory-${pods}.yaml`;
  const client = startServer();
  await client.initialize();
  const opened = performance.now();
  const first = await client.open(uri, text);
  const openMs = performance.now() - opened;
  if (first.diagnostics.length !== expected)
    throw new Error(`${first.diagnostics.length} diagnostics on open, expected ${expected}`);
  const afterOpen = { rssMb: client.rssMb(), peakRssMb: client.peakRssMb() };
  const { line, character } = keystrokePosition(text, pods);
  const times = [];
  const cpuBefore = client.cpuMs();
  let version = 1;
  for (let i = 0; i <= keystrokes; i++) {
    const started = performance.now();
    const published = await client.change(uri, ++version, [
      { range: { start: { line, character }, end: { line, character: character + 1 } }, text: i % 2 ? '6' : '7' },
    ]);
    const elapsed = performance.now() - started;
    if (published.diagnostics.length !== expected)
      throw new Error(`keystroke ${i}: ${published.diagnostics.length} diagnostics`);
    if (i > 0) times.push(elapsed); // the first edit warms the edit path up
  }
  const keystrokeCpuMs = (client.cpuMs() - cpuBefore) / (keystrokes + 1);
  const result = {
    pods,
    textMb: Buffer.byteLength(text) / 1024 / 1024,
    openMs,
    afterOpen,
    peakRssMb: client.peakRssMb(),
    rssMb: client.rssMb(),
    keystrokeMedianMs: percentile(times, 0.5),
    keystrokeP99Ms: percentile(times, 0.99),
    keystrokeCpuMs,
  };
  await client.stop();
  if (process.argv.includes('--stderr')) process.stderr.write(client.stderr);
  return result;
}

// One session first, so that the measured ones start from V8's code cache, as an editor's does after its first.
await idle();
const result = { server, idle: await idle(), large: await large() };
result.large.peakToText = result.large.peakRssMb / result.large.textMb;
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else {
  const r = result.large;
  const f = (n) => n.toFixed(1);
  console.log(
    `${r.pods} pods (${f(r.textMb)} MB): peak ${f(r.peakRssMb)} MB = ${r.peakToText.toFixed(2)}x, ` +
      `after open ${f(r.afterOpen.rssMb)} (peak ${f(r.afterOpen.peakRssMb)}), end ${f(r.rssMb)} MB; ` +
      `open ${Math.round(r.openMs)} ms, keystroke median ${f(r.keystrokeMedianMs)} p99 ${f(r.keystrokeP99Ms)} ms, server CPU ${f(r.keystrokeCpuMs)} ms; ` +
      `idle ${f(result.idle.rssMb)} MB (peak ${f(result.idle.peakRssMb)})`,
  );
}

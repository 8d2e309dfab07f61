// `node bench/boundedRequests.mjs` (after `npm run build`): how long the language server takes to
// answer each request a keystroke brings, on files around `podPatterns.maxFileSize`, over stdio.
// Prints one line per measure: the median and the worst of several keystrokes, and peak RSS.
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LspClient } from './lspClient.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = [path.join(root, 'server', 'out', 'server.js'), '--stdio'];
const KEYSTROKES = 7;

const POD = (i) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-${i}\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n`;
/** One pod with `lines` lines of env vars: a single YAML document that cannot be split. */
function hugePod(lines) {
  const env = Array.from({ length: lines }, (_, i) => `        - name: VAR_${i}\n          value: "v${i}"`).join('\n');
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: huge\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      env:\n${env}\n`;
}
const manyPods = (count) => Array.from({ length: count }, (_, i) => POD(i)).join('---\n');
const megabytes = (text) => (Buffer.byteLength(text) / 1048576).toFixed(1);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(promise) {
  const start = performance.now();
  await promise.catch(() => undefined);
  return performance.now() - start;
}

/** Types a character at the top of the file, then asks hover, completion and code actions at once. */
async function keystrokes(client, uri) {
  const times = { hover: [], completion: [], codeAction: [] };
  let version = 1;
  for (let i = 0; i < KEYSTROKES; i++) {
    version++;
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 8 } }, text: 'x' }],
    });
    const position = { line: 6, character: 13 };
    const [hover, completion, codeAction] = await Promise.all([
      timed(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })),
      timed(client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })),
      timed(
        client.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: position, end: position },
          context: { diagnostics: [] },
        }),
      ),
    ]);
    times.hover.push(hover);
    times.completion.push(completion);
    times.codeAction.push(codeAction);
  }
  return times;
}

async function measure(name, text, settings) {
  const client = new LspClient(SERVER, {
    settings: { podPatterns: settings },
    initializationOptions: { settings, debounceMs: 200 },
  });
  await client.initialize();
  const uri = `file:///bench/${name.replace(/\W+/g, '-')}.yaml`;
  const openStart = performance.now();
  await client.open(uri, text);
  const openMs = performance.now() - openStart;
  const times = await keystrokes(client, uri);
  // A small file's hover while the large one is validated again after a change.
  const small = 'file:///bench/small.yaml';
  await client.open(small, POD(0));
  void client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 100 },
    contentChanges: [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 8 } }, text: 'y' }],
  });
  await new Promise((resolve) => setTimeout(resolve, 210));
  const otherFileHover = await timed(
    client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: small },
      position: { line: 6, character: 13 },
    }),
  );
  const rss = client.peakRssMb();
  await client.stop();
  const line = (label, values) =>
    `${label} median ${median(values).toFixed(0)} ms, worst ${Math.max(...values).toFixed(0)} ms`;
  console.log(
    `${name} (${megabytes(text)} MB): open → diagnostics ${openMs.toFixed(0)} ms; per keystroke: ${line('hover', times.hover)}; ${line('completion', times.completion)}; ${line('code actions', times.codeAction)}; hover on another file during its validation ${otherFileHover.toFixed(0)} ms; peak RSS ${rss?.toFixed(0)} MB`,
  );
}

console.log(
  `node ${process.version}, ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
await measure('20 MB of pods, above the limit', manyPods(100_000), {});
await measure('2,000 pods in one file', manyPods(2000), {});
await measure('one pod of 100,000 lines', hugePod(50_000), {});
await measure('10,000 pods in one file', manyPods(10_000), {});
console.log(
  `load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

// A second real LSP client in CI: Debian's Neovim, headless, against the stdio server
// (server/out/server.js, built by `npm run build`). It opens a seed pod holding a line of
// multi-byte characters, waits for diagnostics, hovers, completes, applies the preferred quick
// fix with Neovim's own edit code and checks the buffer text. No Neovim is a failure, not a skip.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = process.env.POD_PATTERNS_SHARED ?? path.resolve(repo, '..', 'shared');
const server = path.join(repo, 'server/out/server.js');

function fail(message) {
  console.error(`test:neovim FAILED: ${message}`);
  process.exit(1);
}

const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0)
  fail('Neovim (nvim) is not installed: install the Debian package (apt-get install neovim); .ci/run does.');
if (!existsSync(server)) fail(`${path.relative(repo, server)} is missing: run npm run build first.`);

// The seed's sidecar, written as one flow mapping with multi-byte characters before the wrong value.
const seed = readFileSync(path.join(shared, 'seed-pods/04-sidecar-log-writer.yaml'), 'utf8');
const sidecarBlock = seed.slice(seed.indexOf('  - name: sidecar-container\n'), seed.indexOf('  volumes:\n'));
if (!sidecarBlock.includes('image: busybox')) fail('seed 04-sidecar-log-writer.yaml no longer has its busybox sidecar');
const multiByteLine =
  '  - {name: sidecar-container, image: busybox, env: [{name: NOTE, value: "café 🚀 日本"}], imagePullPolicy: Sometimes, ' +
  'command: ["/bin/sh"], args: ["-c", "while true; do date >> /var/log/index.html; sleep 5; done"], ' +
  'volumeMounts: [{name: shared-logs, mountPath: /var/log}]}\n';
const pod = seed.replace(sidecarBlock, multiByteLine);

const directory = mkdtempSync(path.join(tmpdir(), 'pod-patterns-neovim-'));
const podFile = path.join(directory, 'sidecar.yaml');
const resultFile = path.join(directory, 'result.json');
writeFileSync(podFile, pod);
const started = Date.now();
try {
  const run = spawnSync(
    'nvim',
    ['--headless', '--clean', '-n', '-c', `luafile ${path.join(repo, 'test/neovim/lsp.lua')}`],
    {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, POD_PATTERNS_SERVER: server, POD_PATTERNS_POD: podFile, POD_PATTERNS_RESULT: resultFile },
    },
  );
  if (run.error) fail(`nvim did not finish: ${run.error.message}\n${run.stderr}`);
  if (!existsSync(resultFile)) fail(`nvim wrote no result (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  const failed = result.steps.find((step) => !step.ok);
  if (failed) fail(`step "${failed.name}": ${failed.error}`);

  assert.equal(result.encoding, 'utf-8', 'Neovim offered UTF-8 and the server chose it');
  assert.equal(result.markedByNeovim, 'Sometimes', "Neovim's own diagnostic marks the wrong value");
  assert.match(result.hover, /imagePullPolicy/);
  assert.ok(
    result.completion.some((label) => /^nginx:\d/.test(label)),
    `completion: ${result.completion.join(', ')}`,
  );
  const fixed = `${result.lines.join('\n')}\n`;
  const replacement = /imagePullPolicy: Sometimes/.test(fixed) ? undefined : /imagePullPolicy: (\w+)/.exec(fixed)?.[1];
  assert.ok(replacement && ['Always', 'IfNotPresent', 'Never'].includes(replacement), `${result.action}:\n${fixed}`);
  assert.equal(
    fixed,
    pod.replace('imagePullPolicy: Sometimes', `imagePullPolicy: ${replacement}`).replaceAll('shared-logs', 'app-logs'),
    `${result.action}, then the volume renamed`,
  );
  // The outline, asked before the rename: the pod, its two containers and its volume.
  for (const name of ['main-container', 'sidecar-container', 'shared-logs'])
    assert.ok(
      result.symbols.some((symbol) => symbol.includes(name)),
      `symbols: ${result.symbols.join(', ')}`,
    );
  console.log(
    `test:neovim passed in ${((Date.now() - started) / 1000).toFixed(1)} s with Neovim ${result.neovim} (${result.encoding}): ` +
      `diagnostics, hover, completion, "${result.action}" applied, symbols, rename applied, shutdown`,
  );
} finally {
  rmSync(directory, { recursive: true, force: true });
}

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const SERVER = path.resolve(__dirname, '../../../../server/out/server.js');

/** Loaded into the server before its launcher: at exit, writes the young generation's committed size to stderr. */
const PROBE = `process.on('exit', () => {
  const young = require('v8').getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  process.stderr.write('young generation bytes: ' + young.space_size + '\\n');
});`;

function pods(count: number): string {
  const documents: string[] = [];
  for (let index = 0; index < count; index++)
    documents.push(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        `  name: shop-${index}`,
        'spec:',
        '  initContainers:',
        '    - name: log-shipper',
        '      image: fluent/fluent-bit:3.1.9',
        '      restartPolicy: Always',
        '  containers:',
        '    - name: app',
        `      image: nginx:1.27.${index % 10}`,
        '      resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 256Mi } }',
        '      ports: [{ containerPort: 8080 }]',
      ].join('\n'),
    );
  return documents.join('\n---\n') + '\n';
}

/** The young generation's size when the shipped server (started as editors start it) exits after validating `text`. */
async function youngGenerationAfterOpening(text: string): Promise<number> {
  const folder = mkdtempSync(path.join(tmpdir(), 'pod-patterns-young-'));
  const probe = path.join(folder, 'probe.cjs');
  writeFileSync(probe, PROBE);
  const child = spawn(process.execPath, ['--require', probe, SERVER, '--stdio'], {
    env: { ...process.env, POD_PATTERNS_NO_COMPILE_CACHE: '1' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const uri = 'file:///young/pods.yaml';
  const published = new Promise((resolve) =>
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
      if (params.uri === uri) resolve(params);
    }),
  );
  connection.onRequest(() => null);
  connection.listen();
  try {
    await connection.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {},
      initializationOptions: { debounceMs: 0, settings: { maxFileSize: 100 * 1024 * 1024 } },
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    await published;
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await exited;
  } finally {
    connection.dispose();
    child.kill();
    rmSync(folder, { recursive: true, force: true });
  }
  const match = /young generation bytes: (\d+)/.exec(stderr);
  assert.ok(match, `the probe reported nothing; stderr: ${stderr}`);
  return Number(match[1]);
}

describe('the language server keeps its young generation small (serverLauncher.ts)', () => {
  it('validating 3,000 pods leaves V8 young generation at its first size (2 x 1 MB), not grown towards 2 x 16 MB', async () => {
    const bytes = await youngGenerationAfterOpening(pods(3000));
    assert.ok(bytes <= 2 * 1024 * 1024, `young generation ${(bytes / 1024 / 1024).toFixed(1)} MB`);
  });
});

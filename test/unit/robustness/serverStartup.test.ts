import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { REPO_ROOT } from '../../support/repo';

const SERVER = path.join(REPO_ROOT, 'server', 'out', 'server.js');
const URI = 'file:///startup/pod.yaml';
const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      imagePullPolcy: Always\n';

interface Session {
  readonly diagnostics: Diagnostic[];
  readonly exitCode: number | null;
  readonly stderr: string;
}

/**
 * One editor session with the shipped server over stdio: initialize, open the pod, wait for its
 * diagnostics, shutdown and exit. The temporary folder (where the compile cache goes) is `tmp`.
 */
function session(tmp: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<Session> {
  const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], {
    env: { ...process.env, TMPDIR: tmp, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const published = new Promise<Diagnostic[]>((resolve) =>
    connection.onNotification('textDocument/publishDiagnostics', (params: { diagnostics: Diagnostic[] }) =>
      resolve(params.diagnostics),
    ),
  );
  connection.onRequest(() => null);
  connection.listen();
  const run = async (): Promise<Session> => {
    await connection.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {},
      initializationOptions: { debounceMs: 0 },
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'yaml', version: 1, text: POD },
    });
    const diagnostics = await published;
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const exitCode = await exited;
    connection.dispose();
    return { diagnostics, exitCode, stderr };
  };
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => {
      child.kill();
      reject(new Error(`the server session did not finish; stderr: ${stderr}`));
    }, 20_000).unref(),
  );
  return Promise.race([run(), timeout]);
}

describe('language server start-up', () => {
  let scratch: string;
  before(() => (scratch = mkdtempSync(path.join(tmpdir(), 'pod-patterns-server-startup-'))));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  function cacheFiles(tmp: string): string[] {
    try {
      return readdirSync(tmp).flatMap((folder) =>
        readdirSync(path.join(tmp, folder)).map((file) => path.join(tmp, folder, file)),
      );
    } catch {
      return [];
    }
  }

  it('writes a compile cache when a session ends, starts from it next time, and survives a corrupt one', async () => {
    const tmp = path.join(scratch, 'tmp');
    const uncached = await session(tmp, { POD_PATTERNS_NO_COMPILE_CACHE: '1' });
    assert.equal(uncached.exitCode, 0, uncached.stderr);
    assert.ok(
      uncached.diagnostics.some(
        (diagnostic) => diagnostic.code === 'schema' && String(diagnostic.message).includes('imagePullPolcy'),
      ),
      'the misspelt field is reported',
    );
    assert.deepEqual(cacheFiles(tmp), [], 'no cache when it is turned off');

    const first = await session(tmp);
    const written = cacheFiles(tmp);
    assert.equal(written.length, 1, 'one cache file, for the server');
    assert.match(path.basename(written[0]!), /-server\.bin$/);
    const writtenAt = statSync(written[0]!).mtimeMs;
    const second = await session(tmp);
    assert.equal(statSync(written[0]!).mtimeMs, writtenAt, 'a usable cache is not written again');
    for (const result of [first, second]) {
      assert.equal(result.exitCode, 0, result.stderr);
      assert.deepEqual(result.diagnostics, uncached.diagnostics);
    }

    writeFileSync(written[0]!, 'not a code cache');
    const corrupt = await session(tmp);
    assert.equal(corrupt.exitCode, 0, corrupt.stderr);
    assert.deepEqual(corrupt.diagnostics, uncached.diagnostics);
    assert.notEqual(readFileSync(written[0]!, 'utf8'), 'not a code cache', 'a rejected cache is written again');
  });

  it('removes caches of the server that older builds left more than a week ago, and nothing else', async () => {
    const tmp = path.join(scratch, 'tmp-stale');
    const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
    const folder = path.join(tmp, `pod-patterns-compile-cache-${uid}`);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const monthAgo = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
    const planted = {
      oldServer: path.join(folder, '11.3-x64-oldbuild-2000-1-server.bin'),
      crashedWrite: path.join(folder, '11.3-x64-oldbuild-2000-1-server.bin.4242.tmp'),
      recentServer: path.join(folder, '11.3-x64-otherbuild-2000-1-server.bin'),
      oldCli: path.join(folder, '11.3-x64-oldbuild-2000-1-lint.bin'),
    };
    for (const file of Object.values(planted)) writeFileSync(file, 'bytecode of another build', { mode: 0o600 });
    for (const file of [planted.oldServer, planted.crashedWrite, planted.oldCli]) utimesSync(file, monthAgo, monthAgo);

    const result = await session(tmp);
    assert.equal(result.exitCode, 0, result.stderr);
    const left = new Set(cacheFiles(tmp));
    assert.ok(!left.has(planted.oldServer), 'the month-old server cache of another build is removed');
    assert.ok(!left.has(planted.crashedWrite), 'so is a temporary file a crashed write left');
    assert.ok(left.has(planted.recentServer), 'a recent cache of another build may still be in use');
    assert.ok(left.has(planted.oldCli), "the CLI's cache is the CLI's to replace");
    assert.equal(left.size, 3, 'the new server cache is written beside the two kept');
  });

  it('loads no hashing, child processes or performance hooks on its way to the first diagnostics', async () => {
    // Node's own record of the built-in modules a process loaded, printed as it exits.
    const preload = path.join(scratch, 'loaded.js');
    writeFileSync(
      preload,
      "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')))));\n",
    );
    const result = await session(path.join(scratch, 'tmp-loaded'), {}, ['--require', preload]);
    assert.ok(result.diagnostics.length > 0, result.stderr);
    const line = result.stderr.split('\n').find((text) => text.startsWith('LOADED '));
    assert.ok(line, result.stderr);
    const loaded = new Set(JSON.parse(line.slice('LOADED '.length)) as string[]);
    // What shows the check can fail: the server reads its stdio through `net`.
    assert.ok(loaded.has('NativeModule net'));
    for (const module of ['crypto', 'child_process', 'perf_hooks'])
      assert.ok(!loaded.has(`NativeModule ${module}`), `the server loads ${module}`);
  });
});

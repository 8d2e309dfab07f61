import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../../support/repo';

const CLI = path.join(REPO_ROOT, 'server', 'out', 'cli.js');
const BUNDLE = path.join(REPO_ROOT, 'server', 'out', 'cliMain.js');
const SERVER_BUNDLE = path.join(REPO_ROOT, 'server', 'out', 'serverMain.js');
const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      imagePullPolcy: Always\n';

describe('CLI start-up', () => {
  let scratch: string;
  let pod: string;
  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'pod-patterns-startup-'));
    pod = path.join(scratch, 'pod.yaml');
    writeFileSync(pod, POD);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  /** Runs the shipped CLI with its temporary folder (where the compile cache goes) under `scratch`. */
  function run(args: string[], env: Record<string, string> = {}, preload?: string) {
    const result = spawnSync(process.execPath, [...(preload ? ['--require', preload] : []), CLI, ...args], {
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: path.join(scratch, 'tmp'), ...env },
    });
    return result;
  }

  function cacheFiles(): string[] {
    try {
      return readdirSync(path.join(scratch, 'tmp')).flatMap((folder) =>
        readdirSync(path.join(scratch, 'tmp', folder)).map((file) => path.join(scratch, 'tmp', folder, file)),
      );
    } catch {
      return [];
    }
  }

  it('writes a compile cache on the first run, uses it on the next, and survives a corrupt one', () => {
    rmSync(path.join(scratch, 'tmp'), { recursive: true, force: true });
    const args = ['lint', '--format', 'json', pod];
    const uncached = run(args, { POD_PATTERNS_NO_COMPILE_CACHE: '1' });
    assert.equal(uncached.status, 1, uncached.stderr);
    assert.match(uncached.stdout, /imagePullPolcy/);
    assert.deepEqual(cacheFiles(), [], 'no cache when it is turned off');

    const first = run(args);
    const written = cacheFiles();
    assert.equal(written.length, 1, 'one cache file, for the lint command');
    assert.match(path.basename(written[0]!), /-lint\.bin$/);
    const second = run(args);
    for (const result of [first, second]) {
      assert.equal(result.status, uncached.status, result.stderr);
      assert.equal(result.stdout, uncached.stdout);
      assert.equal(result.stderr, uncached.stderr);
    }

    writeFileSync(written[0]!, 'not a code cache');
    const corrupt = run(args);
    assert.equal(corrupt.status, uncached.status, corrupt.stderr);
    assert.equal(corrupt.stdout, uncached.stdout);
    assert.notEqual(readFileSync(written[0]!, 'utf8'), 'not a code cache', 'a rejected cache is written again');
  });

  it('keeps the bundles ASCII, so their launchers (the CLI and the server) can decode them as Latin-1', () => {
    for (const bundle of [BUNDLE, SERVER_BUNDLE]) {
      const bytes = readFileSync(bundle);
      assert.ok(
        bytes.every((byte) => byte < 0x80),
        `every byte of ${path.basename(bundle)} is ASCII`,
      );
    }
  });

  it('loads child processes, hashing and worker threads only for the runs that use them', () => {
    // Node's own record of the built-in modules a process loaded, printed as it exits.
    const preload = path.join(scratch, 'loaded.js');
    writeFileSync(
      preload,
      "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')))));\n",
    );
    const loaded = (args: string[]) => {
      const result = run(args, {}, preload);
      const line = result.stderr.split('\n').find((text) => text.startsWith('LOADED '));
      assert.ok(line, result.stderr);
      return new Set(JSON.parse(line.slice('LOADED '.length)) as string[]);
    };
    const lint = loaded(['lint', '--format', 'json', pod]);
    for (const module of ['child_process', 'crypto', 'worker_threads'])
      assert.ok(!lint.has(`NativeModule ${module}`), `a JSON lint of one file loads ${module}`);
    // What shows the check can fail: SARIF hashes its fingerprints and asks git for the repository's root.
    const sarif = loaded(['lint', '--format', 'sarif', pod]);
    assert.ok(sarif.has('NativeModule crypto') && sarif.has('NativeModule child_process'));
  });

  it("stops writing quietly when the reader of its output goes away, and exits with the run's code", async () => {
    const many = path.join(scratch, 'many.yaml');
    writeFileSync(many, Array.from({ length: 400 }, () => POD).join('---\n'));
    const child = spawn(process.execPath, [CLI, 'lint', '--format', 'json', many], {
      env: { ...process.env, TMPDIR: path.join(scratch, 'tmp') },
    });
    let stderr = '';
    let read = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read one chunk of the report (a pipe holds far less than its 400 findings), then close the pipe.
    child.stdout.once('data', (chunk: Buffer) => {
      read = chunk.length;
      child.stdout.destroy();
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.ok(read > 0 && read < 100_000, `read ${read} bytes`);
    assert.equal(stderr, '');
    assert.equal(status, 1, 'the pod has a schema error');
  });
});

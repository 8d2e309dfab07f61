import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/run';
import { REPO_ROOT } from './fuzzing';

const CLI = path.join(REPO_ROOT, 'server', 'out', 'cli.js');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'robustness');

function runInProcess(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => '',
  });
  return { code, stdout, stderr };
}

describe('lint --jobs N (worker threads)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pod-patterns-jobs-'));
    // Files with findings of several kinds (syntax, duplicate key, schema) and clean ones, in mixed order.
    const broken = [
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  containers:\n    - name: a\n      image: nginx\n',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: nginx\n      ports:\n        - containerPort: "80"\n      bogus: true\n',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n',
    ];
    broken.forEach((text, i) => writeFileSync(path.join(dir, `broken-${i}.yaml`), text));
    for (const file of ['native-sidecar-pod.yaml', 'anchors-deployment.yaml', 'crlf-pod.yaml']) {
      writeFileSync(path.join(dir, `ok-${file}`), readFileSync(path.join(FIXTURES, file)));
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['json', 'text', 'sarif', 'github', 'junit']) {
    it(`gives the same ${format} output and exit code as one thread (shipped bundle)`, () => {
      const one = spawnSync(process.execPath, [CLI, 'lint', '--format', format, '--jobs', '1', dir], {
        encoding: 'utf8',
      });
      for (const jobs of ['3', 'auto']) {
        const many = spawnSync(process.execPath, [CLI, 'lint', '--format', format, '--jobs', jobs, dir], {
          encoding: 'utf8',
        });
        assert.equal(one.status, 1, one.stderr);
        assert.equal(many.status, one.status, many.stderr);
        assert.equal(many.stdout, one.stdout);
      }
      assert.ok(one.stdout.includes('duplicate-key'), one.stdout.slice(0, 500));
    });
  }

  it('works in-process from the build too', () => {
    const one = runInProcess(['lint', '--format', 'json', dir]);
    const many = runInProcess(['lint', '--format', 'json', '--jobs', '2', dir]);
    assert.equal(many.code, one.code);
    assert.equal(many.stdout, one.stdout);
  });

  it('refuses a --jobs that is not a positive whole number', () => {
    for (const bad of ['0', '-1', 'two', '1.5']) {
      const { code, stderr } = runInProcess(['lint', '--jobs', bad, dir]);
      assert.equal(code, 2);
      assert.match(stderr, /--jobs takes a whole number/);
    }
  });
});

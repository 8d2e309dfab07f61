import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../server/src/cli/run';
import { readFixture, assertGolden } from './support';

function run(argv: string[], stdin = ''): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => stdin,
  });
  return { code, stdout, stderr };
}

function tempFile(name: string, text: string): { file: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pod-patterns-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

test('add inserts exactly what the code action inserts, in place', () => {
  const { file, cleanup } = tempFile('pod.yaml', readFixture('insert', 'pod-kubectl-style.yaml'));
  try {
    const result = run(['add', 'sidecar', '--template', 'git-sync', file]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Add sidecar: Git sync \(git-sync v4\) → container "git-sync" added to Pod web/);
    assertGolden(readFileSync(file, 'utf8'), 'insert', 'expected', 'templates.sidecar.git-sync.yaml');
  } finally {
    cleanup();
  }
});

test('add --pod picks a pod by name; several pods without --pod is an error', () => {
  const two = `${readFixture('insert', 'pod-kubectl-style.yaml')}---\n${readFixture('insert', 'job-indented-sequences.yaml')}`;
  const { file, cleanup } = tempFile('two.yaml', two);
  try {
    const ambiguous = run(['add', 'init', file]);
    assert.equal(ambiguous.code, 1);
    assert.match(ambiguous.stderr, /2 pods \(web, report\): choose one with --pod NAME/);
    const printed = run(['add', 'init', '--pod', 'report', '--stdout', file]);
    assert.equal(printed.code, 0);
    assert.equal(readFileSync(file, 'utf8'), two, '--stdout leaves the file alone');
    const [first, second] = printed.stdout.split('---\n');
    assert.equal(first, two.split('---\n')[0], 'the other pod is untouched');
    assert.match(second!, /initContainers:\n {8}- name: git-clone/);
    assert.equal(run(['add', 'init', '--pod', 'nope', file]).code, 1);
  } finally {
    cleanup();
  }
});

test('add rejects unknown patterns and templates with usage errors', () => {
  assert.equal(run(['add', 'helper', 'x.yaml']).code, 2);
  const badTemplate = run(['add', 'adapter', '--template', 'git-sync', 'x.yaml']);
  assert.equal(badTemplate.code, 2);
  assert.match(badTemplate.stderr, /prometheus-exporter, log-reformatter/);
  assert.match(run(['add', 'init', '/nonexistent/pod.yaml']).stderr, /cannot read/);
});

test('add leaves a file that is not UTF-8 byte for byte alone, and says why', () => {
  const { file, cleanup } = tempFile('latin1.yaml', '');
  try {
    // `café` in Latin-1: decoded as UTF-8 it would be written back as `caf\uFFFD`.
    const latin1 = Buffer.concat([
      Buffer.from('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    note: "caf'),
      Buffer.from([0xe9]),
      Buffer.from('"\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n'),
    ]);
    writeFileSync(file, latin1);
    for (const argv of [
      ['add', 'sidecar', file],
      ['add', 'sidecar', '--stdout', file],
    ]) {
      const result = run(argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, /latin1\.yaml is not changed: the file is not valid UTF-8/);
      assert.equal(result.stdout, '');
      assert.ok(readFileSync(file).equals(latin1), 'the file is byte for byte unchanged');
    }
  } finally {
    cleanup();
  }
});

test('lint --fix applies the preferred fixes, rewrites the file, reports what changed and what remains', () => {
  const text = 'apiVersion: extensions/v1beta1 # old\nkind: DaemonSet\nmetadata: {name: d}\n';
  const { file, cleanup } = tempFile('ds.yaml', text);
  try {
    const result = run(['lint', '--fix', file]);
    assert.match(result.stdout, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: fixed schema ×1`));
    assert.equal(readFileSync(file, 'utf8'), 'apiVersion: apps/v1 # old\nkind: DaemonSet\nmetadata: {name: d}\n');
    assert.ok(!result.stdout.includes('no matches for kind'), 'the fixed finding is not reported as remaining');
    const again = run(['lint', '--fix', file]);
    assert.ok(!again.stdout.includes('fixed'), 'a second run has nothing left to fix');
    assert.equal(run(['lint', '--fix', '-'], text).code, 2, 'stdin cannot be rewritten');
  } finally {
    cleanup();
  }
});

for (const fixture of ['job-two-spaces.yaml', 'job-four-spaces.yaml']) {
  test(`lint --fix on ${fixture}: the whole file as the safe fixes leave it`, () => {
    const { file, cleanup } = tempFile(fixture, readFixture('fixes', fixture));
    try {
      // The fixtures' mistakes are those of a 1.34 target: from 1.35 an app container may set its own restartPolicy.
      const result = run(['lint', '--kubernetes-version', '1.34', '--fix', file]);
      assert.match(result.stdout, /: fixed .*sidecar-blocks-job-completion ×1/);
      const fixed = readFileSync(file, 'utf8');
      assertGolden(fixed, 'fixes', 'expected', `${fixture.replace(/\.yaml$/, '')}.lint-fix.yaml`);
      assert.equal(
        run(['lint', '--kubernetes-version', '1.34', '--fix', file]).stdout.includes(': fixed'),
        false,
        'nothing is left that a second run would fix',
      );
    } finally {
      cleanup();
    }
  });
}

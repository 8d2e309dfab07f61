import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { cli } from '../../support/cli';

const removedApi = 'apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata: {name: d}\n';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pod-patterns-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test('text format prints path:line:col severity code message and a summary', () => {
  const dir = workspace({ 'a.yaml': removedApi });
  const file = path.join(dir, 'a.yaml');
  const result = cli(['lint', file]);
  assert.equal(result.code, 1);
  const lines = result.stdout.trim().split('\n');
  assert.match(
    lines[0]!,
    new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:1:13 error schema no matches for kind "DaemonSet"`),
  );
  assert.match(lines[lines.length - 1]!, /^1 problem \(1 error, 0 warnings, 0 info\) in 1 file/);
});

test('json format has the stable shape with 0-based ranges', () => {
  const dir = workspace({ 'a.yaml': removedApi, 'b.yml': 'kind: ConfigMap\n' });
  const result = cli(['lint', '--format', 'json', dir]);
  assert.equal(result.code, 1);
  const report = JSON.parse(result.stdout);
  assert.deepEqual(
    report.files.map((f: { path: string }) => path.basename(f.path)),
    ['a.yaml', 'b.yml'],
  );
  assert.deepEqual(report.files[0].diagnostics[0], {
    code: 'schema',
    severity: 'error',
    message: report.files[0].diagnostics[0].message,
    range: { start: { line: 0, character: 12 }, end: { line: 0, character: 30 } },
  });
  assert.deepEqual(report.files[1].diagnostics, []);
});

test('sarif format is SARIF 2.1.0 with 1-based regions', () => {
  const dir = workspace({ 'a.yaml': removedApi });
  const result = cli(['lint', '--format=sarif', path.join(dir, 'a.yaml')]);
  const log = JSON.parse(result.stdout);
  assert.equal(log.version, '2.1.0');
  const [run] = log.runs;
  assert.equal(run.tool.driver.name, 'pod-patterns');
  assert.deepEqual(run.results[0].locations[0].physicalLocation.region, {
    startLine: 1,
    startColumn: 13,
    endLine: 1,
    endColumn: 31,
  });
  assert.equal(run.results[0].level, 'error');
  assert.equal(run.results[0].ruleId, 'schema');
});

test('reads standard input with -', () => {
  const result = cli(['lint', '-'], removedApi);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /^<stdin>:1:13 error/);
});

test('globs expand, directories recurse, clean files exit 0', () => {
  const dir = workspace({
    'deep/x/pod.yaml': 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\n',
    'deep/notes.txt': 'x',
  });
  const result = cli(['lint', '--format', 'json', `${dir}/**/*.yaml`]);
  assert.equal(JSON.parse(result.stdout).files.length, 1);
  assert.equal(
    cli(['lint', '--quiet', dir]).code,
    JSON.parse(cli(['lint', '--format', 'json', dir]).stdout).files[0].diagnostics.some(
      (d: { severity: string }) => d.severity === 'error',
    )
      ? 1
      : 0,
  );
});

test('usage errors and unreadable files exit 2 with a clear message', () => {
  assert.equal(cli(['lint']).code, 2);
  const unknownFlag = cli(['lint', '--colour', 'x.yaml']);
  assert.equal(unknownFlag.code, 2);
  assert.match(unknownFlag.stderr, /unknown option --colour/);
  const badVersion = cli(['lint', '--kubernetes-version', 'latest', 'x.yaml']);
  assert.equal(badVersion.code, 2);
  assert.match(badVersion.stderr, /--kubernetes-version "latest" is not a Kubernetes version: write 1\.MINOR/);
  const missing = cli(['lint', '/nonexistent/pod.yaml']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /\/nonexistent\/pod\.yaml: no such file or directory/);
  assert.equal(missing.stdout, '', 'no summary of 0 files');
  assert.equal(cli(['frobnicate']).code, 2);
});

test('the bundled CLI runs as a program with the same exit codes', () => {
  const bundle = path.resolve(__dirname, '../../../../server/out/cli.js');
  const dir = workspace({ 'a.yaml': removedApi });
  const run = spawnSync(process.execPath, [bundle, 'lint', path.join(dir, 'a.yaml')], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stdout, /1 problem/);
  const version = execFileSync(process.execPath, [bundle, '--version'], { encoding: 'utf8' }).trim();
  assert.equal(version, JSON.parse(readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')).version);
});

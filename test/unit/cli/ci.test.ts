import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../../../server/src/cli/run';
import { unifiedDiff } from '../../../server/src/cli/diff';
import { escapeData, escapeProperty } from '../../../server/src/cli/formats/github';
import { escapeXml } from '../../../server/src/cli/formats/junit';

const REMOVED_API = 'apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata: {name: d}\n';
/** Three warnings under the strict preset (missing-resources, latest-image-tag, duplicate-env-name), no error. */
const WARNINGS_POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:latest\n      env:\n        - name: A\n          value: "1"\n        - name: A\n          value: "2"\n';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pod-patterns-ci-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function run(
  argv: string[],
  options: { cwd?: string; env?: Record<string, string>; terminal?: boolean; stdin?: string } = {},
) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => options.stdin ?? '',
    env: options.env ?? {},
    stdoutIsTerminal: options.terminal ?? false,
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  return { code, stdout, stderr };
}

/** Every rule at its own level: the recommended preset reports the hygiene rules as information. */
const STRICT = ['--preset', 'strict'];

const codesOf = (json: string) =>
  JSON.parse(json).files.flatMap((file: { diagnostics: { code: string }[] }) => file.diagnostics.map((d) => d.code));

describe('project config (.pod-patterns.yaml)', () => {
  test('the nearest config upwards sets rule levels; flags override it', () => {
    const dir = workspace({
      '.pod-patterns.yaml': 'rules:\n  latest-image-tag: "off"\n  duplicate-env-name: error\n',
      'apps/web/pod.yaml': WARNINGS_POD,
    });
    const file = path.join(dir, 'apps/web/pod.yaml');
    const configured = run(['lint', '--format', 'json', file]);
    assert.deepEqual(codesOf(configured.stdout).sort(), ['duplicate-env-name', 'missing-resources']);
    assert.equal(configured.code, 1, 'duplicate-env-name raised to error');
    const overridden = run(['lint', '--format', 'json', '--rule', 'duplicate-env-name=off', file]);
    assert.deepEqual(codesOf(overridden.stdout), ['missing-resources']);
    assert.equal(run(['lint', '--format', 'json', '--no-config', file]).stdout.split('"code"').length - 1, 3);
  });

  test('--config names a file; its kubernetesVersion and ignore apply', () => {
    const sidecar =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n    - name: s\n      image: busybox:1.36\n      restartPolicy: Always\n  containers:\n    - name: a\n      image: busybox:1.36\n';
    const dir = workspace({
      'ci.yaml': 'kubernetesVersion: "1.28"\nignore:\n  - skipped/\n',
      'pods/p.yaml': sidecar,
      'pods/skipped/x.yaml': REMOVED_API,
      'pods/.pod-patterns.yaml': 'rules: {}\n',
    });
    const result = run(['lint', '--format', 'json', '--config', path.join(dir, 'ci.yaml'), path.join(dir, 'pods')]);
    const files = JSON.parse(result.stdout).files;
    assert.deepEqual(
      files.map((file: { path: string }) => path.basename(file.path)),
      ['p.yaml'],
      'a folder named skipped anywhere below the config is ignored',
    );
    assert.ok(codesOf(result.stdout).includes('native-sidecar-unsupported'));
  });

  test('problems name the file, the line and what is wrong, and exit 2', () => {
    const dir = workspace({
      '.pod-patterns.yaml':
        'kubernetesVersion: "1.99"\nrules:\n  no-such-rule: error\n  latest-image-tag: loud\ncolour: true\n',
      'p.yaml': WARNINGS_POD,
    });
    const result = run(['lint', path.join(dir, 'p.yaml')]);
    assert.equal(result.code, 2);
    const config = path.join(dir, '.pod-patterns.yaml');
    assert.match(
      result.stderr,
      new RegExp(
        `${escape(config)}:1:20: kubernetesVersion "1\\.99" is not a Kubernetes release: the bundled API data ends at`,
      ),
    );
    assert.match(result.stderr, new RegExp(`${escape(config)}:3:3: unknown rule "no-such-rule"`));
    assert.match(
      result.stderr,
      new RegExp(
        `${escape(config)}:4:21: the level of latest-image-tag must be one of off, hint, information, warning, error`,
      ),
    );
    assert.match(result.stderr, new RegExp(`${escape(config)}:5:1: unknown setting "colour"`));
    assert.equal(result.stdout, '');
    const broken = workspace({ '.pod-patterns.yaml': 'rules: [\n', 'p.yaml': WARNINGS_POD });
    const syntax = run(['lint', path.join(broken, 'p.yaml')]);
    assert.equal(syntax.code, 2);
    assert.match(syntax.stderr, /\.pod-patterns\.yaml:\d+:\d+: /);
  });

  test('init writes a commented config that lints cleanly and refuses to overwrite', () => {
    const dir = workspace({ 'p.yaml': WARNINGS_POD });
    assert.equal(run(['init', dir]).code, 0);
    const written = readFileSync(path.join(dir, '.pod-patterns.yaml'), 'utf8');
    assert.match(written, /^# Pod Patterns project settings/);
    assert.match(written, /\nkubernetesVersion: "1\.\d+"\n/);
    assert.equal(run(['lint', '--format', 'json', path.join(dir, 'p.yaml')]).code, 0, 'the written config is valid');
    assert.equal(run(['init', dir]).code, 2);
    assert.equal(run(['init', '--force', dir]).code, 0);
  });
});

describe('inputs', () => {
  test('--ignore, config ignores and .gitignore (with --no-gitignore) decide what folders yield', () => {
    const dir = workspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n*.generated.yaml\n!keep.generated.yaml\n',
      'a.yaml': WARNINGS_POD,
      'build/out.yaml': WARNINGS_POD,
      'x.generated.yaml': WARNINGS_POD,
      'keep.generated.yaml': WARNINGS_POD,
      'vendor/v.yaml': WARNINGS_POD,
    });
    const names = (argv: string[]) =>
      JSON.parse(run(['lint', '--format', 'json', ...argv, dir], { cwd: dir }).stdout)
        .files.map((file: { path: string }) => path.relative(dir, file.path))
        .sort();
    assert.deepEqual(names([]), ['a.yaml', 'keep.generated.yaml', 'vendor/v.yaml']);
    assert.deepEqual(names(['--no-gitignore']), [
      'a.yaml',
      'build/out.yaml',
      'keep.generated.yaml',
      'vendor/v.yaml',
      'x.generated.yaml',
    ]);
    assert.deepEqual(names(['--ignore', 'vendor/**']), ['a.yaml', 'keep.generated.yaml']);
    writeFileSync(path.join(dir, '.pod-patterns.yaml'), 'ignore:\n  - "keep.*"\n');
    assert.deepEqual(names([]), ['a.yaml', 'vendor/v.yaml']);
  });

  test('symbolic links are followed once: a cycle ends, a linked file is linted once', () => {
    const dir = workspace({ 'real/a.yaml': WARNINGS_POD });
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'real', 'loop'));
    symlinkSync(path.join(dir, 'real', 'a.yaml'), path.join(dir, 'link.yaml'));
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'alias'));
    const files = JSON.parse(run(['lint', '--format', 'json', dir]).stdout).files.map((file: { path: string }) =>
      path.relative(dir, file.path),
    );
    assert.deepEqual(files, ['alias/a.yaml'], 'one real file, reached first through the alias folder');
    const linkedOnly = workspace({});
    symlinkSync(path.join(dir, 'real'), path.join(linkedOnly, 'pods'));
    assert.equal(
      JSON.parse(run(['lint', '--format', 'json', linkedOnly]).stdout).files.length,
      1,
      'a linked folder is searched',
    );
  });

  test('usage errors: unknown rule ids, malformed or unknown versions, paths that name nothing', () => {
    const empty = workspace({ 'notes.txt': 'x' });
    const cases: [string[], RegExp][] = [
      [['--rule', 'nosuch=off', 'x.yaml'], /--rule: unknown rule "nosuch"/],
      [
        ['--kubernetes-version', '1.x', 'x.yaml'],
        /--kubernetes-version "1\.x" is not a Kubernetes version: write 1\.MINOR/,
      ],
      [
        ['--kubernetes-version', '1.99', 'x.yaml'],
        /--kubernetes-version "1\.99" is not a Kubernetes release: the bundled API data ends at 1\.\d+/,
      ],
      [[path.join(empty, '*.yaml')], /no file matches this pattern/],
      [[empty], /no YAML files \(\*\.yaml, \*\.yml\) in this folder/],
      [[path.join(empty, 'missing.yaml')], /missing\.yaml: no such file or directory/],
      [['--max-warnings', 'many', 'x.yaml'], /--max-warnings takes a whole number/],
      [['--category', 'style', 'x.yaml'], /--category must be one of api, pattern, practice/],
      [['--format', 'xml', 'x.yaml'], /--format must be one of text, json, sarif, github, junit/],
    ];
    for (const [argv, message] of cases) {
      const result = run(['lint', ...argv]);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '', `${argv.join(' ')}: no summary`);
    }
  });

  test('an unreadable input is reported, the others linted, exit 2', () => {
    const dir = workspace({ 'a.yaml': WARNINGS_POD });
    // A name longer than any file system allows cannot be read, even by root.
    const unreadable = path.join(dir, `${'x'.repeat(300)}.yaml`);
    const result = run(['lint', '--format', 'json', path.join(dir, 'a.yaml'), unreadable]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /cannot read .*x{300}\.yaml: /);
    assert.equal(JSON.parse(result.stdout).files.length, 1);
  });
});

describe('output', () => {
  test('text is sorted by file, line and column; colour on a terminal, NO_COLOR and --color/--no-color decide', () => {
    const dir = workspace({ 'b.yaml': WARNINGS_POD, 'a.yaml': WARNINGS_POD });
    const plain = run(['lint', path.join(dir, 'b.yaml'), path.join(dir, 'a.yaml')])
      .stdout.trim()
      .split('\n');
    const positions = plain.slice(0, -1).map((line) => line.split(' ')[0]!.replace(dir + path.sep, ''));
    assert.deepEqual(positions, [
      'a.yaml:7:13',
      'a.yaml:8:14',
      'a.yaml:12:17',
      'b.yaml:7:13',
      'b.yaml:8:14',
      'b.yaml:12:17',
    ]);
    const file = path.join(dir, 'a.yaml');
    assert.match(run(['lint', file], { terminal: true }).stdout, /\u001b\[33mwarning\u001b\[0m/);
    assert.doesNotMatch(run(['lint', file], { terminal: true, env: { NO_COLOR: '1' } }).stdout, /\u001b\[/);
    assert.match(run(['lint', '--color', file], { env: { NO_COLOR: '1' } }).stdout, /\u001b\[/);
    assert.doesNotMatch(run(['lint', '--no-color', file], { terminal: true }).stdout, /\u001b\[/);
  });

  test('--quiet drops warnings and the summary; --max-warnings fails on too many; --category filters', () => {
    const dir = workspace({ 'w.yaml': WARNINGS_POD });
    const file = path.join(dir, 'w.yaml');
    assert.deepEqual(run(['lint', ...STRICT, '--quiet', file]), { code: 0, stdout: '', stderr: '' });
    assert.equal(run(['lint', ...STRICT, '--max-warnings', '3', file]).code, 0);
    const over = run(['lint', ...STRICT, '--max-warnings', '2', file]);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /3 warnings, more than --max-warnings 2/);
    assert.deepEqual(codesOf(run(['lint', '--format', 'json', '--category', 'practice', file]).stdout).sort(), [
      'latest-image-tag',
      'missing-resources',
    ]);
    assert.deepEqual(codesOf(run(['lint', '--format', 'json', '--category', 'api', file]).stdout), [
      'duplicate-env-name',
    ]);
  });

  test('github annotations: chosen under GITHUB_ACTIONS, repository-relative, escaped', () => {
    const dir = workspace({ 'p.yaml': WARNINGS_POD });
    const inside = run(['lint', ...STRICT, path.join(dir, 'p.yaml')], { env: { GITHUB_ACTIONS: 'true' }, cwd: dir });
    const lines = inside.stdout.trim().split('\n');
    assert.equal(
      lines[0],
      '::warning file=p.yaml,line=7,col=13,endLine=7,endColumn=16,title=pod-patterns missing-resources::' +
        escapeData(lines[0]!.split('::')[2]!),
    );
    assert.match(
      lines[2]!,
      /^::warning file=p\.yaml,line=12,col=17,endLine=12,endColumn=18,title=pod-patterns duplicate-env-name::spec\.containers\[0\]\.env\[1\]/,
    );
    assert.equal(escapeData('100% done\r\nnext'), '100%25 done%0D%0Anext');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  });

  test('junit: a testsuite per file, a failing testcase per finding, a passing one for a clean file, escaped', () => {
    const clean =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\nspec:\n  containers:\n    - name: a\n      image: busybox:1.36\n      resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 16Mi}}\n';
    const dir = workspace({ 'a&b.yaml': WARNINGS_POD, 'clean.yaml': clean });
    const xml = run(['lint', ...STRICT, '--format', 'junit', dir]).stdout;
    assert.match(
      xml,
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="pod-patterns" tests="4" failures="3" errors="0">/,
    );
    assert.equal(xml.match(/<testsuite /g)?.length, 2);
    assert.match(xml, /<testsuite name="[^"]*a&amp;b\.yaml" tests="3" failures="3"/);
    assert.match(xml, /<testcase name="[^"]*clean\.yaml" classname="[^"]*clean\.yaml" file="[^"]*"\/>/);
    assert.match(xml, /<failure message="&quot;app&quot; runs &quot;nginx:latest&quot;[^"]*" type="warning">/);
    assert.doesNotMatch(xml.replace(/&(amp|lt|gt|quot|apos);/g, ''), /&/, 'every & is an entity');
    assert.equal(escapeXml('<a b="c">\u0001\'&'), '&lt;a b=&quot;c&quot;&gt;&apos;&amp;');
  });

  test('"N fixable with `--fix`" on a terminal, and --fix-dry-run print the diff --fix would apply, writing nothing', () => {
    const dir = workspace({ 'd.yaml': REMOVED_API + '---\n' + WARNINGS_POD });
    const file = path.join(dir, 'd.yaml');
    assert.match(run(['lint', '--no-color', file], { terminal: true }).stdout, /\n1 fixable with `--fix`\n$/);
    assert.doesNotMatch(run(['lint', file]).stdout, /fixable/, 'not in a pipeline');
    const dry = run(['lint', '--fix-dry-run', file], { cwd: dir });
    assert.equal(dry.code, 1, 'a fix to apply');
    assert.match(
      dry.stdout,
      /^--- a\/d\.yaml\n\+\+\+ b\/d\.yaml\n@@ -1,4 \+1,4 @@\n-apiVersion: extensions\/v1beta1\n\+apiVersion: apps\/v1\n/,
    );
    assert.equal(readFileSync(file, 'utf8'), REMOVED_API + '---\n' + WARNINGS_POD, 'nothing written');
    execFileSync('patch', ['-p1', '--quiet'], { cwd: dir, input: dry.stdout });
    const patched = readFileSync(file, 'utf8');
    writeFileSync(file, REMOVED_API + '---\n' + WARNINGS_POD);
    run(['lint', '--fix', file]);
    assert.equal(patched, readFileSync(file, 'utf8'), 'the diff is what --fix writes');
    assert.deepEqual(
      run(['lint', '--fix-dry-run', file], { cwd: dir }),
      { code: 0, stdout: '', stderr: '' },
      'nothing left to fix',
    );
  });

  test('per-command --help', () => {
    for (const command of ['lint', 'add', 'describe', 'rules', 'topology', 'init']) {
      const result = run([command, '--help']);
      assert.equal(result.code, 0, command);
      assert.match(result.stdout, new RegExp(`pod-patterns ${command}`));
    }
    assert.match(run(['lint', '-h']).stdout, /--max-warnings N/);
  });
});

describe('unified diff', () => {
  test('applies with patch to give the new text', () => {
    const before = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const after = before
      .replace('line 3\n', 'line three\n')
      .replace('line 30\n', '')
      .replace('line 39\n', 'line 39\nadded\n');
    const dir = workspace({ 'f.txt': before });
    const diff = unifiedDiff('f.txt', before, after);
    assert.equal((diff.match(/^@@/gm) ?? []).length, 3, 'changes more than six lines apart in separate hunks');
    execFileSync('patch', ['-p1', '--quiet'], { cwd: dir, input: diff });
    assert.equal(readFileSync(path.join(dir, 'f.txt'), 'utf8'), after);
    assert.equal(unifiedDiff('f.txt', before, before), '');
    const noNewline = unifiedDiff('g.txt', 'a\nb', 'a\nc');
    assert.equal(
      noNewline,
      '--- a/g.txt\n+++ b/g.txt\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n',
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

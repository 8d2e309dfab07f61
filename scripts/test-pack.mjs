#!/usr/bin/env node
// What a user does to put the CLI into a pipeline, on a clean folder: `npm pack` of this
// repository, the tarball installed into a new project, then the README's "Use it in CI"
// commands, the install and lint steps of action.yml, and the pre-commit hook through
// `pre-commit try-repo` (when pre-commit is installed). Run by `npm run test:pack` and .ci/run.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const YAML = require('yaml');
const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');

/** The README's commands, run here as written (and checked to be there). */
export const README_COMMANDS = {
  shell: 'npx pod-patterns lint --max-warnings 0 k8s/',
  junit: 'npx pod-patterns lint --format junit k8s/ > pod-patterns-junit.xml',
  sarif: 'npx pod-patterns lint --format sarif k8s/ > pod-patterns.sarif',
  init: 'npx pod-patterns init',
};

/** One warning (duplicate-env-name) and, under the recommended preset, two hygiene findings as information. */
const WARNINGS_POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:latest\n      env:\n        - name: A\n          value: "1"\n        - name: A\n          value: "2"\n';
const ERROR_POD = 'apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata: {name: d}\n';

const step = (name) => console.log(`\n--- ${name}`);
const shell = (command, cwd, env = {}) =>
  spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });

function newProject(root, files) {
  mkdirSync(root, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  execFileSync('git', ['init', '-q'], { cwd: root });
  return root;
}

const work = mkdtempSync(path.join(tmpdir(), 'pod-patterns-pack-'));
try {
  for (const [name, command] of Object.entries(README_COMMANDS))
    assert.ok(readme.includes(command), `README shows the ${name} command: ${command}`);

  step('npm pack');
  const tarball = execFileSync('npm', ['pack', '--pack-destination', work], { cwd: repo, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  assert.match(tarball, /^pod-patterns-[\d.]+\.tgz$/, 'npm pack prints the tarball name alone');
  const listing = execFileSync('tar', ['tzf', path.join(work, tarball)], { encoding: 'utf8' }).split('\n');
  for (const file of ['package/server/out/cli.js', 'package/package.json', 'package/schemas/pod.json'])
    assert.ok(listing.includes(file), `the tarball holds ${file}`);
  // The README's pictures (media/screenshots/) stay out: `files` in package.json lists what ships, as for the VSIX.
  assert.deepEqual(
    listing.filter((file) => file.endsWith('.png') && file !== 'package/media/icon.png'),
    [],
    'the tarball holds no picture but the icon',
  );

  step('install the tarball into a clean project');
  const project = newProject(path.join(work, 'project'), {
    'package.json': '{ "name": "manifests", "private": true }\n',
    'k8s/web.yaml': WARNINGS_POD,
    'k8s/README.txt': 'not YAML\n',
  });
  execFileSync('npm', ['install', '--save-dev', '--no-audit', '--no-fund', path.join(work, tarball)], {
    cwd: project,
    stdio: 'inherit',
  });

  step('README: plain shell');
  const plain = shell(README_COMMANDS.shell, project);
  assert.equal(plain.status, 1, `warnings fail --max-warnings 0:\n${plain.stdout}${plain.stderr}`);
  assert.match(plain.stdout, /k8s\/web\.yaml:12:17 warning duplicate-env-name /);
  assert.match(plain.stderr, /more than --max-warnings 0/);

  step('README: GitLab JUnit report');
  shell(README_COMMANDS.junit, project);
  const junit = readFileSync(path.join(project, 'pod-patterns-junit.xml'), 'utf8');
  assert.match(
    junit,
    /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="pod-patterns" tests="3" failures="3"/,
  );

  step('README: SARIF for code scanning');
  shell(README_COMMANDS.sarif, project);
  const sarif = JSON.parse(readFileSync(path.join(project, 'pod-patterns.sarif'), 'utf8'));
  assert.deepEqual(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation, {
    uri: 'k8s/web.yaml',
    uriBaseId: '%SRCROOT%',
  });

  step('README: init');
  assert.equal(shell(README_COMMANDS.init, project).status, 0);
  assert.ok(existsSync(path.join(project, '.pod-patterns.yaml')));
  writeFileSync(path.join(project, '.pod-patterns.yaml'), 'rules:\n  duplicate-env-name: "off"\n');
  assert.equal(shell(README_COMMANDS.shell, project).status, 0, 'the config silences the warning');
  rmSync(path.join(project, '.pod-patterns.yaml'));

  step('action.yml: the install and lint steps (the pack step is the npm pack above)');
  const action = YAML.parse(readFileSync(path.join(repo, 'action.yml'), 'utf8'));
  assert.equal(action.runs.using, 'composite');
  const [pack, install, lint] = action.runs.steps;
  assert.match(pack.run, /npm pack --pack-destination "\$RUNNER_TEMP"/);
  const inputs = { paths: 'k8s/', args: action.inputs.args.default };
  const expand = (script) => script.replace(/\$\{\{\s*inputs\.(\w+)\s*\}\}/g, (_, name) => inputs[name]);
  const runnerTemp = mkdtempSync(path.join(work, 'runner-'));
  execFileSync('cp', [path.join(work, tarball), runnerTemp]);
  const env = { RUNNER_TEMP: runnerTemp, GITHUB_ACTIONS: 'true' };
  const installed = shell(expand(install.run), project, env);
  assert.equal(installed.status, 0, installed.stderr);
  const annotated = shell(expand(lint.run), project, env);
  assert.equal(annotated.status, 0, 'warnings only');
  assert.match(
    annotated.stdout,
    /^::warning file=k8s\/web\.yaml,line=12,col=17,endLine=12,endColumn=18,title=pod-patterns duplicate-env-name::/m,
  );

  step('pre-commit hook');
  const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  if (preCommit.status !== 0) {
    console.log('pre-commit is not installed: the hook is not tried (.ci/run installs it)');
  } else {
    const hooked = newProject(path.join(work, 'hooked'), { 'k8s/bad.yaml': ERROR_POD, 'notes.yaml': 'just: yaml\n' });
    execFileSync('git', ['add', '.'], { cwd: hooked });
    const tried = spawnSync('pre-commit', ['try-repo', repo, 'pod-patterns', '--all-files'], {
      cwd: hooked,
      encoding: 'utf8',
      env: { ...process.env, PRE_COMMIT_HOME: path.join(work, 'pre-commit-home') },
    });
    const output = `${tried.stdout}${tried.stderr}`;
    assert.equal(tried.status, 1, output);
    assert.match(output, /k8s\/bad\.yaml:1:13 error schema /);
    assert.match(output, /Kubernetes Pod Patterns\.+Failed/);
  }
  console.log(`\ntest:pack passed (${readdirSync(work).length} items in ${work})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

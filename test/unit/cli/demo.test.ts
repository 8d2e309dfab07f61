import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

test('the demo lints, describes one pod of each pattern with reasons, and writes a topology SVG', () => {
  const svg = path.join(REPO_ROOT, 'build/demo/ambassador-forward-proxy.svg');
  rmSync(svg, { force: true });
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/demo.mjs')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  const steps = ['=== 1. Lint every example', '=== 2. One pod of each pattern', '=== 3. The topology of one pod'].map(
    (title) => run.stdout.indexOf(title),
  );
  assert.ok(
    steps.every((at, index) => at >= 0 && (index === 0 || at > steps[index - 1]!)),
    `three steps in order: ${steps.join(', ')}`,
  );
  // The lint step prints findings; the describe step one role per container with its reasons.
  assert.match(run.stdout, /examples\/findings-job-legacy-sidecar\.yaml:\d+:\d+ warning sidecar-blocks-job-completion/);
  for (const role of ['init', 'native-sidecar \\(ambassador\\)', 'adapter', 'ambassador', 'sidecar'])
    assert.match(run.stdout, new RegExp(`\\n {4}[\\w-]+ {2}${role}\\n {6}- `));
  assert.match(run.stdout, /\n {6}- forwards fetcher's calls to http:\/\/127\.0\.0\.1:3128\n/);
  assert.match(readFileSync(svg, 'utf8'), /^(?:<\?xml[^>]*>\s*)?<svg[^>]*>[\s\S]*egress-ambassador[\s\S]*<\/svg>\s*$/);
});

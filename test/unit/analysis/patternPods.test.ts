import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { testPodExpectations, type PodExpectations } from './podExpectations';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

const examples = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/analysis/examples.expected.json'), 'utf8')) as { pods: Record<string, PodExpectations> };
testPodExpectations('examples', path.join(REPO_ROOT, 'examples'), examples.pods);

/** `shared/seed-pods` next to the repository (or next to a folder holding it, for worktrees). */
function findSeedDir(): string {
  let dir = path.dirname(REPO_ROOT);
  for (;;) {
    const candidate = path.join(dir, 'shared/seed-pods');
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(REPO_ROOT, '../shared/seed-pods');
    dir = parent;
  }
}

// The seed pods live next to the repository in CI; a fresh clone may not have them.
const SEED_DIR = findSeedDir();
const seedExpected = path.join(SEED_DIR, 'expected.json');
if (existsSync(seedExpected)) {
  const seeds = JSON.parse(readFileSync(seedExpected, 'utf8')) as { pods: Record<string, PodExpectations> };
  testPodExpectations('seed pods', SEED_DIR, seeds.pods);
} else {
  const reason = `SKIPPED: ${seedExpected} not found; the seed-pod expectations were not checked (the examples/ cases above were).`;
  console.warn(reason);
  test('seed pods', { skip: reason }, () => {});
}

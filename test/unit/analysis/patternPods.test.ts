import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { SHARED_DIR } from '../../support/shared';
import { testPodExpectations, type PodExpectations } from './podExpectations';
import { REPO_ROOT } from '../../support/repo';

const examples = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'test/fixtures/analysis/examples.expected.json'), 'utf8'),
) as { pods: Record<string, PodExpectations> };
testPodExpectations('examples', path.join(REPO_ROOT, 'examples'), examples.pods);

// The seed pods live next to the repository in CI; a fresh clone may not have them.
const SEED_DIR = path.join(SHARED_DIR, 'seed-pods');
const seedExpected = path.join(SEED_DIR, 'expected.json');
if (existsSync(seedExpected)) {
  const seeds = JSON.parse(readFileSync(seedExpected, 'utf8')) as { pods: Record<string, PodExpectations> };
  testPodExpectations('seed pods', SEED_DIR, seeds.pods);
} else {
  const reason = `SKIPPED: ${seedExpected} not found; the seed-pod expectations were not checked (the examples/ cases above were).`;
  console.warn(reason);
  test('seed pods', { skip: reason }, () => {});
}

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { testPodExpectations, type PodExpectations } from './podExpectations';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/roles');

// Real-world pod shapes: roles and the reasons shown for them.
const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as {
  pods: Record<string, PodExpectations>;
};
testPodExpectations('roles', FIXTURES, expected.pods);

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';

test('every role fixture has expectations', () => {
  const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.yaml'));
  assert.deepEqual(
    files.filter((file) => !expected.pods[file]),
    [],
  );
  assert.ok(files.length >= 20);
});

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { checkOfferedFixes } from './fixProperties';

it('every offered quick fix on mutated corpus pods parses, keeps untargeted lines and adds no error', () => {
  const applied = checkOfferedFixes(25, 18);
  assert.ok(applied > 0, 'some fixes were applied');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../../server/src/service/text/lineIndex';

test('maps offsets to positions and back', () => {
  const index = new LineIndex('ab\ncd\n\nef');
  assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(7), { line: 3, character: 0 });
  assert.deepEqual(index.positionAt(9), { line: 3, character: 2 });
  assert.equal(index.offsetAt({ line: 1, character: 1 }), 4);
  assert.equal(index.lineCount, 4);
});

test('clamps positions outside the text', () => {
  const index = new LineIndex('ab\ncd');
  assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
  assert.equal(index.offsetAt({ line: 9, character: 0 }), 5);
  assert.equal(index.offsetAt({ line: 0, character: 99 }), 3);
});

test('columns count UTF-16 code units, as LSP positions do', () => {
  const index = new LineIndex('a: "😀x"\n');
  assert.deepEqual(index.positionAt(7), { line: 0, character: 7 });
});

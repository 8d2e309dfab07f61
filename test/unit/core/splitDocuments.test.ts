import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitDocuments } from '../../../server/src/service/text/splitDocuments';

test('splits at --- lines and keeps every character', () => {
  const text = 'a: 1\n---\nb: 2\n--- # comment\nc: 3\n';
  const slices = splitDocuments(text);
  assert.deepEqual(
    slices.map((s) => s.text),
    ['a: 1\n', '---\nb: 2\n', '--- # comment\nc: 3\n'],
  );
  assert.deepEqual(
    slices.map((s) => s.offset),
    [0, 5, 14],
  );
  assert.equal(slices.map((s) => s.text).join(''), text);
});

test('a leading --- does not create an empty first document', () => {
  const slices = splitDocuments('---\na: 1\n');
  assert.equal(slices.length, 1);
  assert.equal(slices[0]!.text, '---\na: 1\n');
});

test('--- inside a value or indented is content, not a marker', () => {
  const text = 'a: |\n  ---\n  x\nb: "---"\n----\n';
  assert.equal(splitDocuments(text).length, 1);
});

test('... ends a document and the next one starts after it', () => {
  const slices = splitDocuments('a: 1\n...\nb: 2\n');
  assert.deepEqual(
    slices.map((s) => s.text),
    ['a: 1\n...\n', 'b: 2\n'],
  );
});

test('CRLF line endings are split the same way', () => {
  const slices = splitDocuments('a: 1\r\n---\r\nb: 2\r\n');
  assert.deepEqual(
    slices.map((s) => s.text),
    ['a: 1\r\n', '---\r\nb: 2\r\n'],
  );
});

test('an empty text is one empty document', () => {
  assert.deepEqual(splitDocuments(''), [{ index: 0, offset: 0, text: '' }]);
});

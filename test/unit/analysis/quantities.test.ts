import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addQuantities, compareQuantities, formatQuantity, parseQuantity } from '../../../server/src/service/analysis/quantities';

const parse = (text: string) => {
  const quantity = parseQuantity(text);
  assert.ok(quantity, `"${text}" should parse`);
  return quantity;
};

test('parses every suffix family to exact nano-units', () => {
  assert.equal(parse('250m').nanos, 250_000_000n);
  assert.equal(parse('1').nanos, 1_000_000_000n);
  assert.equal(parse('0.5').nanos, 500_000_000n);
  assert.equal(parse('.5').nanos, 500_000_000n);
  assert.equal(parse('1Ki').nanos, 1024n * 1_000_000_000n);
  assert.equal(parse('1.5Gi').nanos, 1610612736n * 1_000_000_000n);
  assert.equal(parse('1k').nanos, 1000n * 1_000_000_000n);
  assert.equal(parse('2M').nanos, 2_000_000n * 1_000_000_000n);
  assert.equal(parse('1e3').nanos, 1000n * 1_000_000_000n);
  assert.equal(parse('1E-3').nanos, 1_000_000n);
  assert.equal(parse('100n').nanos, 100n);
  assert.equal(parse('5u').nanos, 5000n);
  assert.equal(parse('128974848').nanos, 128974848n * 1_000_000_000n);
});

test('rounds sub-nano precision up, like the API server', () => {
  assert.equal(parse('1e-12').nanos, 1n);
  assert.equal(parse('0.0000000001').nanos, 1n);
});

test('rejects what is not a quantity', () => {
  for (const text of ['', 'abc', '1.2.3', '10 Mi', '1Kb', '1mi', 'Mi', '1e', '--1']) assert.equal(parseQuantity(text), undefined, text);
});

test('formats exactly, keeping binary suffixes for binary input', () => {
  assert.equal(formatQuantity(parse('0.25')), '250m');
  assert.equal(formatQuantity(parse('1000m')), '1');
  assert.equal(formatQuantity(parse('1.5Mi')), '1536Ki');
  assert.equal(formatQuantity(parse('2048Mi')), '2Gi');
  assert.equal(formatQuantity(parse('1500M')), '1500M');
  assert.equal(formatQuantity(parse('128974848')), '128974848');
  // The API server keeps the exponent form it was given: 1e3 prints as 1e3, 1k as 1k.
  assert.equal(formatQuantity(parse('1e3')), '1e3');
  assert.equal(formatQuantity(parse('1k')), '1k');
  assert.equal(formatQuantity(parse('0')), '0');
  assert.equal(formatQuantity(addQuantities(parse('512Mi'), parse('64Mi'))), '576Mi');
});

test('sums and compares without floating point error', () => {
  const sum = addQuantities(parse('0.1'), parse('0.2'));
  assert.equal(compareQuantities(sum, parse('300m')), 0);
  assert.equal(compareQuantities(parse('1Gi'), parse('1G')), 1);
});

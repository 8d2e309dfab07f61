import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import {
  addQuantities,
  compareQuantities,
  formatQuantity,
  isWholeNumber,
  parseQuantity,
} from '../../../server/src/service/analysis/quantities';

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
  for (const text of ['', 'abc', '1.2.3', '10 Mi', '1Kb', '1mi', 'Mi', '1e', '--1'])
    assert.equal(parseQuantity(text), undefined, text);
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

describe('Kubernetes quantities as the rules compare and print them', () => {
  it('parses every suffix family to exact nano-units', () => {
    assert.equal(parse('1').nanos, 1_000_000_000n);
    assert.equal(parse('500m').nanos, 500_000_000n);
    assert.equal(parse('0.5').nanos, 500_000_000n);
    assert.equal(parse('.5').nanos, 500_000_000n);
    assert.equal(parse('2.').nanos, 2_000_000_000n);
    assert.equal(parse('1Ki').nanos, 1024n * 1_000_000_000n);
    assert.equal(parse('1.5Gi').nanos, 1610612736n * 1_000_000_000n);
    assert.equal(parse('1k').nanos, 1000n * 1_000_000_000n);
    assert.equal(parse('1M').nanos, 10n ** 6n * 1_000_000_000n);
    assert.equal(parse('1E').nanos, 10n ** 18n * 1_000_000_000n);
    assert.equal(parse('1e3').nanos, 1000n * 1_000_000_000n);
    assert.equal(parse('1E-3').nanos, 1_000_000n);
    assert.equal(parse('12e+2').nanos, 1200n * 1_000_000_000n);
    assert.equal(parse('5n').nanos, 5n);
    assert.equal(parse('3u').nanos, 3000n);
    assert.equal(parse('-2').nanos, -2_000_000_000n);
    assert.equal(parse('+2').nanos, 2_000_000_000n);
  });

  it('rounds anything finer than a nano-unit up, like the API server', () => {
    assert.equal(parse('0.1n').nanos, 1n);
    assert.equal(parse('1.0000000001').nanos, 1_000_000_001n);
  });

  it('refuses what the API server refuses', () => {
    for (const text of [
      '',
      ' ',
      'abc',
      '1GB',
      '500 m',
      '1.2.3',
      'e3',
      '1e',
      '1KiB',
      '1e3Mi',
      '2e3m',
      '.',
      'm',
      '1e999999',
    ]) {
      assert.equal(parseQuantity(text), undefined, text);
    }
  });

  it('compares across units', () => {
    assert.equal(compareQuantities(parse('1'), parse('1000m')), 0);
    assert.equal(compareQuantities(parse('1Gi'), parse('1024Mi')), 0);
    assert.equal(compareQuantities(parse('1G'), parse('1Gi')), -1);
    assert.equal(compareQuantities(parse('1.5'), parse('1')), 1);
    assert.equal(compareQuantities(parse('1e3'), parse('1k')), 0);
  });

  it('prints the canonical form the API server uses in messages', () => {
    const cases: [string, string][] = [
      ['1.5', '1500m'],
      ['2000m', '2'],
      ['1000', '1k'],
      ['1500', '1500'],
      ['0.5', '500m'],
      ['0', '0'],
      ['2048Mi', '2Gi'],
      ['1536Mi', '1536Mi'],
      ['1.5Gi', '1536Mi'],
      ['1024Ki', '1Mi'],
      ['1000Mi', '1000Mi'],
      ['512', '512'],
      ['0.5Ki', '512'],
      ['1e3', '1e3'],
      ['1500e0', '1500'],
      ['-1.5', '-1500m'],
      ['1e21', '1e21'],
    ];
    for (const [text, canonical] of cases) assert.equal(formatQuantity(parse(text)), canonical, text);
  });

  it('tells whole numbers from fractions (for byte quantities)', () => {
    assert.equal(isWholeNumber(parse('1.5Gi')), true);
    assert.equal(isWholeNumber(parse('1.5')), false);
    assert.equal(isWholeNumber(parse('100m')), false);
    assert.equal(isWholeNumber(parse('2000m')), true);
  });
});

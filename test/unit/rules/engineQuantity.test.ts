import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareQuantities, formatQuantity, isWholeNumber, parseQuantity } from '../../../server/src/service/analysis/quantities';

function quantity(text: string) {
  const parsed = parseQuantity(text);
  assert.ok(parsed, `${text} should parse`);
  return parsed;
}

describe('Kubernetes quantities', () => {
  it('parses every suffix family to exact nano-units', () => {
    assert.equal(quantity('1').nanos, 1_000_000_000n);
    assert.equal(quantity('500m').nanos, 500_000_000n);
    assert.equal(quantity('0.5').nanos, 500_000_000n);
    assert.equal(quantity('.5').nanos, 500_000_000n);
    assert.equal(quantity('2.').nanos, 2_000_000_000n);
    assert.equal(quantity('1Ki').nanos, 1024n * 1_000_000_000n);
    assert.equal(quantity('1.5Gi').nanos, 1610612736n * 1_000_000_000n);
    assert.equal(quantity('1k').nanos, 1000n * 1_000_000_000n);
    assert.equal(quantity('1M').nanos, 10n ** 6n * 1_000_000_000n);
    assert.equal(quantity('1E').nanos, 10n ** 18n * 1_000_000_000n);
    assert.equal(quantity('1e3').nanos, 1000n * 1_000_000_000n);
    assert.equal(quantity('1E-3').nanos, 1_000_000n);
    assert.equal(quantity('12e+2').nanos, 1200n * 1_000_000_000n);
    assert.equal(quantity('5n').nanos, 5n);
    assert.equal(quantity('3u').nanos, 3000n);
    assert.equal(quantity('-2').nanos, -2_000_000_000n);
    assert.equal(quantity('+2').nanos, 2_000_000_000n);
  });

  it('rounds anything finer than a nano-unit up, like the API server', () => {
    assert.equal(quantity('0.1n').nanos, 1n);
    assert.equal(quantity('1.0000000001').nanos, 1_000_000_001n);
  });

  it('refuses what the API server refuses', () => {
    for (const text of ['', ' ', 'abc', '1GB', '500 m', '1.2.3', 'e3', '1e', '1KiB', '1e3Mi', '2e3m', '.', 'm', '1e999999']) {
      assert.equal(parseQuantity(text), undefined, text);
    }
  });

  it('compares across units', () => {
    assert.equal(compareQuantities(quantity('1'), quantity('1000m')), 0);
    assert.equal(compareQuantities(quantity('1Gi'), quantity('1024Mi')), 0);
    assert.equal(compareQuantities(quantity('1G'), quantity('1Gi')), -1);
    assert.equal(compareQuantities(quantity('1.5'), quantity('1')), 1);
    assert.equal(compareQuantities(quantity('1e3'), quantity('1k')), 0);
  });

  it('prints the canonical form the API server uses in messages', () => {
    const cases: [string, string][] = [
      ['1.5', '1500m'], ['2000m', '2'], ['1000', '1k'], ['1500', '1500'], ['0.5', '500m'], ['0', '0'],
      ['2048Mi', '2Gi'], ['1536Mi', '1536Mi'], ['1.5Gi', '1536Mi'], ['1024Ki', '1Mi'], ['1000Mi', '1000Mi'],
      ['512', '512'], ['0.5Ki', '512'], ['1e3', '1e3'], ['1500e0', '1500'], ['-1.5', '-1500m'], ['1e21', '1e21'],
    ];
    for (const [text, canonical] of cases) assert.equal(formatQuantity(quantity(text)), canonical, text);
  });

  it('tells whole numbers from fractions (for byte quantities)', () => {
    assert.equal(isWholeNumber(quantity('1.5Gi')), true);
    assert.equal(isWholeNumber(quantity('1.5')), false);
    assert.equal(isWholeNumber(quantity('100m')), false);
    assert.equal(isWholeNumber(quantity('2000m')), true);
  });
});

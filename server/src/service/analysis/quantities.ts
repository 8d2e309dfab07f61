/**
 * Kubernetes resource quantities (`250m`, `1.5Gi`, `2e3`, `128974848`) as exact integers of
 * nano-units, so sums and comparisons never suffer from floating point: `0.1 + 0.2` CPUs
 * must compare equal to `300m` exactly as the API server's `resource.Quantity` does.
 */

/** A parsed quantity: the amount in units of 10^-9 (rounded up like the API server). */
export interface Quantity {
  readonly nanos: bigint;
  /** Whether the quantity was written with a binary suffix (Ki, Mi, …): it is printed back that way. */
  readonly binary: boolean;
}

const NANO = 1_000_000_000n;

const BINARY_SUFFIXES: Readonly<Record<string, bigint>> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};

/** Decimal SI suffixes as powers of ten. */
const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

/** Parses a quantity as written in YAML (numbers arrive as their text); undefined when invalid. */
export function parseQuantity(text: string): Quantity | undefined {
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const [, sign, number, suffix, exponentText] = match;
  const [whole, fraction = ''] = number!.split('.');
  // The digits as an integer, scaled by 10^-fraction.length.
  let numerator = BigInt(`${whole || '0'}${fraction}`);
  let denominator = 10n ** BigInt(fraction.length);
  if (suffix !== undefined && suffix in BINARY_SUFFIXES) {
    numerator *= BINARY_SUFFIXES[suffix]!;
  } else {
    const exponent = exponentText !== undefined ? Number(exponentText) : DECIMAL_SUFFIXES[suffix ?? '']!;
    if (!Number.isFinite(exponent) || Math.abs(exponent) > 60) return undefined;
    if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
    else denominator *= 10n ** BigInt(-exponent);
  }
  numerator *= NANO;
  // Round up to the next nano-unit, as the API server does for precision it cannot keep.
  let nanos = numerator / denominator;
  if (nanos * denominator !== numerator) nanos += 1n;
  return { nanos: sign === '-' ? -nanos : nanos, binary: suffix !== undefined && suffix in BINARY_SUFFIXES };
}

export const ZERO: Quantity = { nanos: 0n, binary: false };

export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, binary: a.nanos !== 0n ? a.binary : b.binary };
}

export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return b.nanos > a.nanos ? b : a;
}

const BINARY_ORDER: readonly (keyof typeof BINARY_SUFFIXES)[] = ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'];
const DECIMAL_ORDER: readonly [string, number][] = [['E', 18], ['P', 15], ['T', 12], ['G', 9], ['M', 6], ['k', 3], ['', 0], ['m', -3], ['u', -6], ['n', -9]];

/**
 * Prints a quantity in the shortest exact form: binary suffixes when it was written with
 * one and is a whole number of them (`1536Mi`), otherwise the largest decimal suffix that
 * keeps it integral (`250m`, `2`, `1500M`).
 */
export function formatQuantity(quantity: Quantity): string {
  const negative = quantity.nanos < 0n;
  const nanos = negative ? -quantity.nanos : quantity.nanos;
  const sign = negative ? '-' : '';
  if (nanos === 0n) return '0';
  if (quantity.binary && nanos % NANO === 0n) {
    const units = nanos / NANO;
    for (const suffix of BINARY_ORDER) {
      const size = BINARY_SUFFIXES[suffix]!;
      if (units % size === 0n) return `${sign}${units / size}${suffix}`;
    }
  }
  for (const [suffix, exponent] of DECIMAL_ORDER) {
    const size = 10n ** BigInt(exponent + 9);
    if (nanos % size === 0n) return `${sign}${nanos / size}${suffix}`;
  }
  return `${sign}${nanos}n`;
}

/** Compares two quantities: negative, zero or positive like a sort comparator. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

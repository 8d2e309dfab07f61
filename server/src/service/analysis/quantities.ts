/**
 * Kubernetes resource quantities (`500m`, `1.5Gi`, `2e3`, `1k`), parsed exactly as the API
 * server's `resource.Quantity` does: the value is kept as a whole number of nano-units
 * (the API server rounds anything finer up to 1n), so comparisons are exact.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value in nano-units (value × 10⁹), rounded up like the API server does. */
  readonly nanos: bigint;
  readonly format: QuantityFormat;
}

/** The pattern the API server quotes when a quantity does not parse. */
export const QUANTITY_PATTERN_TEXT = "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const NUMBER = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/;
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
/** Far beyond any real quantity; keeps hostile exponents from building enormous numbers. */
const MAX_EXPONENT = 120;
const NANO = 9;

const TEN = 10n;

function pow10(exponent: number): bigint {
  return TEN ** BigInt(exponent);
}

/**
 * Parsed quantities by text. A manifest repeats a handful of texts (`50m`, `64Mi`, `1Gi`)
 * thousands of times, and each parse is BigInt arithmetic; quantities are immutable, so
 * every caller can share one. Bounded so hostile input cannot grow it without end.
 */
const parsedByText = new Map<string, Quantity | null>();
const MAX_CACHED_QUANTITIES = 1000;
const MAX_CACHED_TEXT_LENGTH = 40;

/** Parses a quantity as written in YAML (`"500m"`, `1`, `0.5`); undefined when the API server would refuse it. */
export function parseQuantity(text: string): Quantity | undefined {
  const cached = parsedByText.get(text);
  if (cached !== undefined) return cached ?? undefined;
  const parsed = parseUncached(text);
  if (text.length <= MAX_CACHED_TEXT_LENGTH) {
    if (parsedByText.size >= MAX_CACHED_QUANTITIES) parsedByText.clear();
    parsedByText.set(text, parsed ?? null);
  }
  return parsed;
}

function parseUncached(text: string): Quantity | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 200) return undefined;
  const match = NUMBER.exec(trimmed);
  if (!match) return undefined;
  const [, sign, whole = '', fraction = '', suffix = ''] = match;
  if (whole.length === 0 && fraction.length === 0) return undefined;

  let decimalExponent = 0;
  let binaryPower = 0;
  let format: QuantityFormat;
  if (suffix in BINARY_SUFFIXES) {
    binaryPower = BINARY_SUFFIXES[suffix]! * 10;
    format = 'BinarySI';
  } else if (suffix in DECIMAL_SUFFIXES) {
    decimalExponent = DECIMAL_SUFFIXES[suffix]!;
    format = 'DecimalSI';
  } else {
    const exponent = /^[eE]([+-]?[0-9]+)$/.exec(suffix);
    if (!exponent) return undefined;
    decimalExponent = Number(exponent[1]);
    if (!Number.isSafeInteger(decimalExponent) || Math.abs(decimalExponent) > MAX_EXPONENT) return undefined;
    format = 'DecimalExponent';
  }

  // value = digits × 10^(decimalExponent − fraction.length) × 2^binaryPower, scaled to nanos.
  let numerator = BigInt(`${whole}${fraction}` || '0') * (1n << BigInt(binaryPower));
  let denominator = 1n;
  const scale = decimalExponent - fraction.length + NANO;
  if (scale >= 0) numerator *= pow10(scale);
  else denominator = pow10(-scale);
  let nanos = numerator / denominator;
  if (nanos * denominator !== numerator) nanos += 1n; // round up to the next nano-unit
  return { nanos: sign === '-' ? -nanos : nanos, format };
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** Whether the value is a whole number (the API server checks memory at milli precision). */
export function isWholeNumber(quantity: Quantity): boolean {
  let whole = wholeNumbers.get(quantity);
  if (whole === undefined) {
    whole = isWholeNumberUncached(quantity);
    wholeNumbers.set(quantity, whole);
  }
  return whole;
}

/** Parsed quantities are shared (see `parseQuantity`), so the BigInt division runs once per distinct value. */
const wholeNumbers = new WeakMap<Quantity, boolean>();

function isWholeNumberUncached(quantity: Quantity): boolean {
  const millis = ceilDivide(quantity.nanos, 1_000_000n);
  return millis % 1000n === 0n;
}

function ceilDivide(value: bigint, divisor: bigint): bigint {
  const quotient = value / divisor;
  return quotient * divisor === value || value < 0n ? quotient : quotient + 1n;
}

const DECIMAL_SUFFIX_BY_EXPONENT: Readonly<Record<number, string>> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};
const BINARY_SUFFIX_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const NANOS_PER_UNIT = pow10(NANO);

/** The canonical text the API server prints for a quantity (`1.5` → `1500m`, `2048Mi` → `2Gi`). */
export function formatQuantity(quantity: Quantity): string {
  const { nanos } = quantity;
  if (nanos === 0n) return '0';
  const negative = nanos < 0n;
  const magnitude = negative ? -nanos : nanos;
  const sign = negative ? '-' : '';

  const whole = magnitude % NANOS_PER_UNIT === 0n ? magnitude / NANOS_PER_UNIT : undefined;
  if (quantity.format === 'BinarySI' && whole !== undefined && whole >= 1024n) {
    let amount = whole;
    let power = 0;
    while (power < BINARY_SUFFIX_BY_POWER.length - 1 && amount % 1024n === 0n) {
      amount /= 1024n;
      power++;
    }
    return `${sign}${amount}${BINARY_SUFFIX_BY_POWER[power]}`;
  }

  // Strip factors of ten, then bring the exponent down to a multiple of three.
  let amount = magnitude;
  let exponent = -NANO;
  while (amount % TEN === 0n) {
    amount /= TEN;
    exponent++;
  }
  const extra = ((exponent % 3) + 3) % 3;
  exponent -= extra;
  amount *= pow10(extra);
  if (quantity.format === 'DecimalExponent') return `${sign}${amount}${exponent === 0 ? '' : `e${exponent}`}`;
  const suffix = DECIMAL_SUFFIX_BY_EXPONENT[exponent];
  return suffix !== undefined ? `${sign}${amount}${suffix}` : `${sign}${amount}e${exponent}`;
}

export const ZERO: Quantity = { nanos: 0n, format: 'DecimalSI' };

/** The sum keeps the first non-zero operand's format, so `128Mi + 64Mi` prints as `192Mi`. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos !== 0n ? a.format : b.format };
}

export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return b.nanos > a.nanos ? b : a;
}

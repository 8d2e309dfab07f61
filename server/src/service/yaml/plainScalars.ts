import { Document, isScalar as isYamlScalar } from 'yaml';
import type { ScalarValue } from './nodes';

/** What the text scanner needs to know to build the tree composition would. */
export interface FastTreeOptions {
  readonly version: '1.1' | '1.2';
  readonly merge: boolean;
  readonly maxDepth: number;
}

/**
 * First characters of the plain scalars a YAML 1.1 or 1.2 core tag may claim (null, booleans,
 * numbers, timestamps, `.inf`/`.nan`, `~`); any other plain scalar is a string as written,
 * which saves a dozen regular expressions per field name and string value.
 */
const MAY_RESOLVE = /^[-+.~0-9nNyYtTfFoO]/;

interface ResolvingTag {
  readonly default?: boolean | 'key';
  readonly test?: RegExp;
  resolve(value: string, onError: (message: string) => void, options: unknown): unknown;
}

const MAX_KNOWN_SCALARS = 10_000;
const MAX_KNOWN_SCALAR_LENGTH = 64;

export type PlainScalarResolver = (source: string, atKey: boolean, onError: (message: string) => never) => ScalarValue;

const resolvers = new Map<string, PlainScalarResolver>();

/**
 * A plain scalar's value as the library's default tags for this YAML version resolve it,
 * stored as the composed tree stores it: numbers and booleans as they are, anything
 * else (timestamps, say) as its text.
 */
export function plainScalarResolver(options: FastTreeOptions): PlainScalarResolver {
  const key = `${options.version}|${options.merge}`;
  let resolver = resolvers.get(key);
  if (!resolver) {
    const document = new Document(undefined, { version: options.version, merge: options.merge });
    const tags = document.schema.tags as unknown as readonly ResolvingTag[];
    const documentOptions = document.options;
    const resolveWithTags = (source: string, atKey: boolean, onError: (message: string) => never): ScalarValue => {
      for (const tag of tags) {
        if ((tag.default === true || (atKey && tag.default === 'key')) && tag.test?.test(source)) {
          const result = tag.resolve(source, onError, documentOptions);
          return storedValue(isYamlScalar(result) ? result.value : result, source);
        }
      }
      return source;
    };
    // Manifests repeat the same few quantities, ports and flags thousands of times; each costs a dozen regular expressions.
    const known = new Map<string, ScalarValue>();
    resolver = (source, atKey, onError) => {
      if (!MAY_RESOLVE.test(source)) return source;
      const cacheKey = atKey ? `k${source}` : `v${source}`;
      const cached = known.get(cacheKey);
      if (cached !== undefined || known.has(cacheKey)) return cached!;
      const value = resolveWithTags(source, atKey, onError);
      if (known.size >= MAX_KNOWN_SCALARS) known.clear();
      if (source.length <= MAX_KNOWN_SCALAR_LENGTH) known.set(cacheKey, value);
      return value;
    };
    resolvers.set(key, resolver);
  }
  return resolver;
}

/** The YAML spellings of infinity and not-a-number; any other plain number is finite or not a number at all. */
const NON_FINITE_LITERAL = /^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/;

/**
 * As the composed path stores scalar values: numbers and booleans as they are, anything else as its text.
 * A number too large for a float64 (`1e400`) is kept as its text, as the API server's decoder keeps it
 * (gopkg.in/yaml.v2 v2.4.0 `resolve.go`, under sigs.k8s.io/yaml: a plain scalar whose `strconv.ParseFloat`
 * fails is a string), where the `yaml` library would make it Infinity and every check would read that.
 */
export function storedValue(value: unknown, source: string): ScalarValue {
  if (typeof value === 'number') return Number.isFinite(value) || NON_FINITE_LITERAL.test(source) ? value : source;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return source;
}

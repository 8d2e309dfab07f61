/**
 * The YAML tree every feature reads. It is deliberately smaller than the `yaml`
 * library's AST: maps, sequences and scalars with their source ranges, so the pod
 * model, the schema mapper, the rules and the code actions all speak one vocabulary,
 * and the parser behind it can change without touching them.
 *
 * Ranges are offsets into the text of the YAML document that holds the node (not the
 * whole file): a document whose text did not change keeps its nodes, findings and
 * ranges even when an edit above it moves it down the file.
 */

/** Half-open `[start, end)` offsets into the document's text. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  /** The node's own text, without a trailing comment. */
  readonly range: Range;
  /** Set when the node is the anchor target reached through an alias (`*name`). */
  readonly viaAlias?: boolean;
}

export interface YScalar extends NodeBase {
  readonly kind: 'scalar';
  readonly value: ScalarValue;
  /** How the scalar was written: plain, quoted, or block (`|`, `>`). */
  readonly style: 'plain' | 'single' | 'double' | 'block';
}

export interface YPair {
  readonly key: YScalar;
  /** `null` when the key has no value at all (`key:` followed by nothing). */
  readonly value: YNode | null;
  /** From the key's start to the value's end. */
  readonly range: Range;
}

export interface YMap extends NodeBase {
  readonly kind: 'map';
  readonly pairs: readonly YPair[];
  readonly flow: boolean;
}

export interface YSeq extends NodeBase {
  readonly kind: 'seq';
  readonly items: readonly YNode[];
  readonly flow: boolean;
}

export type YNode = YScalar | YMap | YSeq;

export function isMap(node: YNode | null | undefined): node is YMap {
  return node?.kind === 'map';
}
export function isSeq(node: YNode | null | undefined): node is YSeq {
  return node?.kind === 'seq';
}
export function isScalar(node: YNode | null | undefined): node is YScalar {
  return node?.kind === 'scalar';
}

/** The last pair with this key, as a decoder that keeps the last duplicate would see it. */
export function getPair(map: YMap | null | undefined, key: string): YPair | undefined {
  if (!map) return undefined;
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    const pair = map.pairs[i]!;
    if (pair.key.value === key) return pair;
  }
  return undefined;
}

export function get(map: YNode | null | undefined, key: string): YNode | null | undefined {
  return isMap(map) ? getPair(map, key)?.value : undefined;
}

export function getMap(map: YNode | null | undefined, key: string): YMap | undefined {
  const node = get(map, key);
  return isMap(node) ? node : undefined;
}

export function getSeq(map: YNode | null | undefined, key: string): YSeq | undefined {
  const node = get(map, key);
  return isSeq(node) ? node : undefined;
}

export function getScalar(map: YNode | null | undefined, key: string): YScalar | undefined {
  const node = get(map, key);
  return isScalar(node) ? node : undefined;
}

/** A scalar's value as text (numbers and booleans printed), or undefined for non-scalars and null. */
export function scalarText(node: YNode | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  return String(node.value);
}

export function getString(map: YNode | null | undefined, key: string): string | undefined {
  return scalarText(get(map, key));
}

/** Follows a path of keys and indexes; undefined as soon as a step is missing. */
export function getIn(node: YNode | null | undefined, path: readonly (string | number)[]): YNode | null | undefined {
  let current: YNode | null | undefined = node;
  for (const step of path) {
    if (current == null) return undefined;
    if (typeof step === 'number') {
      current = isSeq(current) ? current.items[step] : undefined;
    } else {
      current = get(current, step);
    }
  }
  return current;
}

/**
 * The text that more than one place of the tree reads: each node an alias (`*name`) repeats, and each
 * pair a merge key (`<<: *name`) copies into another map (the copy keeps its anchor's range, outside
 * the map it was merged into). An edit there changes every place that reads it.
 */
export function sharedRanges(root: YNode | null | undefined): Range[] {
  const shared: Range[] = [];
  const visit = (node: YNode | null | undefined): void => {
    if (!node) return;
    if (node.viaAlias) {
      shared.push(node.range);
      return;
    }
    if (node.kind === 'seq') for (const item of node.items) visit(item);
    if (node.kind === 'map')
      for (const pair of node.pairs) {
        if (pair.range.start < node.range.start || pair.range.end > node.range.end) shared.push(pair.range);
        else visit(pair.value);
      }
  };
  visit(root);
  return shared;
}

/** The JSON value of a node, as the API server's decoder would see it (null values kept). */
export function toJSON(node: YNode | null | undefined, budget = { nodes: 1_000_000 }): unknown {
  if (node == null) return null;
  if (--budget.nodes < 0) throw new RangeError('document too large to convert');
  switch (node.kind) {
    case 'scalar':
      // JSON has no infinity or NaN: the API server's decoder cannot hand `.inf` or `.nan` to a number field.
      return typeof node.value === 'number' && !Number.isFinite(node.value) ? String(node.value) : node.value;
    case 'seq':
      return node.items.map((item) => toJSON(item, budget));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const pair of node.pairs) {
        const key = pair.key.value === null ? '' : String(pair.key.value);
        const value = toJSON(pair.value, budget);
        // __proto__ as a data key must not change the object's prototype; any other key is a plain (and much cheaper) assignment.
        if (key === '__proto__')
          Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
        else out[key] = value;
      }
      return out;
    }
  }
}

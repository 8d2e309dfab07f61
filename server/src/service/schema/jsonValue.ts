import type { YNode } from '../yaml/nodes';

/** How many nodes one conversion may visit: the same bound as the tree's own `toJSON`. */
const NODE_BUDGET = 1_000_000;

/**
 * The JSON value of a node as the validators read it: the same value as `toJSON` from the
 * YAML tree (keys as text, `null` key as "", the last duplicate wins in the first one's
 * place, a RangeError past the node budget), built with plain property writes. Every pod
 * is converted once per validation, and defining each key with `Object.defineProperty` cost
 * several times the rest of the conversion; only `__proto__` needs it, so that a key of that
 * name stays data instead of replacing the object's prototype.
 */
export function jsonValue(node: YNode | null | undefined): unknown {
  const budget = { nodes: NODE_BUDGET };
  return convert(node, budget);
}

function convert(node: YNode | null | undefined, budget: { nodes: number }): unknown {
  if (node == null) return null;
  if (--budget.nodes < 0) throw new RangeError('document too large to convert');
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq': {
      const out: unknown[] = [];
      for (const item of node.items) out.push(convert(item, budget));
      return out;
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const pair of node.pairs) {
        const key = pair.key.value === null ? '' : String(pair.key.value);
        const value = convert(pair.value, budget);
        if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
        else out[key] = value;
      }
      return out;
    }
  }
}

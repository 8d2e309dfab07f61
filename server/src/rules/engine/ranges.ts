import type { Range, YNode, YPair } from '../../service/yaml/nodes';

/** The key of a pair (`image` in `image: nginx`). */
export function keyRange(pair: YPair): Range {
  return pair.key.range;
}

/** The value of a pair, or its key when the value is missing (`image:` with nothing after). */
export function valueRange(pair: YPair): Range {
  return pair.value ? pair.value.range : pair.key.range;
}

/** The first line of a node: a whole container map would paint half the screen red. */
export function headRange(node: YNode, text: string): Range {
  const newline = text.indexOf('\n', node.range.start);
  const end = newline >= 0 && newline < node.range.end ? newline : node.range.end;
  return { start: node.range.start, end: Math.max(node.range.start, trimEnd(text, node.range.start, end)) };
}

function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1]!)) at--;
  return at;
}

/**
 * Whether a pair has a value the API server sees: `key:` with nothing after it, or `key: null`,
 * decodes to a nil pointer, which counts as not set.
 */
export function hasValue(pair: YPair | undefined): pair is YPair & { readonly value: YNode } {
  return pair !== undefined && pair.value !== null && !(pair.value.kind === 'scalar' && pair.value.value === null);
}

import type { Range, YNode, YPair } from '../../service/yaml/nodes';
import { lineEndAt } from '../../service/text/lineBreaks';

/** The first line of a node: a whole container map would paint half the screen red. */
export function headRange(node: YNode, text: string): Range {
  const end = Math.min(lineEndAt(text, node.range.start), node.range.end);
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

import { lineStartAt } from '../text/lineBreaks';
import type { Range, YNode, YPair } from '../yaml/nodes';

/** Deeper than the YAML reader lets a document nest: a guard against runaway walks, never reached on valid input. */
const MAX_DEPTH = 600;

/** A range without the trailing line breaks, spaces and comment lines the reader counts into a block collection. */
export function trimmedEnd(text: string, range: Range): Range {
  let end = Math.min(range.end, text.length);
  for (;;) {
    while (end > range.start && /\s/.test(text[end - 1]!)) end--;
    const lineStart = lineStartAt(text, end);
    if (lineStart <= range.start || !/^[ \t]*#/.test(text.slice(lineStart, end))) break;
    end = lineStart;
  }
  return { start: range.start, end };
}

/**
 * Visits every node of a tree with the range that introduces it: a pair's value with the
 * pair's range (from its key), a sequence item with its own. Iterative, so depth costs no stack.
 */
export function forEachNode(root: YNode | null, visit: (node: YNode, introducedAt: number) => void): void {
  if (!root) return;
  const stack: { node: YNode; from: number; depth: number }[] = [{ node: root, from: root.range.start, depth: 0 }];
  while (stack.length > 0) {
    const { node, from, depth } = stack.pop()!;
    visit(node, from);
    if (depth >= MAX_DEPTH) continue;
    if (node.kind === 'map') {
      for (const pair of node.pairs)
        if (pair.value) stack.push({ node: pair.value, from: pair.key.range.start, depth: depth + 1 });
    } else if (node.kind === 'seq') {
      for (const item of node.items) stack.push({ node: item, from: item.range.start, depth: depth + 1 });
    }
  }
}

/** The ranges that contain `offset`, outermost first: collection, pair (key and value), key or value, … */
export function rangesAround(root: YNode | null, offset: number): Range[] {
  const out: Range[] = [];
  let node: YNode | null | undefined = root;
  const contains = (range: Range): boolean => range.start <= offset && offset <= range.end;
  for (let depth = 0; node && depth < MAX_DEPTH && contains(node.range); depth++) {
    out.push(node.range);
    if (node.kind === 'map') {
      const pair: YPair | undefined = node.pairs.find(
        (candidate) => contains(candidate.range) || contains(candidate.key.range),
      );
      if (!pair) break;
      out.push(pair.range);
      if (contains(pair.key.range)) {
        out.push(pair.key.range);
        break;
      }
      node = pair.value;
    } else if (node.kind === 'seq') {
      node = node.items.find((item) => contains(item.range));
    } else {
      break;
    }
  }
  return out;
}

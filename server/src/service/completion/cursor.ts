import type { YMap, YNode, YPair } from '../yaml/nodes';
import { isMap, isSeq } from '../yaml/nodes';
import { hasLineBreak, lineStartAt } from '../text/lineBreaks';

/** One step from the document root to the cursor: a map key or a list index. */
export type PathStep = string | number;

export interface PairAtKey {
  readonly pair: YPair;
  readonly parent: YMap;
  /** Keys and indexes from the document root to the pair's key. */
  readonly path: readonly PathStep[];
}

const MAX_DEPTH = 200;

/** The pair whose key starts exactly at `keyOffset` (document offsets), with its path. */
export function pairAtKey(root: YNode | null, keyOffset: number): PairAtKey | undefined {
  return findPair(root, keyOffset, (pair) => pair.key.range.start === keyOffset);
}

/** The pair whose key contains `offset` (document offsets), with its path from the root. */
export function pairAtOffset(root: YNode | null, offset: number): PairAtKey | undefined {
  return findPair(root, offset, (pair) => pair.key.range.start <= offset && offset <= pair.key.range.end);
}

/** Descends through the nodes that contain `offset` to the first pair `matches` accepts. */
function findPair(root: YNode | null, offset: number, matches: (pair: YPair) => boolean): PairAtKey | undefined {
  const path: PathStep[] = [];
  let node: YNode | null | undefined = root;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++) {
    if (isMap(node)) {
      const current: YMap = node;
      const pair = current.pairs.find(matches);
      if (pair) return { pair, parent: current, path: [...path, String(pair.key.value)] };
      const inner = current.pairs.find(
        (candidate) => candidate.value && candidate.value.range.start <= offset && offset <= candidate.value.range.end,
      );
      if (!inner) return undefined;
      path.push(String(inner.key.value));
      node = inner.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => item.range.start <= offset && offset <= item.range.end);
      if (index < 0) return undefined;
      path.push(index);
      node = node.items[index];
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** The key and value typed on the cursor's line: `  - name: sha|` → key `name`, value `sha`. */
export interface LineAtCursor {
  readonly keyOffset: number;
  readonly key: string;
  /** Where the value starts (after `: `); the cursor when nothing is typed yet. */
  readonly valueStart: number;
  readonly typed: string;
  /** Nothing separates the colon from the cursor yet (`image:|`): a value needs a space first. */
  readonly needsSpace: boolean;
}

/** Lines longer than this are not completed: nobody types a key there, and regexes stay linear. */
const MAX_LINE = 2_000;

export function keyValueBeforeCursor(text: string, offset: number): LineAtCursor | undefined {
  const lineStart = lineStartAt(text, offset);
  if (offset - lineStart > MAX_LINE) return undefined;
  const before = text.slice(lineStart, offset);
  const match = /^(\s*(?:-\s+)?)([^\s:#][^:#]*?):(\s*)(["']?)([^"'#]*)$/.exec(before);
  if (!match) return undefined;
  const keyOffset = lineStart + match[1]!.length;
  const valueStart = keyOffset + match[2]!.length + 1 + match[3]!.length + match[4]!.length;
  return {
    keyOffset,
    key: match[2]!,
    valueStart,
    typed: match[5]!,
    needsSpace: match[3]!.length === 0 && match[4]!.length === 0,
  };
}

const KEY_LINE = /^( *)(-\s+)?([^\s#:'"-][^:#]*?):(?:\s|$)/;

/** Where a key being typed on its own line would go: the path of the map that would hold it. */
export interface KeyPosition {
  /** Path of the map the new key belongs to (list indexes as 0). */
  readonly mapPath: readonly PathStep[];
  /** The map, when it already exists in the tree. */
  readonly map?: YMap;
  readonly typedStart: number;
  readonly column: number;
}

export function keyPositionBeforeCursor(text: string, root: YNode | null, offset: number): KeyPosition | undefined {
  const lineStart = lineStartAt(text, offset);
  if (offset - lineStart > MAX_LINE) return undefined;
  const before = text.slice(lineStart, offset);
  const typing = /^( *)(-\s+)?([A-Za-z][\w.-]*)?$/.exec(before);
  if (!typing) return undefined;
  const column = typing[1]!.length + (typing[2]?.length ?? 0);
  const typedStart = lineStart + column;
  // Walk up to the nearest line holding a key at this column (a sibling) or left of it (the parent).
  let end = lineStart - 1;
  while (end > 0) {
    const start = lineStartAt(text, end);
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    const match = KEY_LINE.exec(line);
    if (!match) continue;
    const keyColumn = match[1]!.length + (match[2]?.length ?? 0);
    const found = pairAtKey(root, start + keyColumn);
    if (!found) continue;
    if (keyColumn === column && !typing[2]) {
      return { mapPath: found.path.slice(0, -1), map: found.parent, typedStart, column };
    }
    if (keyColumn === column && typing[2]) {
      // A new list item beside an earlier one: same list, a fresh map.
      return { mapPath: [...found.path.slice(0, -1).slice(0, -1), 0], typedStart, column };
    }
    if (keyColumn < column) {
      const value = found.pair.value;
      const inList = Boolean(typing[2]) || isSeq(value);
      const map = !inList && isMap(value) ? value : undefined;
      return { mapPath: inList ? [...found.path, 0] : found.path, map, typedStart, column };
    }
  }
  return undefined;
}

/** Whether `offset` lies inside a multi-line string (`|`, `>` or a quoted scalar over lines): no keys there. */
export function insideMultilineScalar(root: YNode | null, text: string, offset: number): boolean {
  let node: YNode | null | undefined = root;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++) {
    if (node.range.start > offset || offset > node.range.end) return false;
    if (isMap(node)) {
      node = node.pairs.find(
        (pair) => pair.value && pair.value.range.start <= offset && offset <= pair.value.range.end,
      )?.value;
    } else if (isSeq(node)) {
      node = node.items.find((item) => item.range.start <= offset && offset <= item.range.end);
    } else {
      return node.range.start < offset && hasLineBreak(text.slice(node.range.start, offset));
    }
  }
  return false;
}

import type { YMap, YNode, YPair } from '../yaml/nodes';
import { isMap, isSeq } from '../yaml/nodes';

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
  const path: PathStep[] = [];
  let node: YNode | null | undefined = root;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++) {
    if (isMap(node)) {
      const current: YMap = node;
      const pair = current.pairs.find((candidate) => candidate.key.range.start === keyOffset);
      if (pair) return { pair, parent: current, path: [...path, String(pair.key.value)] };
      const inner = current.pairs.find((candidate) => candidate.value && candidate.value.range.start <= keyOffset && keyOffset <= candidate.value.range.end);
      if (!inner) return undefined;
      path.push(String(inner.key.value));
      node = inner.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => item.range.start <= keyOffset && keyOffset <= item.range.end);
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
}

export function keyValueBeforeCursor(text: string, offset: number): LineAtCursor | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const match = /^(\s*(?:-\s+)?)([^\s:#][^:#]*?):(\s*)(["']?)([^"'#]*)$/.exec(before);
  if (!match) return undefined;
  const keyOffset = lineStart + match[1]!.length;
  const valueStart = keyOffset + match[2]!.length + 1 + match[3]!.length + match[4]!.length;
  return { keyOffset, key: match[2]!, valueStart, typed: match[5]! };
}

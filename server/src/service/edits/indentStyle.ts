import { isMap, isSeq, type YMap, type YNode } from '../yaml/nodes';
import { columnOf, dashColumnOf } from './lines';
import { hasLineBreak } from '../text/lineBreaks';

/** How a document indents, read from the document itself so inserted text blends in. */
export interface IndentStyle {
  /** Spaces per nesting level of maps (2 or 4 in practice). */
  readonly unit: number;
  /** Spaces between a key and the `-` of its block sequence: 0 (`key:\n- a`) or usually `unit`. */
  readonly seqIndent: number;
  /** Columns from a `-` to its item's content: 2 for `- name:`, 4 for `-   name:`. */
  readonly itemGap: number;
  /** `\n` or `\r\n`, as the document writes lines. */
  readonly lineBreak: string;
}

const MAX_VISITS = 2_000;

/** Reads the indentation of the first nested map and the first block sequence under a key. */
export function detectIndentStyle(text: string, root: YNode | null, lineBreak = '\n'): IndentStyle {
  let unit: number | undefined;
  let seqIndent: number | undefined;
  let itemGap: number | undefined;
  let visits = 0;
  const visit = (map: YMap): void => {
    if (map.flow) return;
    for (const pair of map.pairs) {
      if (unit !== undefined && seqIndent !== undefined && itemGap !== undefined) return;
      if (++visits > MAX_VISITS) return;
      const value = pair.value;
      const keyColumn = columnOf(text, pair.key.range.start);
      if (isMap(value) && !value.flow && value.pairs.length > 0) {
        const childColumn = columnOf(text, value.pairs[0]!.key.range.start);
        if (unit === undefined && childColumn > keyColumn && onLaterLine(text, pair.key.range.start, value.range.start))
          unit = childColumn - keyColumn;
        visit(value);
      } else if (isSeq(value) && !value.flow && value.items.length > 0) {
        const first = value.items[0]!;
        const dash = dashColumnOf(text, first.range.start);
        if (seqIndent === undefined && dash !== undefined && dash >= keyColumn) seqIndent = dash - keyColumn;
        if (itemGap === undefined && dash !== undefined && isMap(first) && !first.flow) {
          const gap = columnOf(text, first.range.start) - dash;
          if (gap >= 2 && gap <= 8) itemGap = gap;
        }
        for (const item of value.items) if (isMap(item)) visit(item);
      }
    }
  };
  if (isMap(root)) visit(root);
  const resolvedUnit = unit && unit >= 1 && unit <= 8 ? unit : 2;
  return { unit: resolvedUnit, seqIndent: seqIndent ?? 0, itemGap: itemGap ?? 2, lineBreak };
}

function onLaterLine(text: string, a: number, b: number): boolean {
  return hasLineBreak(text.slice(a, b));
}

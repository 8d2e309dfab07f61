import { isMap, isSeq, isScalar, type YMap, type YNode, type YPair } from '../yaml/nodes';
import type { IndentStyle } from './indentStyle';
import { columnOf, dashColumnOf, lineAfter, lineStartOf, skipDeeperComments, startOfLeadingComments } from './lines';
import { UnsupportedLayout } from './insertion';
import { endsWithLineBreak } from '../text/lineBreaks';
import type { OffsetEdit } from './textEdits';

/** The lines of a block sequence item: its leading comments, the `- ` line, its body. */
export function itemLines(text: string, item: YNode): { start: number; end: number; dashColumn: number } {
  const dashColumn = dashColumnOf(text, item.range.start);
  if (dashColumn === undefined) throw new UnsupportedLayout('the item is not a block list entry');
  const dashLineStart = lineStartOf(text, item.range.start);
  const lastEnd = isMap(item) && item.pairs.length > 0 ? item.pairs[item.pairs.length - 1]!.range.end : item.range.end;
  const after = lineAfter(text, lastEnd);
  const end = after.needsBreak ? text.length : skipDeeperComments(text, after.offset, dashColumn);
  return { start: startOfLeadingComments(text, dashLineStart, dashColumn), end, dashColumn };
}

/** Shifts every non-blank line right (or left, as far as its spaces allow) by `delta`. */
export function reindent(block: string, delta: number): string {
  if (delta === 0) return block;
  return block.replace(/^( *)(?=[^\s])/gm, (spaces: string) =>
    delta > 0 ? spaces + ' '.repeat(delta) : spaces.slice(Math.min(spaces.length, -delta)),
  );
}

/**
 * Moves a block list item to the end of another list under `targetKey` of `parent` (or above
 * the item `before` of that list; creating the list before `createBefore` when absent),
 * re-indented to fit there. `rewrite` may change the item's text first (offsets relative to
 * the item's lines).
 */
export function moveItem(
  text: string,
  item: YNode,
  parent: YMap,
  targetPair: YPair | undefined,
  targetKey: string,
  createBefore: YPair | undefined,
  style: IndentStyle,
  rewrite: (itemText: string, itemStart: number) => string,
  before?: YNode,
): OffsetEdit[] {
  const source = itemLines(text, item);
  let body = rewrite(text.slice(source.start, source.end), source.start);
  if (!endsWithLineBreak(body)) body += style.lineBreak;
  if (targetPair && targetPair.value && !(isScalar(targetPair.value) && targetPair.value.value === null)) {
    const list = targetPair.value;
    if (!isSeq(list) || list.flow || list.items.length === 0)
      throw new UnsupportedLayout(`"${targetKey}" is not a block list`);
    const last = itemLines(text, list.items[list.items.length - 1]!);
    const targetDash = dashColumnOf(text, list.items[0]!.range.start) ?? last.dashColumn;
    const insertAt = before && list.items.includes(before) ? itemLines(text, before).start : last.end;
    if (insertAt > source.start && insertAt < source.end)
      throw new UnsupportedLayout('the item cannot move into itself');
    const prefix = insertAt === text.length && !endsWithLineBreak(text) ? style.lineBreak : '';
    return [
      { start: source.start, end: source.end, newText: '' },
      { start: insertAt, end: insertAt, newText: prefix + reindent(body, targetDash - source.dashColumn) },
    ].sort((a, b) => a.start - b.start);
  }
  if (targetPair) {
    // `initContainers:` with no value yet: the item goes on the lines after the key.
    const keyColumn = columnOf(text, targetPair.key.range.start);
    const after = lineAfter(text, targetPair.key.range.end);
    return [
      {
        start: after.offset,
        end: after.offset,
        newText:
          (after.needsBreak ? style.lineBreak : '') + reindent(body, keyColumn + style.seqIndent - source.dashColumn),
      },
      { start: source.start, end: source.end, newText: '' },
    ].sort((a, b) => a.start - b.start);
  }
  const anchor = createBefore ?? parent.pairs[0];
  if (!anchor) throw new UnsupportedLayout('nowhere to add the list');
  const keyColumn = columnOf(text, anchor.key.range.start);
  const anchorLine = lineStartOf(text, anchor.key.range.start);
  if (text.slice(anchorLine, anchor.key.range.start).trim() !== '')
    throw new UnsupportedLayout('the pod spec shares a line with other content');
  const at = startOfLeadingComments(text, anchorLine, keyColumn);
  const created = `${' '.repeat(keyColumn)}${targetKey}:${style.lineBreak}${reindent(body, keyColumn + style.seqIndent - source.dashColumn)}`;
  return [
    { start: at, end: at, newText: created },
    { start: source.start, end: source.end, newText: '' },
  ].sort((a, b) => a.start - b.start);
}

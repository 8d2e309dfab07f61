import { isMap, isScalar, isSeq, type YMap, type YPair } from '../yaml/nodes';
import type { IndentStyle } from './indentStyle';
import { columnOf, dashColumnOf, lineAfter, lineStartOf, skipDeeperComments, startOfLeadingComments } from './lines';
import { joinLines, renderItems, renderPairs, type RenderedYaml, type YamlValue } from './renderYaml';
import type { OffsetEdit } from './textEdits';

/** An insertion plus where its marked value (if any) lies in `newText`. */
export interface PlannedEdit extends OffsetEdit {
  readonly focus?: { readonly start: number; readonly end: number };
  /**
   * Whether the inserted lines continue the block above (a list item, a last key) or open
   * the block below (a key inserted before another); with the column of what they add, it
   * orders insertions that land on one offset.
   */
  readonly attach?: 'above' | 'below';
  readonly column?: number;
}

/**
 * Orders insertions that share an offset so each lands in its own block: continuations of
 * deeper blocks first, then shallower ones, then lines that open the block below.
 */
export function orderInsertions<T extends PlannedEdit>(edits: readonly T[]): T[] {
  const rank = (edit: PlannedEdit) => (edit.attach === 'below' ? 1 : 0);
  return edits
    .map((edit, order) => ({ edit, order }))
    .sort(
      (a, b) =>
        a.edit.start - b.edit.start ||
        rank(a.edit) - rank(b.edit) ||
        (b.edit.column ?? 0) - (a.edit.column ?? 0) ||
        a.order - b.order,
    )
    .map((entry) => entry.edit);
}

/** Why an edit cannot be made safely; the action is offered disabled with this reason. */
export class UnsupportedLayout extends Error {}

function insertion(
  offset: number,
  rendered: RenderedYaml,
  column: number,
  attach: 'above' | 'below',
  prefix = '',
): PlannedEdit {
  return {
    start: offset,
    end: offset,
    attach,
    column,
    newText: prefix + rendered.text,
    focus: rendered.focus && { start: rendered.focus.start + prefix.length, end: rendered.focus.end + prefix.length },
  };
}

/**
 * Appends items after the last item of the block sequence under `pair` (or under a key
 * that has no value yet), matching the sequence's own dash column.
 */
export function appendToSequence(
  text: string,
  pair: YPair,
  items: readonly YamlValue[],
  style: IndentStyle,
): PlannedEdit {
  const keyColumn = columnOf(text, pair.key.range.start);
  const value = pair.value;
  if (value === null || (isScalar(value) && value.value === null)) {
    const after = lineAfter(text, pair.key.range.end);
    return insertion(
      after.offset,
      joinLines(renderItems(items, keyColumn + style.seqIndent, style), style),
      keyColumn + style.seqIndent,
      'above',
      after.needsBreak ? style.lineBreak : '',
    );
  }
  if (!isSeq(value)) throw new UnsupportedLayout(`"${String(pair.key.value)}" is not a list`);
  if (value.flow) {
    if (value.items.length > 0)
      throw new UnsupportedLayout(`"${String(pair.key.value)}" is a flow list ([…]); rewrite it as a block list first`);
    // `key: []` becomes a block list: the brackets are replaced, the key line kept.
    const rendered = joinLines(renderItems(items, keyColumn + style.seqIndent, style), style);
    const body = rendered.text.endsWith(style.lineBreak)
      ? rendered.text.slice(0, -style.lineBreak.length)
      : rendered.text;
    const colon = text.indexOf(':', pair.key.range.end);
    return {
      start: colon + 1,
      end: value.range.end,
      newText: style.lineBreak + body,
      focus: rendered.focus && {
        start: rendered.focus.start + style.lineBreak.length,
        end: rendered.focus.end + style.lineBreak.length,
      },
    };
  }
  const last = value.items[value.items.length - 1];
  const first = value.items[0];
  const dashColumn = (first && dashColumnOf(text, first.range.start)) ?? keyColumn + style.seqIndent;
  if (!last) throw new UnsupportedLayout(`"${String(pair.key.value)}" is empty`);
  const lastEnd = isMap(last) && last.pairs.length > 0 ? last.pairs[last.pairs.length - 1]!.range.end : last.range.end;
  const after = lineAfter(text, lastEnd);
  const offset = after.needsBreak ? after.offset : skipDeeperComments(text, after.offset, dashColumn);
  return insertion(
    offset,
    joinLines(renderItems(items, dashColumn, style), style),
    dashColumn,
    'above',
    after.needsBreak ? style.lineBreak : '',
  );
}

/**
 * Adds `key: value` to a block map: after its last pair, or before `before` (above the
 * comments that introduce it).
 */
export function addPair(
  text: string,
  map: YMap,
  key: string,
  value: YamlValue,
  style: IndentStyle,
  before?: YPair,
): PlannedEdit {
  if (map.flow) throw new UnsupportedLayout('the map is written in flow style ({…})');
  const firstPair = map.pairs[0];
  if (!firstPair) throw new UnsupportedLayout('the map is empty');
  const column = columnOf(text, firstPair.key.range.start);
  const rendered = joinLines(renderPairs({ [key]: value }, column, style), style);
  if (before) {
    const lineStart = lineStartOf(text, before.key.range.start);
    if (
      columnOf(text, before.key.range.start) !== column ||
      text.slice(lineStart, before.key.range.start).trim() !== ''
    ) {
      // `- containers:` (the key shares its line with a dash): append instead.
      return addPair(text, map, key, value, style);
    }
    return insertion(startOfLeadingComments(text, lineStart, column), rendered, column, 'below');
  }
  const lastPair = map.pairs[map.pairs.length - 1]!;
  const after = lineAfter(text, lastPair.range.end);
  const offset = after.needsBreak ? after.offset : skipDeeperComments(text, after.offset, column);
  return insertion(offset, rendered, column, 'above', after.needsBreak ? style.lineBreak : '');
}

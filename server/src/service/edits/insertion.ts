import { isMap, isScalar, isSeq, type Range, type YMap, type YNode, type YPair } from '../yaml/nodes';
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

/**
 * Whether a node is written where it is read: not reached through an alias (`*name`) and, for a pair,
 * not copied into its map by a merge key (`<<: *name`). Either way its text is the anchor's, which
 * other places share: an edit placed by it would change them too, or land outside the map.
 */
function writtenWithin(node: { readonly range: Range; readonly viaAlias?: boolean }, within: Range): boolean {
  return !node.viaAlias && within.start <= node.range.start && node.range.end <= within.end;
}

function refuseAlias(node: YNode, what: string): void {
  if (node.viaAlias) throw new UnsupportedLayout(`${what} is an alias (*…): edit its anchor instead`);
}

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
  const keyName = `"${String(pair.key.value)}"`;
  if (value === null || (isScalar(value) && value.value === null && value.range.end <= value.range.start)) {
    const after = lineAfter(text, pair.key.range.end);
    return insertion(
      after.offset,
      joinLines(renderItems(items, keyColumn + style.seqIndent, style), style),
      keyColumn + style.seqIndent,
      'above',
      after.needsBreak ? style.lineBreak : '',
    );
  }
  refuseAlias(value, keyName);
  if (isScalar(value) && value.value === null) return replaceEmptyValue(text, pair, value, items, style);
  if (!isSeq(value)) throw new UnsupportedLayout(`${keyName} is not a list`);
  if (value.flow) {
    if (value.items.length > 0)
      throw new UnsupportedLayout(`${keyName} is a flow list ([…]); rewrite it as a block list first`);
    return replaceEmptyValue(text, pair, value, items, style);
  }
  const last = value.items[value.items.length - 1];
  const first = value.items[0];
  if (!last || !first) throw new UnsupportedLayout(`${keyName} is empty`);
  refuseAlias(first, `an item of ${keyName}`);
  refuseAlias(last, `an item of ${keyName}`);
  const dashColumn = dashColumnOf(text, first.range.start) ?? keyColumn + style.seqIndent;
  // The last pair the item writes itself: pairs a merge key copies in are written at their anchor.
  const ownPairs = isMap(last) ? last.pairs.filter((candidate) => writtenWithin(candidate, last.range)) : [];
  const lastEnd = ownPairs.length > 0 ? ownPairs[ownPairs.length - 1]!.range.end : last.range.end;
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
 * `key: []` or `key: ~` becomes a block list: the value is replaced, the key line and a comment after
 * the value kept on it (below the items, a comment could end up inside a block scalar of theirs).
 */
function replaceEmptyValue(
  text: string,
  pair: YPair,
  value: YNode,
  items: readonly YamlValue[],
  style: IndentStyle,
): PlannedEdit {
  const keyColumn = columnOf(text, pair.key.range.start);
  const rendered = joinLines(renderItems(items, keyColumn + style.seqIndent, style), style);
  const colon = text.indexOf(':', pair.key.range.end);
  const after = lineAfter(text, value.range.end);
  const restOfLine = text.slice(value.range.end, after.offset);
  if (!/^[ \t]*(#.*)?\r?\n?$/.test(restOfLine))
    throw new UnsupportedLayout(
      `"${String(pair.key.value)}" shares its line with more YAML; put it on its own line first`,
    );
  const prefix = after.needsBreak ? restOfLine + style.lineBreak : restOfLine;
  return {
    start: colon + 1,
    end: after.offset,
    newText: prefix + rendered.text,
    focus: rendered.focus && { start: rendered.focus.start + prefix.length, end: rendered.focus.end + prefix.length },
  };
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
  refuseAlias(map, 'the map');
  const ownPairs = map.pairs.filter((pair) => writtenWithin(pair, map.range));
  const firstPair = ownPairs[0];
  if (!firstPair)
    throw new UnsupportedLayout(
      map.pairs.length > 0 ? 'every field of the map comes from a merge key (<<)' : 'the map is empty',
    );
  const column = columnOf(text, firstPair.key.range.start);
  const rendered = joinLines(renderPairs({ [key]: value }, column, style), style);
  if (before && writtenWithin(before, map.range)) {
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
  const lastPair = ownPairs[ownPairs.length - 1]!;
  const after = lineAfter(text, lastPair.range.end);
  const offset = after.needsBreak ? after.offset : skipDeeperComments(text, after.offset, column);
  return insertion(offset, rendered, column, 'above', after.needsBreak ? style.lineBreak : '');
}

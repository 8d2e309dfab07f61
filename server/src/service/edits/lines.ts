/** Line arithmetic on a document's text, for edits that must respect YAML indentation. */
import { lineEndAt, lineStartAt } from '../text/lineBreaks';

export { lineBreakOf } from '../text/lineBreaks';

export const lineStartOf = lineStartAt;
export const lineEndOf = lineEndAt;

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** Spaces at the start of the line that holds `offset`. */
export function indentationAt(text: string, offset: number): number {
  const start = lineStartOf(text, offset);
  let at = start;
  while (text[at] === ' ') at++;
  return at - start;
}

/**
 * The start of the line after a node that ends at `end`. Collection ranges can run on
 * over trailing blank space (up to the next key's indentation), so trailing whitespace
 * is stepped back over first. `needsBreak` is set when the node ends the text without a
 * line break.
 */
export function lineAfter(text: string, end: number): { offset: number; needsBreak: boolean } {
  let at = Math.min(end, text.length);
  while (at > 0 && ' \t\r\n'.includes(text[at - 1]!)) at--;
  const lineEnd = lineEndAt(text, at);
  return lineEnd >= text.length
    ? { offset: text.length, needsBreak: true }
    : { offset: lineEnd + 1, needsBreak: false };
}

/**
 * From a line start, skips comment lines indented deeper than `column`: they belong to
 * the node above (a comment inside the last list item stays inside it).
 */
export function skipDeeperComments(text: string, offset: number, column: number): number {
  let at = offset;
  while (at < text.length) {
    const end = lineEndOf(text, at);
    const line = text.slice(at, end);
    const match = /^( *)#/.exec(line);
    if (!match || match[1]!.length <= column) break;
    at = end + 1;
  }
  return Math.min(at, text.length);
}

/** From a line start, moves up over the comment lines directly above at exactly `column`. */
export function startOfLeadingComments(text: string, lineStart: number, column: number): number {
  let at = lineStart;
  while (at > 0) {
    const previousStart = lineStartOf(text, at - 1);
    const line = text.slice(previousStart, at - 1).replace(/\r$/, '');
    const match = /^( *)#/.exec(line);
    if (!match || match[1]!.length !== column) break;
    at = previousStart;
  }
  return at;
}

/** The column of the `- ` that introduces a block sequence item starting at `itemStart`. */
export function dashColumnOf(text: string, itemStart: number): number | undefined {
  let at = itemStart - 1;
  while (at >= 0 && text[at] === ' ') at--;
  if (at < 0 || text[at] !== '-') return undefined;
  return columnOf(text, at);
}

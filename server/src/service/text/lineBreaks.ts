/**
 * YAML (like LSP) counts a carriage return on its own as a line break, as do `\n` and
 * `\r\n`; the `yaml` library and our scanners split lines on `\n` only. A lone `\r` becomes
 * `\n`, which keeps every offset, so ranges found in the rewritten text hold in the original.
 */
export function hasLoneCarriageReturn(text: string): boolean {
  // Most files have no `\r` at all; CRLF files need the regular expression once.
  return text.includes('\r') && LONE_CARRIAGE_RETURN.test(text);
}

/** The text with each lone `\r` turned into `\n` (same length, same offsets). */
export function withLineFeeds(text: string): string {
  return hasLoneCarriageReturn(text) ? text.replace(LONE_CARRIAGE_RETURN_GLOBAL, '\n') : text;
}

const LONE_CARRIAGE_RETURN = /\r(?!\n)/;
const LONE_CARRIAGE_RETURN_GLOBAL = /\r(?!\n)/g;

/*
 * Line arithmetic for every place that walks a text by lines. Lines end where `withLineFeeds`
 * would put a `\n`: at a `\n`, or at a lone `\r`. A CRLF's line ends at its `\n` (its `\r` stays
 * at the end of the line's content, as the positions of `LineIndex` count it).
 */

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/** Whether the character at `at` ends its line: a `\n`, or a `\r` that no `\n` follows. */
export function isLineEnd(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === LINE_FEED || (code === CARRIAGE_RETURN && text.charCodeAt(at + 1) !== LINE_FEED);
}

/** The start of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  let at = Math.min(Math.max(offset, 0), text.length);
  while (at > 0 && !isLineEnd(text, at - 1)) at--;
  return at;
}

/** The offset of the character that ends the line holding `offset` (the text's length on the last line). */
export function lineEndAt(text: string, offset: number): number {
  let at = Math.max(offset, 0);
  while (at < text.length && !isLineEnd(text, at)) at++;
  return Math.min(at, text.length);
}

/** The start of the line after the one holding `offset` (the text's length on the last line). */
export function nextLineStart(text: string, offset: number): number {
  return Math.min(lineEndAt(text, offset) + 1, text.length);
}

/** Each line's start offset and its content (a CRLF's `\r` removed), first to last. */
export function linesOf(text: string): { readonly start: number; readonly content: string }[] {
  const lines: { start: number; content: string }[] = [];
  let start = 0;
  for (;;) {
    const end = lineEndAt(text, start);
    const content = text.slice(start, end);
    lines.push({ start, content: content.endsWith('\r') ? content.slice(0, -1) : content });
    if (end >= text.length) return lines;
    start = end + 1;
  }
}

/** The line break a document uses, judged by its first one, so inserted lines match (`\n` when it has none). */
export function lineBreakOf(text: string): '\n' | '\r\n' | '\r' {
  const end = lineEndAt(text, 0);
  if (end >= text.length) return '\n';
  if (text.charCodeAt(end) === CARRIAGE_RETURN) return '\r';
  return end > 0 && text.charCodeAt(end - 1) === CARRIAGE_RETURN ? '\r\n' : '\n';
}

/** Text written with `\n` line breaks, in the file's own (`\r\n` or `\r`) when it uses another. */
export function inLineBreaksOf(fileText: string, inserted: string): string {
  const lineBreak = lineBreakOf(fileText);
  return lineBreak === '\n' || !inserted.includes('\n') ? inserted : inserted.replace(/\r?\n/g, lineBreak);
}

/** Whether a text holds a line break of any kind. */
export function hasLineBreak(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}

/** Whether a text ends with a line break of any kind. */
export function endsWithLineBreak(text: string): boolean {
  return text.endsWith('\n') || text.endsWith('\r');
}

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

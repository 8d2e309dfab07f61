/**
 * A cheap look at a document before the `yaml` library parses it. The library's parser keeps
 * a token per open collection and composes them recursively: a value of a million `[` takes
 * it seconds and a gigabyte, five million take the process down. One linear pass over the
 * characters estimates how deeply the document nests (block indentation levels, compact
 * `- - -` and `? ` indicators on one line, open flow brackets) and stops at the first place
 * deeper than `MAX_NESTING`; such a document is refused with one finding there instead of parsed.
 *
 * The estimate never needs to be exact: real manifests nest a few dozen levels, and the
 * library gives up itself somewhere near a thousand. It skips what cannot nest (quoted
 * strings, comments, block scalar bodies, plain text), so brackets in a script or a regular
 * expression do not count.
 */

import {
  AMPERSAND,
  BACKSLASH,
  CARRIAGE_RETURN,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  DASH,
  DOT,
  DOUBLE_QUOTE,
  EXCLAMATION,
  GREATER,
  HASH,
  NEWLINE,
  OPEN_BRACE,
  OPEN_BRACKET,
  PIPE,
  QUESTION,
  SINGLE_QUOTE,
  SPACE,
  TAB,
} from './characterCodes';

/** Deeper than this is refused before parsing. */
export const MAX_NESTING = 200;

export interface NestingProblem {
  /** Offset of the character at which the nesting passes `MAX_NESTING`. */
  readonly offset: number;
}

const isBlank = (code: number) => code === SPACE || code === TAB;
const endsToken = (code: number) =>
  Number.isNaN(code) || code === SPACE || code === TAB || code === NEWLINE || code === CARRIAGE_RETURN;

/** The first place a document (lone `\r` already made `\n`) nests deeper than `MAX_NESTING`, if any. */
export function findExcessiveNesting(text: string): NestingProblem | undefined {
  return new NestingScan(text).run();
}

class NestingScan {
  /** Indentation of each open block level. */
  private readonly indents: number[] = [];
  private flowDepth = 0;
  /** The quote character of a quoted scalar still open at the end of the previous line, or 0. */
  private openQuote = 0;
  /** While >= 0: lines indented deeper than this (and blank lines) are a block scalar's body. */
  private blockScalarParent = -1;
  private at = 0;

  constructor(private readonly text: string) {}

  run(): NestingProblem | undefined {
    const text = this.text;
    while (this.at < text.length) {
      const lineEnd = lineEndOf(text, this.at);
      const problem = this.line(this.at, lineEnd);
      if (problem) return problem;
      this.at = lineEnd + 1;
    }
    return undefined;
  }

  private line(start: number, end: number): NestingProblem | undefined {
    const text = this.text;
    let at = start;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
    const indent = at - start;
    const empty = at === end || text.charCodeAt(at) === HASH || text.charCodeAt(at) === CARRIAGE_RETURN;
    if (this.blockScalarParent >= 0) {
      if (empty || indent > this.blockScalarParent) return undefined;
      this.blockScalarParent = -1;
    }
    let blockDepth = this.indents.length;
    let valueStart = false;
    if (this.flowDepth === 0 && this.openQuote === 0) {
      if (empty) return undefined;
      while (this.indents.length > 0 && this.indents[this.indents.length - 1]! >= indent) this.indents.pop();
      this.indents.push(indent);
      blockDepth = this.indents.length;
      if (blockDepth > MAX_NESTING) return { offset: at };
      valueStart = true;
      if (indent === 0 && isMarkerAt(text, at)) at += 3;
      // Compact indicators (`- - x`, `? a`, `: b`) each open a level on this line.
      for (;;) {
        while (at < end && isBlank(text.charCodeAt(at))) at++;
        const code = text.charCodeAt(at);
        if ((code === DASH || code === QUESTION || code === COLON) && at < end && endsToken(text.charCodeAt(at + 1))) {
          blockDepth++;
          if (blockDepth > MAX_NESTING) return { offset: at };
          at++;
        } else break;
      }
    }
    const quote = this.openQuote;
    if (quote !== 0) {
      at = closingQuote(text, at, end, quote);
      if (at >= end) return undefined;
      this.openQuote = 0;
      at++;
      valueStart = false;
    }
    let previous = SPACE;
    for (; at < end; at++) {
      const code = text.charCodeAt(at);
      if (code === HASH && isBlank(previous)) return undefined;
      if (this.flowDepth > 0) {
        if (code === OPEN_BRACKET || code === OPEN_BRACE) {
          this.flowDepth++;
          if (blockDepth + this.flowDepth > MAX_NESTING) return { offset: at };
        } else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) {
          this.flowDepth--;
        } else if ((code === DOUBLE_QUOTE || code === SINGLE_QUOTE) && startsScalar(previous)) {
          at = this.quoted(at, end, code);
        }
      } else if (valueStart && !isBlank(code)) {
        if (code === OPEN_BRACKET || code === OPEN_BRACE) {
          this.flowDepth = 1;
          if (blockDepth + 1 > MAX_NESTING) return { offset: at };
        } else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
          at = this.quoted(at, end, code);
          valueStart = false;
        } else if ((code === PIPE || code === GREATER) && isBlockScalarHeader(text, at + 1, end)) {
          this.blockScalarParent = indent;
          return undefined;
        } else if (code === AMPERSAND || code === EXCLAMATION) {
          // An anchor or a tag: the value still follows.
          while (at + 1 < end && !isBlank(text.charCodeAt(at + 1))) at++;
        } else {
          valueStart = false;
        }
      } else if (code === COLON && endsToken(text.charCodeAt(at + 1))) {
        valueStart = true;
      }
      previous = text.charCodeAt(at);
    }
    return undefined;
  }

  /** Skips a quoted scalar from its opening quote; one still open at the end of the line is remembered. */
  private quoted(open: number, end: number, quote: number): number {
    const close = closingQuote(this.text, open + 1, end, quote);
    if (close >= end) this.openQuote = quote;
    return close;
  }
}

function lineEndOf(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

function isMarkerAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (
    (code === DASH || code === DOT) &&
    text.charCodeAt(at + 1) === code &&
    text.charCodeAt(at + 2) === code &&
    endsToken(text.charCodeAt(at + 3))
  );
}

/** A quote opens a scalar only where a scalar can start (not inside `it's`). */
function startsScalar(previous: number): boolean {
  return (
    isBlank(previous) ||
    previous === OPEN_BRACKET ||
    previous === OPEN_BRACE ||
    previous === COMMA ||
    previous === COLON
  );
}

/** Offset of the closing quote on this line, or `end` when the scalar goes on. `''` inside single quotes is an escaped quote. */
function closingQuote(text: string, from: number, end: number, quote: number): number {
  for (let at = from; at < end; at++) {
    const code = text.charCodeAt(at);
    if (quote === DOUBLE_QUOTE && code === BACKSLASH) at++;
    else if (code === quote) {
      if (quote === SINGLE_QUOTE && text.charCodeAt(at + 1) === SINGLE_QUOTE) at++;
      else return at;
    }
  }
  return end;
}

/** `|` or `>` with optional chomping and indentation indicators, then only blanks or a comment. */
function isBlockScalarHeader(text: string, from: number, end: number): boolean {
  let at = from;
  while (at < end && /[-+0-9]/.test(text[at]!)) at++;
  while (at < end && isBlank(text.charCodeAt(at))) at++;
  return at === end || text.charCodeAt(at) === HASH || text.charCodeAt(at) === CARRIAGE_RETURN;
}

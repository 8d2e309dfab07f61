/**
 * The YAML library reports problems in parser jargon ("Implicit map keys need to be followed by map
 * values"), often several for one mistake. This module turns its errors into one finding per
 * problem, in words a manifest author knows, on the characters at fault.
 */

/** One error as the library reports it: its typed code, its message, and the offsets it names. */
export interface LibraryError {
  readonly code: string;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** A plain message and the range it belongs on. */
export interface PlainSyntaxError {
  readonly code: string;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Codes by how directly they name the author's mistake: when one line gets several errors, the
 * first of these is the one kept (a tab used as indentation explains the "implicit key"
 * errors the parser then reports on the same line).
 */
const PRIORITY = [
  'TAB_AS_INDENT',
  'BAD_INDENT',
  'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY',
  'BLOCK_AS_IMPLICIT_KEY',
  'UNEXPECTED_TOKEN',
];

const priorityOf = (code: string) => {
  const index = PRIORITY.indexOf(code);
  return index < 0 ? PRIORITY.length : index;
};

/** The line an error belongs to: one reported on a line break belongs to the line after it, where the problem shows. */
function lineOf(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && text[at] === '\n') at++;
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Keeps the most telling error of each line, in text order. */
export function onePerProblem(text: string, errors: readonly LibraryError[]): LibraryError[] {
  const byLine = new Map<number, LibraryError>();
  for (const error of errors) {
    const line = lineOf(text, error.start);
    const kept = byLine.get(line);
    if (!kept || priorityOf(error.code) < priorityOf(kept.code)) byLine.set(line, error);
  }
  return [...byLine.values()].sort((a, b) => a.start - b.start);
}

/** The key (or first word) written on the line holding an offset, past its indentation and any "- ". */
function keyOnLine(text: string, offset: number): { start: number; end: number } | undefined {
  let from = text.lastIndexOf('\n', offset - 1) + 1;
  while (text[from] === ' ' || (text[from] === '-' && text[from + 1] === ' ')) from++;
  let to = from;
  while (to < text.length && text[to] !== '\n' && text[to] !== ':' && text[to] !== '#') to++;
  while (to > from && text[to - 1] === ' ') to--;
  return to > from ? { start: from, end: to } : undefined;
}

/** The key on the last line a range touches (where a key running over two lines shows its mistake). */
function keyOnLastLine(text: string, start: number, end: number): { start: number; end: number } {
  const lastBreak = text.lastIndexOf('\n', Math.max(start, end - 1));
  return keyOnLine(text, lastBreak < start ? start : lastBreak + 1) ?? { start, end };
}

/** The rest of a line from an offset (an unclosed quote: its value runs to the end of the line at least). */
function toLineEnd(text: string, start: number): { start: number; end: number } {
  const lineEnd = text.indexOf('\n', start);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return { start, end: Math.max(end, start + 1) };
}

/** Where an unclosed quote opens: the last quote character before the end the library reports, on the line it starts. */
function openingQuote(text: string, reportedAt: number, quote: string): number | undefined {
  // The library reports the end of the input; the quote that was never closed is the last one opened before it.
  const at = text.lastIndexOf(quote, Math.min(reportedAt, text.length - 1));
  return at >= 0 ? at : undefined;
}

/** A library error as a plain-words message on the exact range. */
export function plainSyntaxError(text: string, error: LibraryError): PlainSyntaxError {
  const { code, message } = error;
  const at = { start: error.start, end: error.end };
  const plain = (words: string, range = at): PlainSyntaxError => ({ code, message: words, ...range });
  switch (code) {
    case 'TAB_AS_INDENT': {
      let end = at.start;
      while (text[end] === '\t' || text[end] === ' ') end++;
      return plain('A tab character cannot indent YAML: use spaces.', {
        start: at.start,
        end: Math.max(end, at.start + 1),
      });
    }
    case 'BAD_INDENT':
      if (/same column/.test(message))
        return plain(
          /sequence/.test(message)
            ? 'This list item is indented differently from the items before it.'
            : 'This key is indented differently from its siblings.',
          keyOnLine(text, at.start) ?? at,
        );
      if (/Flow (sequence|map)/.test(message)) {
        const [open, close] = /sequence/.test(message) ? ['[', ']'] : ['{', '}'];
        // Reported where the collection should have ended; the author needs to see where it opened.
        const opening = text.lastIndexOf(open, at.start);
        return plain(
          `This ${open} is never closed: add the missing ${close} (or indent the lines that continue it).`,
          opening >= 0 ? { start: opening, end: opening + 1 } : at,
        );
      }
      break;
    case 'MISSING_CHAR': {
      const quote = /Missing closing (["'])quote/.exec(message);
      if (quote) {
        const opening = openingQuote(text, at.start, quote[1]!);
        return plain(
          `Unclosed quote: this ${quote[1] === '"' ? 'double' : 'single'}-quoted value has no closing ${quote[1]}, so everything after it is read as part of the value.`,
          opening === undefined ? at : toLineEnd(text, opening),
        );
      }
      if (/Implicit map keys need to be followed by map values/.test(message))
        return plain(
          'A key without a colon: write "key: value" (a space after the colon).',
          keyOnLastLine(text, at.start, at.end),
        );
      if (/Sequence item without - indicator/.test(message))
        return plain(
          'This key is indented differently from its siblings (or a list item lacks its "- ").',
          keyOnLine(text, at.start) ?? at,
        );
      if (/Missing , (or : )?between/.test(message))
        return plain('A comma is missing between two items of this [ ] or { }.');
      if (/Missing space after :/.test(message)) return plain('Put a space after the colon.');
      if (/Comments must be separated/.test(message)) return plain('Put a space before the # of a comment.');
      break;
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return plain(
        'This key is indented differently from its siblings: it continues the line above instead of starting a field.',
        keyOnLastLine(text, at.start, at.end),
      );
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/compact mappings/.test(message))
        return plain(
          'A second "key:" on one line: put the nested field on its own line, indented (or quote the value).',
        );
      return plain('This list is indented differently from the key it belongs to.');
    case 'BAD_SCALAR_START': {
      const character = /start with (.+)$/.exec(message)?.[1];
      return plain(`A value cannot start with ${character ?? 'this character'} unless it is quoted.`);
    }
    case 'BAD_ALIAS':
      return plain('An anchor (&name) or alias (*name) needs a name.');
    case 'MULTIPLE_ANCHORS':
      return plain('A value can have only one anchor (&name).');
    case 'MULTIPLE_TAGS':
      return plain('A value can have only one tag (!tag).');
    case 'TAG_RESOLVE_FAILED':
      return plain(`Unknown tag: ${/tag: (.+)$/.exec(message)?.[1] ?? 'this tag'} (Kubernetes manifests use none).`);
    case 'KEY_OVER_1024_CHARS':
      return plain('A key longer than 1024 characters: YAML does not allow it.');
    case 'UNEXPECTED_TOKEN':
      if (/Unexpected , in/.test(message)) return plain('An extra comma.');
      break;
  }
  // A code or message this table does not know yet: the library's words are still true.
  return plain(firstSentence(message));
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0]!.trim();
  const words = line.length > 300 ? `${line.slice(0, 300)}…` : line;
  return /[.!?…]$/.test(words) ? words : `${words}.`;
}

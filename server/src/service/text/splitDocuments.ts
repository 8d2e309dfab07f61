import { withLineFeeds } from './lineBreaks';

/**
 * Splits a YAML stream into its documents with one scan for marker lines, so an
 * edit re-parses only the document it touched. A line that starts with `---` followed
 * by a space, a tab or the end of the line is a document marker wherever it appears
 * (the YAML spec forbids it as content at column 0), so no parsing is needed to find it.
 * A byte order mark opening the stream belongs to no document (so `\uFEFFkind: Pod` is
 * read as `kind: Pod`), and a lone `\r` ends a line as `\n` does.
 */
export interface DocumentSlice {
  /** 0-based position of the document in the file. */
  readonly index: number;
  /** Offset of the document's first character in the file. */
  readonly offset: number;
  readonly text: string;
}

export function splitDocuments(original: string, atFileStart = true): DocumentSlice[] {
  // Markers are looked for in a copy with lone `\r` made `\n` (same offsets); documents are cut from the original.
  const text = withLineFeeds(original);
  // `atFileStart: false` splits a run of lines in the middle of a file (`SplitText` re-splits only what an edit touched): no byte order mark there.
  const first = atFileStart && text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  const starts: number[] = [first];
  const length = text.length;
  // Markers can only follow a newline (or open the text), so the native `indexOf` finds the
  // candidates: a per-line loop in script costs more than the rest of a keystroke.
  if (isMarker(text, first, 46 /* . */)) pushDocumentEndMarker(text, first, starts);
  let nextStart = text.indexOf('\n---', 0);
  let nextEnd = text.indexOf('\n...', 0);
  while (nextStart >= 0 || nextEnd >= 0) {
    if (nextStart >= 0 && (nextEnd < 0 || nextStart < nextEnd)) {
      const lineStart = nextStart + 1;
      if (isMarker(text, lineStart, 45 /* - */) && lineStart > starts[starts.length - 1]!) starts.push(lineStart);
      nextStart = text.indexOf('\n---', lineStart);
    } else {
      const lineStart = nextEnd + 1;
      if (isMarker(text, lineStart, 46 /* . */)) pushDocumentEndMarker(text, lineStart, starts);
      nextEnd = text.indexOf('\n...', lineStart);
    }
  }
  const slices: DocumentSlice[] = [];
  for (let i = 0; i < starts.length; i++) {
    const offset = starts[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]! : length;
    if (i > 0 && offset === starts[i - 1]) continue;
    slices.push({ index: slices.length, offset, text: original.slice(offset, end) });
  }
  return slices;
}

const BYTE_ORDER_MARK = 0xfeff;

/** `...` ends a document; what follows it starts the next one. */
function pushDocumentEndMarker(text: string, lineStart: number, starts: number[]): void {
  const next = text.indexOf('\n', lineStart);
  if (next >= 0 && next + 1 < text.length && next + 1 > starts[starts.length - 1]!) starts.push(next + 1);
}

function isMarker(text: string, at: number, code: number): boolean {
  if (text.charCodeAt(at) !== code || text.charCodeAt(at + 1) !== code || text.charCodeAt(at + 2) !== code)
    return false;
  const after = text.charCodeAt(at + 3);
  return Number.isNaN(after) || after === 32 || after === 9 || after === 10 || after === 13;
}

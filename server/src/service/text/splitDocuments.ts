/**
 * Splits a YAML stream into its documents with one pass over the line starts, so an
 * edit re-parses only the document it touched. A line that starts with `---` followed
 * by a space, a tab or the end of the line is a document marker wherever it appears
 * (the YAML spec forbids it as content at column 0), so no parsing is needed to find it.
 */
export interface DocumentSlice {
  /** 0-based position of the document in the file. */
  readonly index: number;
  /** Offset of the document's first character in the file. */
  readonly offset: number;
  readonly text: string;
}

export function splitDocuments(text: string): DocumentSlice[] {
  const starts: number[] = [0];
  let lineStart = 0;
  const length = text.length;
  while (lineStart < length) {
    if (lineStart > 0 && isMarker(text, lineStart, 45 /* - */)) {
      starts.push(lineStart);
    } else if (isMarker(text, lineStart, 46 /* . */)) {
      // `...` ends a document; what follows it starts the next one.
      const next = text.indexOf('\n', lineStart);
      if (next >= 0 && next + 1 < length) starts.push(next + 1);
    }
    const newline = text.indexOf('\n', lineStart);
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  const slices: DocumentSlice[] = [];
  for (let i = 0; i < starts.length; i++) {
    const offset = starts[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]! : length;
    if (i > 0 && offset === starts[i - 1]) continue;
    slices.push({ index: slices.length, offset, text: text.slice(offset, end) });
  }
  return slices;
}

function isMarker(text: string, at: number, code: number): boolean {
  if (text.charCodeAt(at) !== code || text.charCodeAt(at + 1) !== code || text.charCodeAt(at + 2) !== code) return false;
  const after = text.charCodeAt(at + 3);
  return Number.isNaN(after) || after === 32 || after === 9 || after === 10 || after === 13;
}

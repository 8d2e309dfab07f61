import type { TextEdit, Range } from 'vscode-languageserver';
import { applyEdits, LineIndex, type OffsetEdit, type OffsetRange, type ParsedFile } from '../../service';

/** Service edits (file offsets) as LSP text edits on the analysed text. */
export function toTextEdits(file: ParsedFile, edits: readonly OffsetEdit[]): TextEdit[] {
  const lines = file.lineIndex;
  return edits.map((edit) => ({
    range: { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) },
    newText: edit.newText,
  }));
}

/** A range of the text the edits produce, as LSP positions in that text. */
export function rangeInResult(file: ParsedFile, edits: readonly OffsetEdit[], range: OffsetRange): Range {
  const lines = new LineIndex(applyEdits(file.text, edits));
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

/** A range of the analysed text (file offsets) as LSP positions. */
export function toLspRange(file: ParsedFile, range: OffsetRange): Range {
  const lines = file.lineIndex;
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

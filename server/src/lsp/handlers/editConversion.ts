import type { TextEdit, Range } from 'vscode-languageserver';
import { LineIndex, type FileAnalysis } from '../../service';
import { applyEdits, type OffsetEdit, type OffsetRange } from '../../service/edits/textEdits';

/** Service edits (file offsets) as LSP text edits on the analysed text. */
export function toTextEdits(analysis: FileAnalysis, edits: readonly OffsetEdit[]): TextEdit[] {
  const lines = analysis.lineIndex;
  return edits.map((edit) => ({ range: { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) }, newText: edit.newText }));
}

/** A range of the text the edits produce, as LSP positions in that text. */
export function rangeInResult(analysis: FileAnalysis, edits: readonly OffsetEdit[], range: OffsetRange): Range {
  const lines = new LineIndex(applyEdits(analysis.text, edits));
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

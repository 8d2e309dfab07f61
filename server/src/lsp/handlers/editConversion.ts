import type { TextEdit, Range } from 'vscode-languageserver';
import { applyEdits, LineIndex, type OffsetEdit, type OffsetRange, type ParsedFile } from '../../service';
import type { ProtocolPositions } from '../positionEncoding';

/** Service edits (file offsets) as LSP text edits on the analysed text, in the client's position encoding. */
export function toTextEdits(file: ParsedFile, edits: readonly OffsetEdit[], positions: ProtocolPositions): TextEdit[] {
  return edits.map((edit) => ({ range: positions.rangeAt(file, edit), newText: edit.newText }));
}

/** A range of the text the edits produce, as LSP positions in that text. */
export function rangeInResult(
  file: ParsedFile,
  edits: readonly OffsetEdit[],
  range: OffsetRange,
  positions: ProtocolPositions,
): Range {
  const text = applyEdits(file.text, edits);
  return positions.rangeIn(text, new LineIndex(text), range);
}

/** A range of the analysed text (file offsets) as LSP positions, in the client's position encoding. */
export function toLspRange(file: ParsedFile, range: OffsetRange, positions: ProtocolPositions): Range {
  return positions.rangeAt(file, range);
}

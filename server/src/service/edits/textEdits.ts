/**
 * Edits as offsets into a text. Code actions compute them at model ranges (never by
 * re-serialising a document), hosts turn them into LSP `TextEdit`s or apply them to
 * files.
 */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Half-open offsets in the text an edit produces. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Edits sorted by start, keeping the given order among edits that start at the same
 * offset (LSP applies inserts at one position in array order, and so do we).
 */
export function sortEdits(edits: readonly OffsetEdit[]): OffsetEdit[] {
  return edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || a.order - b.order)
    .map((entry) => entry.edit);
}

/** Applies non-overlapping edits; throws when two edits overlap (a bug in the action). */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = sortEdits(edits);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at || edit.end < edit.start || edit.end > text.length) {
      throw new RangeError(`overlapping or out-of-range edit at ${edit.start}-${edit.end}`);
    }
    out += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** Where a range inside one edit's new text lands once all edits are applied. */
export function rangeAfterEdits(edits: readonly OffsetEdit[], target: OffsetEdit, inNewText: OffsetRange): OffsetRange {
  let delta = 0;
  for (const edit of sortEdits(edits)) {
    if (edit === target) break;
    delta += edit.newText.length - (edit.end - edit.start);
  }
  return { start: target.start + delta + inNewText.start, end: target.start + delta + inNewText.end };
}

/** Moves edits computed on a document's text to file offsets. */
export function shiftEdits(edits: readonly OffsetEdit[], offset: number): OffsetEdit[] {
  return edits.map((edit) => ({ start: edit.start + offset, end: edit.end + offset, newText: edit.newText }));
}

import type { Position } from '../../shared/vocabulary';
import { withLineFeeds } from './lineBreaks';
import type { LinePositions } from './lineIndex';
import { splitDocuments, type DocumentSlice } from './splitDocuments';

/**
 * One YAML document's text. Pieces are shared by every version of a file that still holds the
 * document unchanged, so what is cached on them (line starts, UTF-8 size) is computed once.
 */
interface Piece {
  readonly text: string;
  /** Line breaks in the text (`\n`, `\r\n` or a lone `\r`). */
  breaks?: number;
  /** Offsets in the text where a line starts: 0, then after each line break. */
  lineStarts?: Int32Array;
  utf8Length?: number;
}

/** Where each line of the file starts: derived from the pieces' line counts on first use. */
interface Lines {
  /** The file line on which each piece starts. */
  readonly firstLines: Float64Array;
  readonly count: number;
}

/**
 * A file's text kept as its YAML documents (as `splitDocuments` cuts it), with offset ↔
 * position lookups. An edit (`withChange`) makes a new version that re-splits only the
 * documents around the change and shares the others' strings and caches, so a keystroke costs
 * the documents it touches plus one pass over a number per document, never a copy or a scan
 * of the whole text. The whole text is joined only when something asks for it (`text`).
 */
export class SplitText implements LinePositions {
  private joined: string | undefined;
  private lines: Lines | undefined;

  private constructor(
    /** A byte order mark opening the file: it belongs to no document. */
    private readonly prefix: string,
    private readonly pieces: readonly Piece[],
    /** The file offset of each piece. */
    private readonly offsets: Float64Array,
    readonly length: number,
    joined?: string,
    lines?: Lines,
  ) {
    this.joined = joined;
    this.lines = lines;
  }

  static of(text: string): SplitText {
    const slices = splitDocuments(text);
    const offsets = new Float64Array(slices.length);
    for (let i = 0; i < slices.length; i++) offsets[i] = slices[i]!.offset;
    return new SplitText(
      text.slice(0, slices[0]!.offset),
      slices.map((slice) => ({ text: slice.text })),
      offsets,
      text.length,
      text,
    );
  }

  /** The whole text (joined from the documents on first use after an edit). */
  get text(): string {
    return (this.joined ??= this.prefix + this.pieces.map((piece) => piece.text).join(''));
  }

  /** How many documents the text holds. */
  get documentCount(): number {
    return this.pieces.length;
  }

  /** The documents with their file offsets, in file order. */
  slices(): DocumentSlice[] {
    return this.pieces.map((piece, index) => ({ index, offset: this.offsets[index]!, text: piece.text }));
  }

  /** The text of document `index`: the same string for every version in which the document is unchanged. */
  documentText(index: number): string {
    return this.pieces[index]!.text;
  }

  /** Whether document `index` is document `otherIndex` of `other` unchanged (one version was edited into the other). */
  sharesDocument(index: number, other: SplitText, otherIndex: number): boolean {
    return this.pieces[index] === other.pieces[otherIndex];
  }

  documentOffset(index: number): number {
    return this.offsets[index]!;
  }

  /** The text between two offsets. */
  slice(start: number, end: number): string {
    start = clamp(start, 0, this.length);
    end = clamp(end, start, this.length);
    if (this.joined !== undefined) return this.joined.slice(start, end);
    let out = start < this.offsets[0]! ? this.prefix.slice(start, Math.min(end, this.offsets[0]!)) : '';
    for (let p = this.pieceAt(start); p < this.pieces.length && this.offsets[p]! < end; p++) {
      const offset = this.offsets[p]!;
      out += this.pieces[p]!.text.slice(Math.max(0, start - offset), end - offset);
    }
    return out;
  }

  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    if (offset < this.offsets[0]!) return this.prefix.charCodeAt(offset);
    const p = this.pieceAt(offset);
    return this.pieces[p]!.text.charCodeAt(offset - this.offsets[p]!);
  }

  /** Size of the text in UTF-8 bytes (each document's counted once and kept). */
  get utf8Length(): number {
    let total = utf8LengthOf(this.prefix);
    for (const piece of this.pieces) total += piece.utf8Length ??= utf8LengthOf(piece.text);
    return total;
  }

  /**
   * The text after replacing `start`–`end` (offsets in this text) by `insert`. Only the documents
   * around the change are cut again: the document before it and the one after it are included,
   * so the markers that bound the re-cut run (a `---` line, a `...` line, and the line break
   * before each) lie outside the change and stay where they are.
   */
  withChange(start: number, end: number, insert: string): SplitText {
    start = clamp(start, 0, this.length);
    end = clamp(end, start, this.length);
    const count = this.pieces.length;
    const first = Math.max(0, this.pieceAt(Math.max(0, start - 1)) - 1);
    const last = Math.min(count - 1, this.pieceAt(Math.min(this.length, end + 1)) + 1);
    const runStart = first === 0 ? 0 : this.offsets[first]!;
    const runEnd = last + 1 < count ? this.offsets[last + 1]! : this.length;
    const oldRun = this.slice(runStart, runEnd);
    const newRun = oldRun.slice(0, start - runStart) + insert + oldRun.slice(end - runStart);
    const cut = splitDocuments(newRun, first === 0);
    const prefix = first === 0 ? newRun.slice(0, cut[0]!.offset) : this.prefix;

    // Documents of the re-cut run equal to the old ones keep their piece (string and caches).
    const replaced = this.pieces.slice(first, last + 1);
    const fresh: Piece[] = cut.map((slice) => ({ text: slice.text }));
    for (let i = 0; i < fresh.length && i < replaced.length && fresh[i]!.text === replaced[i]!.text; i++)
      fresh[i] = replaced[i]!;
    for (
      let i = 1;
      i <= fresh.length &&
      i <= replaced.length &&
      fresh[fresh.length - i]!.text === replaced[replaced.length - i]!.text;
      i++
    )
      fresh[fresh.length - i] = replaced[replaced.length - i]!;
    for (const piece of fresh) {
      // A cut is a view into the run: its own copy lets the run (and the old text) be collected. A cut that
      // is the whole run (a file of one document) is the run itself, and a copy would cost a whole-text pass.
      if (!replaced.includes(piece) && piece.text.length !== newRun.length)
        (piece as { text: string }).text = ownCopy(piece.text);
    }

    const shift = insert.length - (end - start);
    const pieces = this.pieces.slice(0, first).concat(fresh, this.pieces.slice(last + 1));
    const offsets = new Float64Array(pieces.length);
    offsets.set(this.offsets.subarray(0, first));
    for (let i = 0; i < cut.length; i++) offsets[first + i] = runStart + cut[i]!.offset;
    for (let i = last + 1; i < count; i++) offsets[i - last - 1 + first + cut.length] = this.offsets[i]! + shift;
    const lines = this.lines ? shiftedLines(this.lines, replaced, fresh, first, last, pieces.length) : undefined;
    return new SplitText(prefix, pieces, offsets, this.length + shift, undefined, lines);
  }

  // --- Offsets and positions (lines end at `\n`, `\r\n` or a lone `\r`, as LSP clients count them) ---

  get lineCount(): number {
    return this.lineData().count;
  }

  positionAt(offset: number): Position {
    const clamped = clamp(offset, 0, this.length);
    if (clamped < this.offsets[0]!) return { line: 0, character: clamped };
    const p = this.pieceAt(clamped);
    const starts = lineStartsOf(this.pieces[p]!);
    const k = lastAtMost(starts, clamped - this.offsets[p]!);
    return { line: this.lineData().firstLines[p]! + k, character: clamped - this.startOfLineIn(p, k) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    const { firstLines, count } = this.lineData();
    if (position.line >= count) return this.length;
    const p = lastAtMost(firstLines, position.line);
    const k = position.line - firstLines[p]!;
    const start = this.startOfLineIn(p, k);
    const starts = lineStartsOf(this.pieces[p]!);
    const nextStart =
      k + 1 < starts.length
        ? this.offsets[p]! + starts[k + 1]!
        : p + 1 < this.pieces.length
          ? this.offsets[p + 1]!
          : this.length;
    return Math.max(start, Math.min(start + Math.max(0, position.character), nextStart));
  }

  lineStart(line: number): number {
    const { firstLines, count } = this.lineData();
    const clampedLine = clamp(line, 0, count - 1);
    const p = lastAtMost(firstLines, clampedLine);
    return this.startOfLineIn(p, clampedLine - firstLines[p]!);
  }

  /** File offset of line `k` of piece `p` (the file's first line starts before any byte order mark). */
  private startOfLineIn(p: number, k: number): number {
    return p === 0 && k === 0 ? 0 : this.offsets[p]! + lineStartsOf(this.pieces[p]!)[k]!;
  }

  /** The piece holding `offset`: the last one starting at or before it (the first for a byte order mark). */
  private pieceAt(offset: number): number {
    return Math.max(0, lastAtMost(this.offsets, offset));
  }

  private lineData(): Lines {
    if (this.lines) return this.lines;
    const firstLines = new Float64Array(this.pieces.length);
    let line = 0;
    for (let i = 0; i < this.pieces.length; i++) {
      firstLines[i] = line;
      line += breaksOf(this.pieces[i]!);
    }
    return (this.lines = { firstLines, count: line + 1 });
  }
}

/** The line data after pieces `first`–`last` were replaced by `fresh`: the lines after them move by the difference. */
function shiftedLines(
  lines: Lines,
  replaced: readonly Piece[],
  fresh: readonly Piece[],
  first: number,
  last: number,
  total: number,
): Lines {
  const firstLines = new Float64Array(total);
  firstLines.set(lines.firstLines.subarray(0, first));
  let line = lines.firstLines[first]!;
  for (let i = 0; i < fresh.length; i++) {
    firstLines[first + i] = line;
    line += breaksOf(fresh[i]!);
  }
  const oldBreaks = replaced.reduce((sum, piece) => sum + breaksOf(piece), 0);
  const newBreaks = line - lines.firstLines[first]!;
  const shift = newBreaks - oldBreaks;
  for (let i = last + 1; i < lines.firstLines.length; i++)
    firstLines[i - last - 1 + first + fresh.length] = lines.firstLines[i]! + shift;
  return { firstLines, count: lines.count + shift };
}

function breaksOf(piece: Piece): number {
  if (piece.breaks !== undefined) return piece.breaks;
  if (piece.lineStarts) return (piece.breaks = piece.lineStarts.length - 1);
  const text = withLineFeeds(piece.text);
  let breaks = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) breaks++;
  return (piece.breaks = breaks);
}

function lineStartsOf(piece: Piece): Int32Array {
  if (piece.lineStarts) return piece.lineStarts;
  const text = withLineFeeds(piece.text);
  const starts = new Int32Array(breaksOf(piece) + 1);
  let k = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts[k++] = at + 1;
  return (piece.lineStarts = starts);
}

/** Index of the last element ≤ `value` in an ascending array (-1 if none). */
function lastAtMost(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  if (high < 0 || sorted[0]! > value) return -1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid]! <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

/** A string with its own storage (engines may share a slice's storage with the string it was cut from). */
export function ownCopy(text: string): string {
  return text.length === 0 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** UTF-8 bytes of a text: 1 to 3 per UTF-16 unit, 4 per surrogate pair. */
export function utf8LengthOf(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2;
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

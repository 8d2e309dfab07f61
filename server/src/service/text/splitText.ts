import type { Position } from '../../shared/vocabulary';
import { withLineFeeds } from './lineBreaks';
import type { LinePositions } from './lineIndex';
import { ChunkedList, lastAtMost } from './chunkedList';
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

/** What a chunk of pieces adds up to, kept on the chunk (shared by every version that did not change it). */
interface ChunkOffsets {
  /** Offset of each piece from the chunk's start, then the chunk's length. */
  readonly offsets: Float64Array;
}

interface ChunkLines {
  /** Lines before each piece from the chunk's start, then the chunk's line breaks. */
  readonly lines: Float64Array;
}

const CHUNK_OFFSETS = Symbol('chunk offsets');
const CHUNK_LINES = Symbol('chunk lines');

function chunkOffsets(pieces: readonly Piece[]): ChunkOffsets {
  const offsets = new Float64Array(pieces.length + 1);
  for (let i = 0; i < pieces.length; i++) offsets[i + 1] = offsets[i]! + pieces[i]!.text.length;
  return { offsets };
}

function chunkLines(pieces: readonly Piece[]): ChunkLines {
  const lines = new Float64Array(pieces.length + 1);
  for (let i = 0; i < pieces.length; i++) lines[i + 1] = lines[i]! + breaksOf(pieces[i]!);
  return { lines };
}

/** How a version was edited from the one before it: the documents both share at the front and at the back. */
interface Lineage {
  readonly from: WeakRef<SplitText>;
  readonly front: number;
  readonly back: number;
}

/** How many versions back `sharedWith` follows an edit history. */
const MAX_LINEAGE = 16;

/**
 * A file's text kept as its YAML documents (as `splitDocuments` cuts it), with offset ↔
 * position lookups. The documents sit in chunks (`ChunkedList`) that know their length and
 * line count: an edit (`withChange`) makes a new version that re-splits only the documents
 * around the change, replaces the one chunk holding them and shares every other chunk, the
 * documents' strings and their caches, so a keystroke costs the documents it touches plus one
 * number per chunk, never a copy or a scan of the whole text. The whole text is joined only
 * when something asks for it (`text`).
 */
export class SplitText implements LinePositions {
  private joined: string | undefined;
  /** The file offset of each chunk, then the length. */
  private readonly chunkStarts: Float64Array;
  /** The file line on which each chunk starts, then the line count less one (derived on first use). */
  private chunkLinesAt: Float64Array | undefined;

  private constructor(
    /** A byte order mark opening the file: it belongs to no document. */
    private readonly prefix: string,
    private readonly pieces: ChunkedList<Piece>,
    readonly length: number,
    joined?: string,
    private readonly lineage?: Lineage,
  ) {
    this.joined = joined;
    const starts = new Float64Array(pieces.chunkCount + 1);
    starts[0] = prefix.length;
    for (let c = 0; c < pieces.chunkCount; c++)
      starts[c + 1] = starts[c]! + this.offsetsOf(c).offsets[pieces.chunk(c).length]!;
    this.chunkStarts = starts;
  }

  static of(text: string): SplitText {
    const slices = splitDocuments(text);
    return new SplitText(
      text.slice(0, slices[0]!.offset),
      ChunkedList.of(slices.map((slice) => ({ text: slice.text }))),
      text.length,
      text,
    );
  }

  /** The whole text (joined from the documents on first use after an edit). */
  get text(): string {
    return (this.joined ??=
      this.prefix +
      this.pieces
        .slice(0)
        .map((piece) => piece.text)
        .join(''));
  }

  /** How many documents the text holds. */
  get documentCount(): number {
    return this.pieces.length;
  }

  /** The documents with their file offsets, in file order. */
  slices(): DocumentSlice[] {
    return this.pieces
      .slice(0)
      .map((piece, index) => ({ index, offset: this.documentOffset(index), text: piece.text }));
  }

  /** The text of document `index`: the same string for every version in which the document is unchanged. */
  documentText(index: number): string {
    return this.pieces.at(index).text;
  }

  /** Whether document `index` is document `otherIndex` of `other` unchanged (one version was edited into the other). */
  sharesDocument(index: number, other: SplitText, otherIndex: number): boolean {
    return this.pieces.at(index) === other.pieces.at(otherIndex);
  }

  /**
   * When this version was made from `other` by edits (`withChange`, up to 16 of them and while the
   * versions between are alive): how many documents both share unchanged at the front and at the back.
   */
  sharedWith(other: SplitText): { readonly front: number; readonly back: number } | undefined {
    if (other === this) return { front: this.documentCount, back: 0 };
    let front = Infinity;
    let back = Infinity;
    let lineage = this.lineage;
    for (let step = 0; step < MAX_LINEAGE && lineage; step++) {
      front = Math.min(front, lineage.front);
      back = Math.min(back, lineage.back);
      const from = lineage.from.deref();
      if (from === other) return { front, back };
      lineage = from?.lineage;
    }
    return undefined;
  }

  documentOffset(index: number): number {
    const c = this.pieces.chunkOf(index);
    return this.chunkStarts[c]! + this.offsetsOf(c).offsets[index - this.pieces.chunkStart(c)]!;
  }

  /** The text between two offsets. */
  slice(start: number, end: number): string {
    start = clamp(start, 0, this.length);
    end = clamp(end, start, this.length);
    if (this.joined !== undefined) return this.joined.slice(start, end);
    const firstOffset = this.chunkStarts[0]!;
    let out = start < firstOffset ? this.prefix.slice(start, Math.min(end, firstOffset)) : '';
    const count = this.pieces.length;
    for (let p = this.pieceAt(start); p < count; p++) {
      const offset = this.documentOffset(p);
      if (offset >= end) break;
      out += this.pieces.at(p).text.slice(Math.max(0, start - offset), end - offset);
    }
    return out;
  }

  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    if (offset < this.chunkStarts[0]!) return this.prefix.charCodeAt(offset);
    const p = this.pieceAt(offset);
    return this.pieces.at(p).text.charCodeAt(offset - this.documentOffset(p));
  }

  /** Size of the text in UTF-8 bytes (each document's counted once and kept). */
  get utf8Length(): number {
    let total = utf8LengthOf(this.prefix);
    for (let c = 0; c < this.pieces.chunkCount; c++)
      for (const piece of this.pieces.chunk(c)) total += piece.utf8Length ??= utf8LengthOf(piece.text);
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
    const runStart = first === 0 ? 0 : this.documentOffset(first);
    const runEnd = last + 1 < count ? this.documentOffset(last + 1) : this.length;
    const oldRun = this.slice(runStart, runEnd);
    const newRun = oldRun.slice(0, start - runStart) + insert + oldRun.slice(end - runStart);
    const cut = splitDocuments(newRun, first === 0);
    const prefix = first === 0 ? newRun.slice(0, cut[0]!.offset) : this.prefix;

    // Documents of the re-cut run equal to the old ones keep their piece (string and caches).
    const replaced = this.pieces.slice(first, last + 1);
    const fresh: Piece[] = cut.map((slice) => ({ text: slice.text }));
    let front = 0;
    while (front < fresh.length && front < replaced.length && fresh[front]!.text === replaced[front]!.text) {
      fresh[front] = replaced[front]!;
      front++;
    }
    let back = 0;
    while (
      back < fresh.length - front &&
      back < replaced.length - front &&
      fresh[fresh.length - 1 - back]!.text === replaced[replaced.length - 1 - back]!.text
    ) {
      fresh[fresh.length - 1 - back] = replaced[replaced.length - 1 - back]!;
      back++;
    }
    for (let i = front; i < fresh.length - back; i++) {
      const piece = fresh[i]!;
      // A cut is a view into the run: its own copy lets the run (and the old text) be collected. A cut that
      // is the whole run (a file of one document) is the run itself, and a copy would cost a whole-text pass.
      if (!replaced.includes(piece) && piece.text.length !== newRun.length)
        (piece as { text: string }).text = ownCopy(piece.text);
    }

    const shift = insert.length - (end - start);
    const lineage: Lineage = {
      from: new WeakRef<SplitText>(this),
      front: first + front,
      back: count - 1 - last + back,
    };
    return new SplitText(
      prefix,
      this.pieces.splice(first, last - first + 1, fresh),
      this.length + shift,
      undefined,
      lineage,
    );
  }

  // --- Offsets and positions (lines end at `\n`, `\r\n` or a lone `\r`, as LSP clients count them) ---

  get lineCount(): number {
    return this.linesAt()[this.pieces.chunkCount]! + 1;
  }

  positionAt(offset: number): Position {
    const clamped = clamp(offset, 0, this.length);
    if (clamped < this.chunkStarts[0]!) return { line: 0, character: clamped };
    const p = this.pieceAt(clamped);
    const starts = lineStartsOf(this.pieces.at(p));
    const k = lastAtMost(starts, clamped - this.documentOffset(p));
    return { line: this.firstLineOf(p) + k, character: clamped - this.startOfLineIn(p, k) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineCount) return this.length;
    const p = this.pieceOnLine(position.line);
    const k = position.line - this.firstLineOf(p);
    const start = this.startOfLineIn(p, k);
    const starts = lineStartsOf(this.pieces.at(p));
    const nextStart =
      k + 1 < starts.length
        ? this.documentOffset(p) + starts[k + 1]!
        : p + 1 < this.pieces.length
          ? this.documentOffset(p + 1)
          : this.length;
    return Math.max(start, Math.min(start + Math.max(0, position.character), nextStart));
  }

  lineStart(line: number): number {
    const clampedLine = clamp(line, 0, this.lineCount - 1);
    const p = this.pieceOnLine(clampedLine);
    return this.startOfLineIn(p, clampedLine - this.firstLineOf(p));
  }

  /** File offset of line `k` of piece `p` (the file's first line starts before any byte order mark). */
  private startOfLineIn(p: number, k: number): number {
    return p === 0 && k === 0 ? 0 : this.documentOffset(p) + lineStartsOf(this.pieces.at(p))[k]!;
  }

  /** The piece holding `offset`: the last one starting at or before it (the first for a byte order mark). */
  private pieceAt(offset: number): number {
    const c = Math.max(0, lastAtMost(this.chunkStarts, offset, this.pieces.chunkCount));
    const within = lastAtMost(this.offsetsOf(c).offsets, offset - this.chunkStarts[c]!, this.pieces.chunk(c).length);
    return this.pieces.chunkStart(c) + Math.max(0, within);
  }

  /** The last piece starting on or before `line`. */
  private pieceOnLine(line: number): number {
    const linesAt = this.linesAt();
    const c = Math.max(0, lastAtMost(linesAt, line, this.pieces.chunkCount));
    const within = lastAtMost(this.linesOf(c).lines, line - linesAt[c]!, this.pieces.chunk(c).length);
    return this.pieces.chunkStart(c) + Math.max(0, within);
  }

  /** The file line on which piece `p` starts. */
  private firstLineOf(p: number): number {
    const c = this.pieces.chunkOf(p);
    return this.linesAt()[c]! + this.linesOf(c).lines[p - this.pieces.chunkStart(c)]!;
  }

  private offsetsOf(c: number): ChunkOffsets {
    return this.pieces.derived(c, CHUNK_OFFSETS, chunkOffsets);
  }

  private linesOf(c: number): ChunkLines {
    return this.pieces.derived(c, CHUNK_LINES, chunkLines);
  }

  private linesAt(): Float64Array {
    if (this.chunkLinesAt) return this.chunkLinesAt;
    const chunks = this.pieces.chunkCount;
    const lines = new Float64Array(chunks + 1);
    for (let c = 0; c < chunks; c++) lines[c + 1] = lines[c]! + this.linesOf(c).lines[this.pieces.chunk(c).length]!;
    return (this.chunkLinesAt = lines);
  }
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

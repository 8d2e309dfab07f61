import type { Position } from '../../shared/vocabulary';
import { lastAtMost } from './chunkedList';
import { withLineFeeds } from './lineBreaks';

export type { Position } from '../../shared/vocabulary';

/** The offsets of a text's first line, without its line break: where findings about a whole document go. */
export function firstLineRange(text: string): { start: number; end: number } {
  const newline = text.indexOf('\n');
  const carriageReturn = text.indexOf('\r');
  // A `\r` before the first `\n` ends the line unless it is the `\r` of a CRLF (kept in the range, as it always was).
  const loneCarriageReturn = carriageReturn >= 0 && (newline < 0 || carriageReturn < newline - 1);
  return { start: 0, end: loneCarriageReturn ? carriageReturn : newline >= 0 ? newline : text.length };
}

/** Offset ↔ position lookups over a file (a `LineIndex` over one string, or a `SplitText`). */
export interface LinePositions {
  readonly lineCount: number;
  positionAt(offset: number): Position;
  /** The offset of a position; a character past the line's end stops after its line break. */
  offsetAt(position: Position): number;
  lineStart(line: number): number;
}

/**
 * Converts file offsets to positions and back with a binary search over line starts. Lines
 * end at `\n`, `\r\n` or a lone `\r`, as LSP clients count them.
 */
export class LineIndex implements LinePositions {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    const lines = withLineFeeds(text);
    let at = lines.indexOf('\n');
    while (at >= 0) {
      starts.push(at + 1);
      at = lines.indexOf('\n', at + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = Math.max(0, lastAtMost(this.lineStarts, clamped));
    return { line, character: clamped - this.lineStarts[line]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    const nextStart =
      position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1]! : this.text.length;
    return Math.max(start, Math.min(start + Math.max(0, position.character), nextStart));
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }
}

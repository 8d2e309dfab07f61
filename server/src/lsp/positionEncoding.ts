import type {
  ClientCapabilities,
  Diagnostic,
  Position,
  Range,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver';
import type { SplitTextDocument } from './splitTextDocument';
import type { LinePositions, ParsedFile } from '../service';

/** A text as a string or as its documents (`SplitText`): all this module reads is slices of it. */
interface SlicedText {
  readonly length: number;
  slice(start: number, end?: number): string;
}

/** The column units of LSP positions (LSP 3.17 `PositionEncodingKind`): UTF-16 code units or UTF-8 bytes. */
export type PositionEncoding = 'utf-16' | 'utf-8';

/**
 * The encoding to speak with a client: UTF-8 when it offers it (Neovim does; the service counts
 * UTF-16 like JavaScript, but a client that counts bytes is best served in bytes), else UTF-16,
 * the encoding every client must understand. `offsetEncoding` is clangd's older form of the
 * same offer, which Neovim 0.7 to 0.9 configurations use.
 */
export function negotiatePositionEncoding(capabilities: ClientCapabilities): PositionEncoding {
  const offered = [
    ...(capabilities.general?.positionEncodings ?? []),
    ...(((capabilities as { offsetEncoding?: unknown }).offsetEncoding as string[] | undefined) ?? []),
  ];
  return offered.includes('utf-8') ? 'utf-8' : 'utf-16';
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** UTF-8 bytes of the UTF-16 code unit at `index` (a surrogate pair counts 4 bytes on its high half, 0 on its low half). */
function utf8Bytes(line: string, index: number): number {
  const code = line.charCodeAt(index);
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (isHighSurrogate(code) && index + 1 < line.length) return 4;
  if (code >= 0xdc00 && code <= 0xdfff && index > 0 && isHighSurrogate(line.charCodeAt(index - 1))) return 0;
  return 3;
}

/** A UTF-16 column of a line as a UTF-8 byte column. */
export function utf16ToUtf8Column(line: string, column: number): number {
  let bytes = 0;
  const end = Math.min(column, line.length);
  for (let index = 0; index < end; index++) bytes += utf8Bytes(line, index);
  // A column past the line's end (clients may send one) keeps its excess.
  return bytes + Math.max(0, column - line.length);
}

/**
 * A UTF-8 byte column of a line as a UTF-16 column. A byte column inside a character (a client
 * bug, or a stale position) is moved to the start of that character, never into its middle.
 */
export function utf8ToUtf16Column(line: string, byteColumn: number): number {
  let bytes = 0;
  let index = 0;
  while (index < line.length) {
    const width = utf8Bytes(line, index);
    const units = width === 4 ? 2 : 1;
    if (bytes + width > byteColumn) return index;
    bytes += width;
    index += units;
  }
  return line.length + Math.max(0, byteColumn - bytes);
}

/** The text of one line (without its line break) of a text indexed by `lines`. */
function lineText(text: SlicedText, lines: LinePositions, line: number): string {
  if (line < 0 || line >= lines.lineCount) return '';
  const start = lines.lineStart(line);
  const next = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
  return text.slice(start, next).replace(/\r?\n$|\r$/, '');
}

/**
 * The one place where LSP positions and the service's offsets meet. Every position the server
 * receives (requests, document changes) and sends (diagnostics, edits, hovers, completions)
 * goes through it, so a client in UTF-8 and one in UTF-16 get the same characters.
 */
export class ProtocolPositions {
  encoding: PositionEncoding = 'utf-16';

  /** The file offset a client position names in an analysed text. */
  offsetAt(file: ParsedFile, position: Position): number {
    return file.lineIndex.offsetAt(this.toUtf16(file.source, file.lineIndex, position));
  }

  /** A file offset as a client position. */
  positionAt(file: ParsedFile, offset: number): Position {
    return this.fromUtf16(file.source, file.lineIndex, file.lineIndex.positionAt(offset));
  }

  rangeAt(file: ParsedFile, range: { readonly start: number; readonly end: number }): Range {
    return { start: this.positionAt(file, range.start), end: this.positionAt(file, range.end) };
  }

  /** Offsets of any text (the text an edit will produce) as a client range. */
  rangeIn(text: SlicedText, lines: LinePositions, range: { readonly start: number; readonly end: number }): Range {
    return {
      start: this.fromUtf16(text, lines, lines.positionAt(range.start)),
      end: this.fromUtf16(text, lines, lines.positionAt(range.end)),
    };
  }

  /** Diagnostics the service made in UTF-16 positions of `text`, in the client's encoding. */
  diagnostics(text: SlicedText, lines: LinePositions, diagnostics: Diagnostic[]): Diagnostic[] {
    if (this.encoding === 'utf-16') return diagnostics;
    const range = (value: Range): Range => ({
      start: this.fromUtf16(text, lines, value.start),
      end: this.fromUtf16(text, lines, value.end),
    });
    return diagnostics.map((diagnostic) => ({
      ...diagnostic,
      range: range(diagnostic.range),
      // Related information of our findings is always in the same file.
      ...(diagnostic.relatedInformation && {
        relatedInformation: diagnostic.relatedInformation.map((related) => ({
          ...related,
          location: { ...related.location, range: range(related.location.range) },
        })),
      }),
    }));
  }

  /**
   * Applies a client's incremental changes to a document, converting each change's range
   * against the text as the previous changes left it (the order LSP defines).
   */
  applyChanges(
    document: SplitTextDocument,
    changes: TextDocumentContentChangeEvent[],
    version: number,
  ): SplitTextDocument {
    if (this.encoding === 'utf-16') {
      document.update(changes, version);
      return document;
    }
    for (const change of changes) {
      if (!('range' in change)) {
        document.update([change], version);
        continue;
      }
      const column = (at: Position) => ({
        line: at.line,
        character: utf8ToUtf16Column(document.getText(document.getLineRange(at.line)), at.character),
      });
      document.update(
        [{ range: { start: column(change.range.start), end: column(change.range.end) }, text: change.text }],
        version,
      );
    }
    return document;
  }

  private toUtf16(text: SlicedText, lines: LinePositions, position: Position): Position {
    if (this.encoding === 'utf-16') return position;
    return {
      line: position.line,
      character: utf8ToUtf16Column(lineText(text, lines, position.line), position.character),
    };
  }

  private fromUtf16(text: SlicedText, lines: LinePositions, position: Position): Position {
    if (this.encoding === 'utf-16') return position;
    return {
      line: position.line,
      character: utf16ToUtf8Column(lineText(text, lines, position.line), position.character),
    };
  }
}

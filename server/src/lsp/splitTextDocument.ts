import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { SplitText } from '../service';

/**
 * An open document whose text is kept as its YAML documents (`SplitText`): an incremental
 * change re-cuts only the documents around it, so a keystroke costs the edit, not the file.
 * (The library's `TextDocument` rebuilds one string per change, and the next scan of it
 * copies the whole file.) Positions follow that library: an offset never lands inside a line break.
 */
export class SplitTextDocument implements TextDocument {
  private constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    private current: SplitText,
  ) {}

  static create(uri: string, languageId: string, version: number, text: string): SplitTextDocument {
    return new SplitTextDocument(uri, languageId, version, SplitText.of(text));
  }

  get version(): number {
    return this.currentVersion;
  }

  /** The text as documents: a new value after each change, shared with the parse of this version. */
  get content(): SplitText {
    return this.current;
  }

  get lineCount(): number {
    return this.current.lineCount;
  }

  getText(range?: Range): string {
    return range ? this.current.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.current.text;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.current.length));
    const line = this.current.positionAt(clamped).line;
    const lineStart = this.current.lineStart(line);
    return { line, character: this.beforeLineBreak(clamped, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.current.lineCount) return this.current.length;
    if (position.line < 0) return 0;
    const lineStart = this.current.lineStart(position.line);
    if (position.character <= 0) return lineStart;
    return this.beforeLineBreak(this.current.offsetAt(position), lineStart);
  }

  getLineRange(line: number): Range {
    const lastLine = this.current.lineCount - 1;
    if (line > lastLine) {
      const end = this.current.length - this.current.lineStart(lastLine);
      return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: end } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = this.current.lineStart(line);
    const end = this.beforeLineBreak(this.nextLineStart(line), start);
    return { start: { line, character: 0 }, end: { line, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.current.lineCount) return '';
    const next = this.nextLineStart(line);
    return this.current.slice(this.beforeLineBreak(next, this.current.lineStart(line)), next);
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) {
        const { start, end } = wellFormed(change.range);
        this.current = this.current.withChange(this.offsetAt(start), this.offsetAt(end), change.text);
      } else {
        // A whole new text still keeps the documents it shares with the old one.
        this.current = this.current.withChange(0, this.current.length, change.text);
      }
    }
    this.currentVersion = version;
  }

  private nextLineStart(line: number): number {
    return line + 1 < this.current.lineCount ? this.current.lineStart(line + 1) : this.current.length;
  }

  /** Steps back over a line break `offset` sits after or inside, but not before the line's start. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.current.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

/** The configuration `TextDocuments` builds and updates its documents with. */
export const SPLIT_TEXT_DOCUMENTS: TextDocumentsConfiguration<SplitTextDocument> = {
  create: (uri, languageId, version, content) => SplitTextDocument.create(uri, languageId, version, content),
  update: (document, changes, version) => {
    document.update(changes, version);
    return document;
  },
};

function isLineBreak(code: number): boolean {
  return code === 13 || code === 10;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character)
    ? { start: end, end: start }
    : range;
}

import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import type { LanguageService, ParsedFile, ServiceSettings, SplitText } from '../service';
import { isAboveLimit } from './fileSizeLimit';
import type { SplitTextDocument } from './splitTextDocument';
import { runInSlices } from './timeSlices';

interface PendingParse {
  readonly text: SplitText;
  readonly result: Promise<ParsedFile | undefined>;
}

/**
 * The parsed form of each open document, brought up to date on demand from its previous parse.
 * Parsing runs in time slices (other requests are answered in between) and is shared by every
 * request that asks for the same text while it runs.
 */
export class OpenFiles {
  private readonly parsed = new Map<string, ParsedFile>();
  private readonly pending = new Map<string, PendingParse>();

  constructor(
    private readonly documents: TextDocuments<SplitTextDocument>,
    private readonly service: LanguageService,
    /** `podPatterns.maxFileSize` in bytes, read at each request (it changes with the settings). */
    private readonly maxFileSize: () => number,
  ) {}

  /**
   * The parse of a document's current text, for diagnostics: parsed whatever its size.
   * `undefined` when the document closed or changed before the parse finished. Given the settings
   * of the diagnostics, new documents get their findings as they are parsed (their trees are then
   * let go).
   */
  async current(
    uri: string,
    cancelled: () => boolean = () => false,
    settings?: ServiceSettings,
  ): Promise<ParsedFile | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    // Each version's text is its own value (an edit makes a new one), so identity tells whether it changed.
    const text = document.content;
    const previous = this.parsed.get(uri);
    if (previous && previous.source === text) return previous;
    let pending = this.pending.get(uri);
    if (!pending || pending.text !== text) {
      // Only a newer text (or closing) stops a shared parse; one caller's cancellation does not.
      const stale = () => this.documents.get(uri)?.content !== text;
      const result = runInSlices(this.service.parseFileInSteps(text, previous, settings), stale).then((file) => {
        if (this.pending.get(uri) === pending) this.pending.delete(uri);
        if (file && this.documents.get(uri)) this.parsed.set(uri, file);
        return file;
      });
      pending = { text, result };
      this.pending.set(uri, pending);
    }
    const file = await pending.result;
    return cancelled() ? undefined : file;
  }

  /**
   * The parse a request may read: the current one, or for a file above `podPatterns.maxFileSize`
   * only a parse of exactly this text made when it was saved (never a full parse per request).
   */
  async forRequest(uri: string, token: CancellationToken): Promise<ParsedFile | undefined> {
    const document = this.documents.get(uri);
    if (!document || token.isCancellationRequested) return undefined;
    const text = document.content;
    if (isAboveLimit(text, this.maxFileSize())) {
      const saved = this.parsed.get(uri);
      return saved && saved.source === text ? saved : undefined;
    }
    return this.current(uri, () => token.isCancellationRequested);
  }

  /** Whether the document has been parsed since it was opened. */
  has(uri: string): boolean {
    return this.parsed.has(uri);
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
    this.pending.delete(uri);
  }
}

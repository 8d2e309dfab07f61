import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import { LineIndex, type LanguageService, type SplitText } from '../service';
import { DocumentSummaryNotification, type DocumentSummary } from '../shared/protocol';
import { sendCustomNotification } from './customMessages';
import { isAboveLimit, largeFileNotice } from './fileSizeLimit';
import type { OpenFiles } from './openFiles';
import type { SettingsCache } from './settingsCache';
import type { SplitTextDocument } from './splitTextDocument';
import { runInSlices } from './timeSlices';
import type { ProtocolPositions } from './positionEncoding';

/** Milliseconds to wait after a change before validating. */
export const DEFAULT_DEBOUNCE_MS = 200;

/**
 * Validates open documents and publishes their diagnostics, with a `podPatterns/documentSummary`
 * for the client's status bar: at once for a document seen for the first time, after a pause
 * for edits, on save only for files above `podPatterns.maxFileSize`.
 */
export class DiagnosticsPublisher {
  /** Documents that have diagnostics on the client (to clear them when the file stops being relevant). */
  private readonly published = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;
  debounceMs = DEFAULT_DEBOUNCE_MS;
  /** Whether the client opted in to `podPatterns/documentSummary` (an initialization option). */
  sendsSummaries = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<SplitTextDocument>,
    private readonly files: OpenFiles,
    private readonly settings: SettingsCache,
    private readonly service: LanguageService,
    private readonly positions: ProtocolPositions,
  ) {}

  register(): void {
    // Fires on open too: a document seen for the first time is validated at once, edits after a pause.
    this.documents.onDidChangeContent((event) =>
      this.schedule(event.document.uri, this.files.has(event.document.uri) ? this.debounceMs : 0),
    );
    this.documents.onDidSave((event) => {
      if (isAboveLimit(event.document.content, this.settings.maxFileSize)) void this.validate(event.document.uri, true);
    });
    this.documents.onDidClose((event) => {
      const uri = event.document.uri;
      clearTimeout(this.timers.get(uri));
      this.timers.delete(uri);
      this.files.forget(uri);
      this.settings.forget(uri);
      if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    });
  }

  /** After `shutdown`: nothing more is validated or published. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Validates every open document again (the settings changed). */
  revalidateAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri, 0);
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    if (this.stopped) return;
    if (delay === 0) {
      this.timers.delete(uri);
      void this.validate(uri);
      return;
    }
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.validate(uri);
      }, delay),
    );
  }

  private async validate(uri: string, saved = false): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    try {
      if (isAboveLimit(document.content, this.settings.maxFileSize)) {
        await this.validateLargeFile(uri, saved);
        return;
      }
      const settings = await this.settings.settingsFor(uri);
      // A newer version arrived meanwhile (or the file closed): its own run will publish.
      const stale = () => this.documents.get(uri)?.version !== document.version;
      if (stale()) return;
      const file = await this.files.current(uri, stale, settings);
      if (!file || stale()) return;
      if (!file.isRelevant && !this.published.has(uri)) return;
      // Findings document by document in time slices, so requests on other files are answered meanwhile.
      if (file.isRelevant && (await runInSlices(this.service.findingsInSteps(file, settings), stale)) === undefined)
        return;
      const diagnostics = file.isRelevant
        ? this.positions.diagnostics(file.source, file.lineIndex, this.service.diagnostics(file, settings, uri))
        : [];
      if (file.isRelevant) this.published.add(uri);
      else this.published.delete(uri);
      await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
      if (!this.sendsSummaries) return;
      const summary: DocumentSummary = {
        uri,
        version: document.version,
        podCount: file.podCount,
        errors: diagnostics.filter((d) => d.severity === 1).length,
        warnings: diagnostics.filter((d) => d.severity === 2).length,
      };
      await sendCustomNotification(this.connection, DocumentSummaryNotification, summary);
    } catch (error) {
      this.service.logger.error(`Validation of ${uri} failed`, error);
    }
  }

  /** Above the size limit: a notice until the file is saved, then a full validation on each save. */
  private async validateLargeFile(uri: string, saved: boolean): Promise<void> {
    const document = this.documents.get(uri)!;
    const text = document.content;
    const limit = this.settings.maxFileSize;
    if (!saved) {
      // The last full result (if any) stays visible: it is replaced on the next save.
      if (this.files.has(uri)) return;
      this.published.add(uri);
      await this.connection.sendDiagnostics({
        uri,
        version: document.version,
        diagnostics: this.noticeOnFirstLine(text, largeFileNotice(text, limit, false)),
      });
      return;
    }
    const settings = await this.settings.settingsFor(uri);
    const stale = () => this.documents.get(uri)?.version !== document.version;
    const file = await this.files.current(uri, stale, settings);
    if (!file || stale()) return;
    if (file.isRelevant && (await runInSlices(this.service.findingsInSteps(file, settings), stale)) === undefined)
      return;
    const diagnostics = [
      ...this.noticeOnFirstLine(text, largeFileNotice(text, limit, true)),
      ...(file.isRelevant
        ? this.positions.diagnostics(file.source, file.lineIndex, this.service.diagnostics(file, settings, uri))
        : []),
    ];
    this.published.add(uri);
    await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  }

  /** A notice on the first line (at most 200 characters), in the client's encoding, without indexing a large file's lines. */
  private noticeOnFirstLine(text: SplitText, notice: Diagnostic): Diagnostic[] {
    const head = text.slice(0, 201);
    return this.positions.diagnostics(head, new LineIndex(head), [notice]);
  }
}

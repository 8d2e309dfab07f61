import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileAnalysis, toDiagnostics, type ServiceSettings } from '../service';
import { DocumentSummaryNotification, type DocumentSummary, type PodPatternsSettings } from '../protocol';
import { toServiceSettings } from './settingsFromClient';
import { FEATURE_HANDLERS } from './handlers';
import type { ServerState } from './handlers/types';
import { isAboveLimit, largeFileNotice, maxFileSizeOf } from './fileSizeLimit';

interface InitOptions {
  /** Milliseconds to wait after a change before validating (0 in benchmarks). */
  readonly debounceMs?: number;
  readonly settings?: PodPatternsSettings;
}

/** Wires the service to a connection. Separate from `server.ts` so tests can run it over in-memory streams. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, FileAnalysis>();
  const published = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const settingsByUri = new Map<string, Promise<ServiceSettings>>();
  let globalSettings: ServiceSettings = toServiceSettings(undefined);
  let canPullConfiguration = false;
  let debounceMs = 200;
  // Files above this size are validated on open (a notice only) and on save, never per keystroke.
  let maxFileSize = maxFileSizeOf(undefined);

  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitOptions;
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
    if (options.settings) globalSettings = toServiceSettings(options.settings);
    maxFileSize = maxFileSizeOf(options.settings?.maxFileSize);
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    return {
      capabilities: Object.assign(
        { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } } },
        ...FEATURE_HANDLERS.map((handler) => handler.capabilities),
      ),
      serverInfo: { name: 'pod-patterns', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'podPatterns' }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settingsByUri.clear();
    const pushed = (change.settings as { podPatterns?: PodPatternsSettings } | null)?.podPatterns;
    if (pushed) globalSettings = toServiceSettings(pushed);
    if (pushed) maxFileSize = maxFileSizeOf(pushed.maxFileSize);
    for (const document of documents.all()) schedule(document.uri, 0);
  });

  function settingsFor(uri: string): Promise<ServiceSettings> {
    if (!canPullConfiguration) return Promise.resolve(globalSettings);
    let pending = settingsByUri.get(uri);
    if (!pending) {
      pending = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'podPatterns' })
        .then((raw: PodPatternsSettings) => toServiceSettings(raw), () => globalSettings);
      settingsByUri.set(uri, pending);
    }
    return pending;
  }

  function schedule(uri: string, delay = debounceMs): void {
    clearTimeout(timers.get(uri));
    if (delay === 0) {
      timers.delete(uri);
      void validate(uri);
      return;
    }
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void validate(uri);
    }, delay));
  }

  async function validate(uri: string, saved = false): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    try {
      if (isAboveLimit(document.getText(), maxFileSize)) {
        await validateLargeFile(uri, saved);
        return;
      }
      const settings = await settingsFor(uri);
      const current = documents.get(uri);
      // A newer version arrived while settings were being fetched: its own run will publish.
      if (!current || current.version !== document.version) return;
      const analysis = analysisOf(uri)!;
      if (!analysis.isRelevant && !published.has(uri)) return;
      const diagnostics = analysis.isRelevant ? toDiagnostics(analysis, settings, uri) : [];
      if (analysis.isRelevant) published.add(uri);
      else published.delete(uri);
      await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
      const summary: DocumentSummary = {
        uri,
        version: document.version,
        podCount: analysis.pods.length,
        errors: diagnostics.filter((d) => d.severity === 1).length,
        warnings: diagnostics.filter((d) => d.severity === 2).length,
      };
      await connection.sendNotification(DocumentSummaryNotification, summary);
    } catch (error) {
      connection.console.error(`Validation of ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  /** Above the size limit: a notice until the file is saved, then a full validation on each save. */
  async function validateLargeFile(uri: string, saved: boolean): Promise<void> {
    const document = documents.get(uri)!;
    const text = document.getText();
    if (!saved) {
      // The last full result (if any) stays visible: it is replaced on the next save.
      if (analyses.has(uri)) return;
      published.add(uri);
      await connection.sendDiagnostics({ uri, version: document.version, diagnostics: [largeFileNotice(text, maxFileSize, false)] });
      return;
    }
    const settings = await settingsFor(uri);
    const analysis = analysisOf(uri)!;
    const diagnostics = [largeFileNotice(text, maxFileSize, true), ...(analysis.isRelevant ? toDiagnostics(analysis, settings, uri) : [])];
    published.add(uri);
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  }

  // Fires on open too: a document seen for the first time is validated at once, edits after a pause.
  documents.onDidChangeContent((event) => schedule(event.document.uri, analyses.has(event.document.uri) ? debounceMs : 0));
  documents.onDidSave((event) => {
    if (isAboveLimit(event.document.getText(), maxFileSize)) void validate(event.document.uri, true);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    analyses.delete(uri);
    settingsByUri.delete(uri);
    if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  /** The analysis for a document's current text, brought up to date on demand. */
  function analysisOf(uri: string): FileAnalysis | undefined {
    const document = documents.get(uri);
    if (!document) return undefined;
    const previous = analyses.get(uri);
    const text = document.getText();
    if (previous && previous.text === text) return previous;
    const analysis = new FileAnalysis(text, previous);
    analyses.set(uri, analysis);
    return analysis;
  }

  const state: ServerState = { connection, documents, analysisOf, settingsFor };
  for (const handler of FEATURE_HANDLERS) handler.register(state);

  documents.listen(connection);
  connection.listen();
}

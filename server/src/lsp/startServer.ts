import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { createLanguageService, type Logger } from '../service';
import type { PodPatternsSettings } from '../shared/protocol';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { FEATURE_HANDLERS } from './handlers';
import type { ClientFeatures } from './handlers/types';
import { OpenFiles } from './openFiles';
import { SettingsCache } from './settingsCache';
import { SPLIT_TEXT_DOCUMENTS, type SplitTextDocument } from './splitTextDocument';
import { ProjectConfigs } from './projectConfigs';
import { negotiatePositionEncoding, ProtocolPositions } from './positionEncoding';

interface InitOptions {
  /** Milliseconds to wait after a change before validating (0 in benchmarks). */
  readonly debounceMs?: number;
  readonly settings?: PodPatternsSettings;
  /** The client reads the `podPatterns/documentSummary` notification (the VS Code extension's status bar); others never get it. */
  readonly documentSummary?: boolean;
  /** `false`: the client shows snippets of its own, so completion leaves ours out. */
  readonly snippets?: boolean;
}

/** What the service could not do goes to the client's output channel; the server keeps serving. */
function connectionLogger(connection: Connection): Logger {
  return {
    info: (message) => connection.console.info(message),
    error: (message, error) =>
      connection.console.error(
        error === undefined
          ? message
          : `${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
  };
}

/**
 * Wires the service's handlers to a connection: document sync, settings, diagnostics and one
 * handler per feature. Separate from `server.ts` so tests can run it over in-memory streams.
 */
export function startServer(connection: Connection): void {
  const service = createLanguageService({ logger: connectionLogger(connection) });
  const positions = new ProtocolPositions();
  const client: ClientFeatures = { snippetSupport: false, snippets: true };
  // Incremental changes arrive in the client's position encoding: converted as they are applied.
  const documents = new TextDocuments<SplitTextDocument>({
    create: SPLIT_TEXT_DOCUMENTS.create,
    update: (document, changes, version) => positions.applyChanges(document, changes, version),
  });
  const projectConfigs = new ProjectConfigs(service, service.logger);
  const settings = new SettingsCache(connection, projectConfigs);
  const files = new OpenFiles(documents, service, () => settings.maxFileSize);
  const lifecycle = { shutDown: false };
  let clientCapabilities: ClientCapabilities = {};
  const diagnostics = new DiagnosticsPublisher(connection, documents, files, settings, service, positions);

  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitOptions;
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) diagnostics.debounceMs = options.debounceMs;
    settings.initialize(params, options.settings);
    positions.encoding = negotiatePositionEncoding(params.capabilities);
    client.snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    client.snippets = options.snippets !== false;
    diagnostics.sendsSummaries = options.documentSummary === true;
    clientCapabilities = params.capabilities;
    return {
      capabilities: Object.assign(
        {
          positionEncoding: positions.encoding,
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        },
        ...FEATURE_HANDLERS.map((handler) =>
          typeof handler.capabilities === 'function' ? handler.capabilities(params.capabilities) : handler.capabilities,
        ),
      ),
      serverInfo: { name: 'pod-patterns', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    // Only a client that declared dynamic registration may be sent `client/registerCapability`.
    if (settings.canPullConfiguration && settings.canRegisterForChanges) {
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'podPatterns' })
        .catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed((change.settings as { podPatterns?: PodPatternsSettings } | null)?.podPatterns);
    diagnostics.revalidateAll();
  });

  // A saved .pod-patterns.yaml changes the settings of the documents below it.
  documents.onDidSave((event) => {
    if (!projectConfigs.isConfigFile(event.document.uri)) return;
    settings.changed(undefined);
    diagnostics.revalidateAll();
  });

  connection.onShutdown(() => {
    lifecycle.shutDown = true;
    diagnostics.stop();
  });

  diagnostics.register();
  for (const handler of FEATURE_HANDLERS) {
    handler.register({
      connection,
      documents,
      service,
      lifecycle,
      fileForRequest: (uri, token) => files.forRequest(uri, token),
      settingsFor: (uri) => settings.settingsFor(uri),
      positions,
      client,
      clientCapabilities: () => clientCapabilities,
    });
  }

  documents.listen(connection);
  connection.listen();
}

import { PassThrough } from 'node:stream';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type PublishDiagnosticsParams,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { CONNECTION_STRATEGY } from '../../server/src/lsp/connectionStrategy';
import { startServer } from '../../server/src/lsp/startServer';

/** A language server and a client connected by in-memory streams, as an editor would use them. */
export class LspHarness {
  readonly client: ProtocolConnection;
  private readonly waiters: Array<{ uri: string; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  readonly published: PublishDiagnosticsParams[] = [];

  constructor() {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(
      createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient), CONNECTION_STRATEGY),
    );
    this.client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.client.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      const index = this.waiters.findIndex((waiter) => waiter.uri === params.uri);
      if (index >= 0) this.waiters.splice(index, 1)[0]!.resolve(params);
    });
    this.client.listen();
  }

  async initialize(
    initializationOptions: unknown = { debounceMs: 0 },
    capabilities: ClientCapabilities = {},
  ): Promise<void> {
    await this.client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      capabilities,
      initializationOptions,
    });
    await this.client.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves with the next diagnostics published for `uri`, or rejects after `timeoutMs`. */
  nextDiagnostics(uri: string, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      });
    });
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version, text },
    });
  }

  replaceAll(uri: string, text: string, version: number): Promise<void> {
    return this.client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  dispose(): void {
    this.client.dispose();
  }
}

import type {
  CancellationToken,
  ClientCapabilities,
  Connection,
  ServerCapabilities,
  TextDocuments,
} from 'vscode-languageserver';
import type { SplitTextDocument } from '../splitTextDocument';
import type { LanguageService, ParsedFile, ServiceSettings } from '../../service';
import type { ProtocolPositions } from '../positionEncoding';

/** What the server shares with each feature handler. */
export interface ServerState {
  readonly connection: Connection;
  readonly documents: TextDocuments<SplitTextDocument>;
  readonly service: LanguageService;
  /**
   * The parse a request may read (reusing unchanged documents' models, parsed in time slices):
   * `undefined` when the document is closed, the request was cancelled, or the file is above
   * `podPatterns.maxFileSize` and was not parsed on save.
   */
  fileForRequest(uri: string, token: CancellationToken): Promise<ParsedFile | undefined>;
  /** Set once `shutdown` was received: requests after it are refused. */
  readonly lifecycle: { readonly shutDown: boolean };
  settingsFor(uri: string): Promise<ServiceSettings>;
  /** Converts every position the handler receives or sends between the client's encoding and file offsets. */
  readonly positions: ProtocolPositions;
  /** What the client said at start-up about the features it takes. */
  readonly client: ClientFeatures;
  /** What the client declared in `initialize` (empty before it). */
  clientCapabilities(): ClientCapabilities;
}

export interface ClientFeatures {
  /** Completion items may use snippet syntax (`completionItem.snippetSupport`). */
  snippetSupport: boolean;
  /** Whether to offer the snippets of snippets/ (`snippets: false`: for a client that shows its own). */
  snippets: boolean;
}

/** One LSP feature: the capabilities it announces and the handlers it registers. */
export interface FeatureHandler {
  /** Fixed, or chosen from what the client declared (a prepare-rename provider only for a client that supports it). */
  readonly capabilities: ServerCapabilities | ((client: ClientCapabilities) => ServerCapabilities);
  register(state: ServerState): void;
}

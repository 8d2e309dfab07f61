import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis, ServiceSettings } from '../../service';

/** What the server shares with each feature handler. */
export interface ServerState {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** The current analysis of an open document (reusing unchanged documents' models). */
  analysisOf(uri: string): FileAnalysis | undefined;
  settingsFor(uri: string): Promise<ServiceSettings>;
}

/** One LSP feature: the capabilities it announces and the handlers it registers. */
export interface FeatureHandler {
  readonly capabilities: ServerCapabilities;
  register(state: ServerState): void;
}

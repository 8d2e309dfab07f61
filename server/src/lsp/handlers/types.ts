import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, ServiceSettings } from '../../service';
import type { OpenFiles } from '../openFiles';

/** What the server shares with each feature handler. */
export interface ServerState {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: LanguageService;
  /** The current parse of each open document (reusing unchanged documents' models). */
  readonly files: OpenFiles;
  settingsFor(uri: string): Promise<ServiceSettings>;
}

/** One LSP feature: the capabilities it announces and the handlers it registers. */
export interface FeatureHandler {
  readonly capabilities: ServerCapabilities;
  register(state: ServerState): void;
}

/**
 * The language server: a thin LSP host over the pure service. Run by the extension over
 * IPC, or by any editor with `pod-patterns-language-server --stdio`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

startServer(createConnection(ProposedFeatures.all));

/**
 * The language server: a thin LSP host over the pure service. Run by the extension over
 * IPC, or by any editor with `pod-patterns-language-server --stdio`.
 */
import { createConnection, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';
import { CONNECTION_STRATEGY } from './lsp/connectionStrategy';
import { startServer } from './lsp/startServer';
import { stdinChunks } from './lsp/stdinChunks';
import { StdioMessageReader } from './lsp/stdioMessageReader';

/** Exit code after a broken stream: non-zero, so the client restarts the server. */
const EXIT_BROKEN_STREAM = 3;

function exitOnBrokenStream(reason: string): never {
  process.stderr.write(
    `pod-patterns-language-server: the client's messages are not LSP base protocol (${reason}); exiting so the client can restart the server.\n`,
  );
  process.exit(EXIT_BROKEN_STREAM);
}

if (process.argv.includes('--stdio')) {
  const reader = new StdioMessageReader(stdinChunks());
  reader.onError((error) => exitOnBrokenStream(error.message.split('\n')[0]!));
  startServer(
    createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout), CONNECTION_STRATEGY),
  );
} else {
  startServer(createConnection(ProposedFeatures.all, CONNECTION_STRATEGY));
}

import {
  LSPErrorCodes,
  type ConnectionStrategy,
  type Message,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver';

/**
 * A request cancelled while it still waits in the connection's queue (behind another file's
 * work) is answered RequestCancelled at once, without running it.
 */
export const CONNECTION_STRATEGY: ConnectionStrategy = {
  cancelUndispatched: (message: Message): ResponseMessage => ({
    jsonrpc: '2.0',
    id: (message as RequestMessage).id,
    error: { code: LSPErrorCodes.RequestCancelled, message: 'The request was cancelled before it ran.' },
  }),
};

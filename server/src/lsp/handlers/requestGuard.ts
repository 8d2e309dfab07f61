import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { ServerState } from './types';

export const SHUTDOWN_MESSAGE = 'The server is shutting down: requests after "shutdown" are not answered.';

/**
 * Runs a request's work unless the server was asked to shut down (the protocol says such a
 * request is an error: InvalidRequest), and answers RequestCancelled when the client cancelled
 * it meanwhile (its work stopped at the first check after the `$/cancelRequest` arrived).
 */
export async function guardRequest<T>(
  state: ServerState,
  token: CancellationToken,
  work: () => Promise<T>,
): Promise<T | ResponseError<void>> {
  if (state.lifecycle.shutDown) return new ResponseError(ErrorCodes.InvalidRequest, SHUTDOWN_MESSAGE);
  if (token.isCancellationRequested) return cancelled();
  const result = await work();
  return token.isCancellationRequested ? cancelled() : result;
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

import type { CancellationToken, Connection, ResponseError } from 'vscode-languageserver';
import type { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/*
 * The custom messages (`shared/protocol.ts`) are typed with the protocol library the client uses;
 * `vscode-languageserver` pins its own copy, whose classes TypeScript tells apart. These register
 * and send a shared message by its method, keeping its parameter and result types.
 */

export function onCustomRequest<P, R>(
  connection: Connection,
  type: RequestType<P, R, void>,
  handler: (params: P, token: CancellationToken) => Promise<R | ResponseError<void>>,
): void {
  connection.onRequest(type.method, handler);
}

export function sendCustomNotification<P>(connection: Connection, type: NotificationType<P>, params: P): Promise<void> {
  return connection.sendNotification(type.method, params);
}

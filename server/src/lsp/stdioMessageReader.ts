import { AbstractMessageReader, Disposable, type DataCallback, type Message } from 'vscode-languageserver/node';
import { FramingGuard } from './framingGuard';

/**
 * The server's reader of LSP messages on stdin: framing by `FramingGuard`, which also reports a
 * stream that is not LSP base protocol as an error (the host exits on it, see server.ts). Each
 * body is decoded as UTF-8 JSON (the protocol's only charset) the moment its last byte arrives,
 * so messages reach the connection in the order they were sent. A body that is not JSON is
 * reported after the rest of its chunk is read: when a wrong length cut it short, the framing
 * violation that follows in the same chunk says more, and is reported instead.
 */
export class StdioMessageReader extends AbstractMessageReader {
  /** `readable` emits 'data' (a chunk read only while the listener runs), 'error' and 'close'. */
  constructor(private readonly readable: Pick<NodeJS.EventEmitter, 'on' | 'off'>) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    let failed = false;
    let notJson: unknown;
    const guard = new FramingGuard((body) => {
      if (notJson !== undefined) return;
      let message: Message;
      try {
        message = JSON.parse(body.toString('utf8')) as Message;
      } catch (error) {
        notJson = error;
        return;
      }
      callback(message);
    });
    const onData = (chunk: Uint8Array): void => {
      if (failed) return;
      const violation = guard.push(chunk);
      if (violation === undefined && notJson === undefined) return;
      failed = true;
      this.fireError(violation === undefined ? notJson : new Error(violation));
    };
    const onError = (error: unknown): void => this.fireError(error);
    const onClose = (): void => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    return Disposable.create(() => {
      this.readable.off('data', onData);
      this.readable.off('error', onError);
      this.readable.off('close', onClose);
    });
  }
}

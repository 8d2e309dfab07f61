import { EventEmitter } from 'node:events';
import { fstatSync } from 'node:fs';
import { Socket, type OnReadOpts, type SocketConstructorOpts } from 'node:net';

/** How much one read of standard input takes at most (a pipe's usual capacity). */
const READ_BYTES = 64 * 1024;

/**
 * Standard input as 'data' / 'error' / 'close' events whose chunks are views of one buffer that
 * every read reuses: a chunk is valid only until its 'data' listeners return (the framing reader
 * copies what it keeps). `process.stdin` gives each read a new 64 KB buffer, freed only by the
 * next garbage collection, and reading a 10 MB message allocates almost nothing else, so all of
 * its chunks were alive at once: 10 MB more resident memory on opening a 10 MB file.
 * Standard input that is not a pipe or a socket (a file, a terminal) is read as `process.stdin`.
 * Once this has read a pipe, `process.stdin` must not be touched: Node refuses a second handle on
 * descriptor 0 (EEXIST).
 */
export function stdinChunks(): EventEmitter {
  let pipe = false;
  try {
    const stats = fstatSync(0);
    pipe = stats.isFIFO() || stats.isSocket();
  } catch {
    // No standard input to inspect: the usual stream says what is wrong with it.
  }
  if (!pipe) return process.stdin;
  const events = new EventEmitter();
  // Node takes `onread` in the constructor too (as in `net.connect`), which its types do not say.
  const options: SocketConstructorOpts & { onread: OnReadOpts } = {
    fd: 0,
    readable: true,
    writable: false,
    onread: {
      buffer: Buffer.allocUnsafe(READ_BYTES),
      callback: (bytes: number, buffer: Uint8Array) => {
        events.emit('data', buffer.subarray(0, bytes));
        return true;
      },
    },
  };
  const socket = new Socket(options);
  socket.on('error', (error) => events.emit('error', error));
  socket.on('close', () => events.emit('close'));
  return events;
}

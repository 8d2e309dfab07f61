/**
 * Reads the bytes a client sends over stdio as LSP base-protocol messages
 * (`Content-Length: N\r\n…\r\n\r\n` followed by N bytes), hands each body to `onBody`, and says
 * when the bytes stop being such messages. A generic JSON-RPC reader waits forever for a header
 * that never ends, or reads on past a short length into garbage: the server then answers nothing
 * and says nothing. The host logs the violation and exits non-zero, so the client restarts it
 * with a clean stream.
 *
 * A body is copied into a buffer of its own length as its chunks arrive, so a chunk is garbage as
 * soon as it is read: a 10 MB file opened in the editor is never held twice as bytes (once in the
 * chunks, once joined), which was most of the server's peak memory on opening a large file.
 */
export class FramingGuard {
  /** A header block longer than this is not a header (real ones are under 100 bytes). */
  static readonly MAX_HEADER_BYTES = 8192;
  private header = '';
  private bodyLeft = 0;
  private body: Buffer | undefined;
  private violation: string | undefined;

  /** `onBody` gets each message's body once its last byte is read. */
  constructor(private readonly onBody: (body: Buffer) => void) {}

  /** Feeds the next chunk; returns the first violation seen so far, if any. */
  push(chunk: Uint8Array): string | undefined {
    let at = 0;
    while (at < chunk.length && this.violation === undefined) {
      if (this.bodyLeft > 0) {
        const taken = Math.min(this.bodyLeft, chunk.length - at);
        this.body!.set(chunk.subarray(at, at + taken), this.body!.length - this.bodyLeft);
        this.bodyLeft -= taken;
        at += taken;
        if (this.bodyLeft === 0) {
          const body = this.body!;
          this.body = undefined;
          this.onBody(body);
        }
        continue;
      }
      // Headers are ASCII: read byte by byte up to the blank line.
      const end = indexOfHeaderEnd(chunk, at, this.header);
      // Past the limit the header is refused anyway: keep no more of it than the limit.
      const kept = Math.min(end.index, at + FramingGuard.MAX_HEADER_BYTES + 1 - this.header.length);
      this.header += Buffer.from(chunk.buffer, chunk.byteOffset + at, Math.max(0, kept - at)).toString('latin1');
      at = end.index;
      if (!end.found) {
        if (this.header.length >= FramingGuard.MAX_HEADER_BYTES)
          this.violation = `a message header longer than ${FramingGuard.MAX_HEADER_BYTES} bytes without the blank line that ends it (starts with ${JSON.stringify(this.header.slice(0, 40))})`;
        break;
      }
      this.violation = this.readHeader(this.header.slice(0, -4));
      this.header = '';
    }
    return this.violation;
  }

  private readHeader(block: string): string | undefined {
    let length: number | undefined;
    for (const line of block.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0 || !/^[A-Za-z][A-Za-z-]*$/.test(line.slice(0, colon)))
        return `a header line that is not "Name: value": ${JSON.stringify(line.slice(0, 80))}`;
      if (line.slice(0, colon).toLowerCase() !== 'content-length') continue;
      const value = line.slice(colon + 1).trim();
      if (!/^\d+$/.test(value))
        return `Content-Length is not a whole number of bytes: ${JSON.stringify(value.slice(0, 40))}`;
      length = Number(value);
    }
    if (length === undefined) return `a message without a Content-Length header: ${JSON.stringify(block.slice(0, 80))}`;
    if (length < 2) return `Content-Length ${length} is too short for a JSON-RPC message`;
    this.bodyLeft = length;
    this.body = Buffer.allocUnsafe(length);
    return undefined;
  }
}

/** Where the header ends (just after `\r\n\r\n`), counting the bytes of it already read. */
function indexOfHeaderEnd(chunk: Uint8Array, from: number, soFar: string): { index: number; found: boolean } {
  let tail = soFar.slice(-3);
  for (let i = from; i < chunk.length; i++) {
    tail = (tail + String.fromCharCode(chunk[i]!)).slice(-4);
    if (tail === '\r\n\r\n') return { index: i + 1, found: true };
  }
  return { index: chunk.length, found: false };
}

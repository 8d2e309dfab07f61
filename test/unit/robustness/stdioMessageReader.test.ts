import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Message } from 'vscode-languageserver/node';
import { FramingGuard } from '../../../server/src/lsp/framingGuard';
import { StdioMessageReader } from '../../../server/src/lsp/stdioMessageReader';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function framed(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`;
}

/** Feeds `bytes` to a reader in chunks of `chunkSize`; returns what it delivered and the errors it fired. */
function read(bytes: Buffer, chunkSize: number): { messages: Message[]; errors: string[] } {
  const stream = new PassThrough();
  const reader = new StdioMessageReader(stream);
  const messages: Message[] = [];
  const errors: string[] = [];
  reader.onError((error) => errors.push(error.message));
  reader.listen((message) => messages.push(message));
  // 'data' is emitted synchronously by write() on a flowing PassThrough with no buffered data.
  for (let at = 0; at < bytes.length; at += chunkSize) stream.write(bytes.subarray(at, at + chunkSize));
  return { messages, errors };
}

describe('StdioMessageReader', () => {
  const messages = [
    { jsonrpc: '2.0', id: 1, method: 'initialize', params: { capabilities: {} } },
    { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: 'café crème ☃ 𝄞\r\nkind: Pod\n' } },
    { jsonrpc: '2.0', id: 2, result: null },
  ];
  const stream = Buffer.from(messages.map((message) => framed(JSON.stringify(message))).join(''));

  it('delivers every message in order, whole and equal, however the bytes are split (multi-byte characters too)', () => {
    for (const chunkSize of [1, 2, 3, 7, 64, stream.length]) {
      const result = read(stream, chunkSize);
      assert.deepEqual(result.errors, [], `chunks of ${chunkSize}`);
      assert.deepEqual(result.messages, messages, `chunks of ${chunkSize}`);
    }
  });

  it('fires the framing violation as an error and delivers nothing after it', () => {
    const broken = Buffer.from(
      framed(JSON.stringify(messages[0])).replace(/Content-Length: \d+/, 'Content-Length: 20') + framed('{}'),
    );
    // The cut-short body is not JSON either: in the same chunk, the violation that follows is what is reported.
    const result = read(broken, broken.length);
    assert.equal(result.messages.length, 0);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0]!, /not "Name: value"/);
    const chunked = read(Buffer.concat([Buffer.from(framed(JSON.stringify(messages[2]))), broken]), 5);
    assert.deepEqual(chunked.messages, [messages[2]]);
    assert.equal(chunked.errors.length, 1);
  });

  it('fires a body that is not JSON as an error, once', () => {
    const result = read(Buffer.from(framed('{"jsonrpc": "2.0", oops}') + framed(JSON.stringify(messages[2]))), 4);
    assert.deepEqual(result.messages, []);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0]!, /JSON/);
  });
});

describe('FramingGuard with a body reader: a chunk is garbage once read', () => {
  it('keeps none of the chunks of a body still arriving', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { text: 'x'.repeat(2 * 1024 * 1024) } });
    const bytes = Buffer.from(framed(body));
    const delivered: Buffer[] = [];
    const guard = new FramingGuard((received) => delivered.push(received));
    const chunkSize = 64 * 1024;
    const chunks: WeakRef<Buffer>[] = [];
    // Each chunk is a buffer of its own (as a stream's are), pushed and dropped; the last byte is held back.
    const feed = (from: number, to: number): void => {
      for (let at = from; at < to; at += chunkSize) {
        const chunk = Buffer.from(bytes.subarray(at, Math.min(at + chunkSize, to)));
        chunks.push(new WeakRef(chunk));
        assert.equal(guard.push(chunk), undefined);
      }
    };
    feed(0, bytes.length - 1);
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    const alive = chunks.filter((chunk) => chunk.deref() !== undefined).length;
    assert.ok(chunks.length > 30);
    assert.equal(alive, 0, `${alive} of ${chunks.length} chunks still held while the body is incomplete`);
    assert.equal(delivered.length, 0);
    feed(bytes.length - 1, bytes.length);
    assert.equal(delivered.length, 1);
    assert.equal(delivered[0]!.toString('utf8'), body);
  });
});

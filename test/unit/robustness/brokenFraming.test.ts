import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FramingGuard } from '../../../server/src/lsp/framingGuard';

const SERVER = path.resolve(__dirname, '../../../../server/out/server.js');

/** Starts the shipped server on stdio, writes `bytes`, and waits (at most 10 s) for it to exit. */
function runWith(bytes: string | Buffer): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER, '--stdio']);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.resume();
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the server neither answered nor exited; stderr: ${stderr}`));
    }, 10_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.write(bytes);
  });
}

function message(body: object, length?: number): string {
  const json = JSON.stringify(body);
  return `Content-Length: ${length ?? Buffer.byteLength(json)}\r\n\r\n${json}`;
}

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { processId: null, rootUri: null, capabilities: {} },
};
const hover = {
  jsonrpc: '2.0',
  id: 2,
  method: 'textDocument/hover',
  params: { textDocument: { uri: 'file:///x.yaml' }, position: { line: 0, character: 0 } },
};

describe('broken LSP framing on stdio: the server says why on stderr and exits non-zero', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    [
      'no Content-Length header',
      `Content-Type: application/json\r\n\r\n${JSON.stringify(initialize)}`,
      /without a Content-Length/,
    ],
    ['a negative Content-Length', message(initialize, -5), /not a whole number/],
    [
      'a Content-Length that is not a number',
      message(initialize).replace(/Content-Length: \d+/, 'Content-Length: many'),
      /not a whole number/,
    ],
    ['a short Content-Length, then the next message', message(initialize, 20) + message(hover), /not "Name: value"/],
    ['garbage without any header end', Buffer.alloc(20_000, 'x'), /longer than 8192 bytes/],
  ];
  for (const [name, bytes, reason] of cases) {
    it(name, async () => {
      const { code, stderr } = await runWith(bytes);
      assert.equal(code, 3, stderr);
      assert.match(stderr, /not LSP base protocol/);
      assert.match(stderr, reason);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    });
  }
});

describe('FramingGuard on valid streams', () => {
  it('accepts messages split at any byte, with extra headers and multi-byte bodies', () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { text: 'café crème ☃' } });
    const one = `Content-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`;
    const stream = Buffer.from(one + one + one);
    for (const chunkSize of [1, 2, 7, 64, stream.length]) {
      const guard = new FramingGuard(() => {});
      for (let at = 0; at < stream.length; at += chunkSize)
        assert.equal(guard.push(stream.subarray(at, at + chunkSize)), undefined, `chunks of ${chunkSize}`);
    }
    // The same stream with one byte too few in the first length is caught at the next header.
    const short = new FramingGuard(() => {});
    assert.match(
      short.push(
        Buffer.from(one.replace(/Content-Length: \d+/, `Content-Length: ${Buffer.byteLength(body) - 1}`) + one),
      ) ?? '',
      /not "Name: value"/,
    );
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const MODULE = path.resolve(__dirname, '../../../server/src/lsp/stdinChunks.js');

/** A child that reads its standard input through `stdinChunks` and reports what it got, as JSON on stdout. */
const READER = `
const { createHash } = require('node:crypto');
const { stdinChunks } = require(${JSON.stringify(MODULE)});
const hash = createHash('sha256');
const buffers = new Set();
let bytes = 0;
const input = stdinChunks();
input.on('data', (chunk) => { hash.update(chunk); bytes += chunk.length; buffers.add(chunk.buffer); });
let reported = false;
const report = () => {
  if (reported) return;
  reported = true;
  process.stdout.write(JSON.stringify({ bytes, sha256: hash.digest('hex'), buffers: buffers.size, kind: input.constructor.name }));
};
input.on('close', report);
// process.stdin on a file does not close its descriptor, so it ends without 'close'.
input.on('end', report);
`;

function readThrough(
  stdin: 'pipe' | number,
  data?: Buffer,
): Promise<{ bytes: number; sha256: string; buffers: number; kind: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', READER], { stdio: [stdin, 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', () => resolve(JSON.parse(out)));
    if (data) child.stdin!.end(data);
  });
}

describe('stdinChunks: standard input read into one reused buffer', () => {
  const data = Buffer.alloc(5 * 1024 * 1024 + 12345);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 251;
  const sha256 = createHash('sha256').update(data).digest('hex');

  it('from a pipe: every byte in order, all chunks views of one buffer (none left to the collector)', async () => {
    const result = await readThrough('pipe', data);
    assert.equal(result.bytes, data.length);
    assert.equal(result.sha256, sha256);
    assert.equal(result.kind, 'EventEmitter');
    assert.equal(result.buffers, 1);
  });

  it('from a file: read as process.stdin, every byte in order', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pod-patterns-stdin-'));
    const file = path.join(folder, 'input.bin');
    writeFileSync(file, data);
    const fd = openSync(file, 'r');
    try {
      const result = await readThrough(fd);
      assert.equal(result.bytes, data.length);
      assert.equal(result.sha256, sha256);
      assert.equal(result.kind, 'ReadStream', 'process.stdin on a file');
    } finally {
      closeSync(fd);
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { cli } from '../../support/cli';
import { REPO_ROOT } from '../../support/repo';

/** A pod with an error-severity finding (no image), so a file that is checked cannot pass silently. */
const IMAGELESS_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n';

/** UTF-16 with a byte order mark first, as Windows editors save "Unicode" text. */
function utf16(text: string, order: 'little' | 'big'): Buffer {
  const little = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return order === 'little' ? little : little.swap16();
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pod-patterns-encodings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer): string {
  const full = path.join(dir, name);
  writeFileSync(full, bytes);
  return full;
}

describe('lint says which files are not UTF-8 text instead of checking nothing in them', () => {
  it('names a UTF-16 file by its byte order mark, checks the other files, and exits 2 like an unreadable file', () => {
    const little = file('little.yaml', utf16(IMAGELESS_POD, 'little'));
    const big = file('big.yaml', utf16(IMAGELESS_POD, 'big'));
    const sound = file('sound.yaml', Buffer.from(IMAGELESS_POD));
    const result = cli(['lint', little, big, sound]);
    assert.equal(
      result.stderr,
      `pod-patterns: cannot read ${little}: it is UTF-16 text (byte order mark FF FE), not UTF-8, so it was not checked; convert it to UTF-8\n` +
        `pod-patterns: cannot read ${big}: it is UTF-16 text (byte order mark FE FF), not UTF-8, so it was not checked; convert it to UTF-8\n`,
    );
    // The UTF-8 file is still checked and its finding reported.
    assert.match(result.stdout, /sound\.yaml:\d+:\d+ error missing-image/);
    assert.equal(result.code, 2);
  });

  it('names a file that is not valid UTF-8 (Latin-1) and reports it as a tool notification in SARIF', () => {
    const latin1 = file(
      'latin1.yaml',
      Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${IMAGELESS_POD}`)]),
    );
    const result = cli(['lint', '--format', 'sarif', latin1]);
    assert.equal(
      result.stderr,
      `pod-patterns: cannot read ${latin1}: it is not valid UTF-8 text, so it was not checked; convert it to UTF-8\n`,
    );
    const run = JSON.parse(result.stdout).runs[0];
    assert.equal(run.invocations[0].executionSuccessful, false);
    assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /not valid UTF-8/);
    assert.equal(result.code, 2);
  });

  it('says the same of UTF-16 on standard input', () => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'server', 'out', 'cli.js'), 'lint', '-'], {
      input: utf16(IMAGELESS_POD, 'little'),
      encoding: 'utf8',
    });
    assert.equal(
      run.stderr,
      'pod-patterns: cannot read <stdin>: it is UTF-16 text (byte order mark FF FE), not UTF-8, so it was not checked; convert it to UTF-8\n',
    );
    assert.equal(run.status, 2);
  });
});

import assert from 'node:assert/strict';
import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fixInput, writeFixed } from '../../../server/src/cli/fix';
import {
  createLanguageService,
  DEFAULT_SETTINGS,
  THROWING_LOGGER,
  type LanguageService,
} from '../../../server/src/service';
import { cli } from '../../support/cli';

/** A removed apiVersion: `lint --fix` rewrites it to apps/v1 (a preferred fix). */
const FIXABLE = 'apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata: {name: d}\n';
const FIXED = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pod-patterns-fix-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer, mode?: number): string {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  if (mode !== undefined) chmodSync(full, mode);
  return full;
}

function noStackTrace(output: string): void {
  assert.doesNotMatch(output, /\n\s+at [\w.<]+ \(/, output);
}

describe('lint --fix never destroys', () => {
  it('refuses to rewrite a Latin-1 file, reports it and fixes the others', () => {
    const latin1 = file(
      'latin1.yaml',
      Buffer.concat([
        Buffer.from('# caf'),
        Buffer.from([0xe9]),
        Buffer.from(' cr'),
        Buffer.from([0xe8]),
        Buffer.from(`me\n${FIXABLE}`),
      ]),
    );
    const before = readFileSync(latin1);
    const utf8 = file('utf8.yaml', `# café crème\n${FIXABLE}`);
    const result = cli(['lint', '--fix', latin1, utf8]);
    assert.ok(readFileSync(latin1).equals(before), 'the Latin-1 file is byte for byte unchanged');
    assert.equal(readFileSync(utf8, 'utf8'), `# café crème\n${FIXED}`);
    assert.match(
      result.stderr,
      new RegExp(`${path.basename(latin1)}: it is not valid UTF-8 text, so it was not checked; convert it to UTF-8`),
    );
    assert.equal(result.code, 2);
    noStackTrace(result.stderr + result.stdout);
  });

  it('reports a read-only file by name, fixes the files before and after it, and exits 2', () => {
    const first = file('a.yaml', FIXABLE);
    const readOnly = file('b.yaml', FIXABLE, 0o444);
    const last = file('c.yaml', FIXABLE);
    const result = cli(['lint', '--fix', first, readOnly, last]);
    assert.equal(readFileSync(first, 'utf8'), FIXED);
    assert.equal(readFileSync(readOnly, 'utf8'), FIXABLE);
    assert.equal(readFileSync(last, 'utf8'), FIXED);
    assert.match(result.stderr, new RegExp(`b\\.yaml: not fixed: it is read-only`));
    assert.equal(result.code, 2);
    noStackTrace(result.stderr + result.stdout);
  });

  it('keeps the file mode, leaves no temporary file and says what each file got', () => {
    const target = file('pod.yaml', FIXABLE, 0o640);
    const result = cli(['lint', '--fix', target]);
    assert.equal(statSync(target).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['pod.yaml']);
    assert.match(result.stdout, /pod\.yaml: fixed schema ×1/);
  });

  it('follows a symlink to its target, keeps the link, says so, and refuses a symlink loop', () => {
    const target = file('real.yaml', FIXABLE);
    const link = path.join(dir, 'link.yaml');
    symlinkSync('real.yaml', link);
    symlinkSync('loop-b.yaml', path.join(dir, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', path.join(dir, 'loop-b.yaml'));
    const result = cli(['lint', '--fix', link]);
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readlinkSync(link), 'real.yaml');
    assert.equal(readFileSync(target, 'utf8'), FIXED);
    assert.match(result.stdout, /link\.yaml: fixed schema ×1 \(written to .*real\.yaml, the symlink's target\)/);
    const loop = writeFixed(path.join(dir, 'loop-a.yaml'), Buffer.from(''), FIXED);
    assert.deepEqual(loop, { ok: false, reason: 'it is a symlink loop' });
  });

  it('never overwrites a save made after the file was read', () => {
    const target = file('pod.yaml', FIXABLE);
    const asRead = readFileSync(target);
    writeFileSync(target, `${FIXABLE}# saved meanwhile\n`);
    const result = writeFixed(target, asRead, FIXED);
    assert.equal(result.ok, false);
    assert.match((result as { reason: string }).reason, /changed since it was read/);
    assert.equal(readFileSync(target, 'utf8'), `${FIXABLE}# saved meanwhile\n`);
    assert.deepEqual(readdirSync(dir), ['pod.yaml'], 'no temporary file is left behind');
  });

  it('undoes the fixes of a file they would give a new error, and says which', () => {
    const target = file('ds.yaml', FIXABLE);
    // A service whose preferred fixes also write a key twice: a fixer bug the write path must catch.
    const real = createLanguageService({ logger: THROWING_LOGGER });
    const buggy: LanguageService = {
      ...real,
      preferredFixes: (parsed, findings, settings) => {
        const planned = real.preferredFixes(parsed, findings, settings);
        const kind = parsed.text.indexOf('kind:');
        return planned.count === 0
          ? planned
          : {
              count: planned.count,
              edits: [...planned.edits, { start: kind, end: kind, newText: 'kind: DaemonSet\n' }],
            };
      },
    };
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: (text: string) => (stdout += text),
      stderr: (text: string) => (stderr += text),
      readStdin: () => '',
    };
    const report = fixInput(buggy, target, FIXABLE, DEFAULT_SETTINGS, io, false);
    assert.equal(report.kind, 'skipped');
    assert.equal(readFileSync(target, 'utf8'), FIXABLE);
    assert.match(stdout, /ds\.yaml: not fixed: the fixes would add an error: duplicate-key/);
    assert.equal(stderr, '');
  });
});

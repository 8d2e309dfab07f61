import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, DEFAULT_SETTINGS, LineIndex, ParsedFile, type OffsetEdit } from '../../../server/src/service';
import { codeActionsFor, fixesFor, type FixTarget } from '../../../server/src/service/actions';
import { THROWING_LOGGER } from '../../../server/src/service/logger';

// A pod with findings that have fixes, on lines holding characters of two and four UTF-8 bytes.
const BASE = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: café # é',
  'spec:',
  '  containers:',
  '    - name: web # 😀 main',
  '      image: nginx:1',
  '      imagePullPolicy: Sometimes # é😀',
  '      volumeMounts:',
  '        - name: log',
  '          mountPath: /var/log/é',
  '    - name: side',
  '      image: busybox:1.36 # 😀😀',
  '      imagePullPolicy: Sometimes',
  '  volumes:',
  '    - name: logs',
  '      emptyDir: {}',
  '',
].join('\n');

/** A small deterministic generator (mulberry32), so a failure names the seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Diagnostics as the server published them: file offsets and data with the document index. */
function published(file: ParsedFile): FixTarget[] {
  return file.findings(DEFAULT_SETTINGS).map((finding) => ({
    code: finding.code,
    start: finding.range.start,
    end: finding.range.end,
    data: finding.data ? { ...finding.data, documentIndex: finding.documentIndex } : undefined,
  }));
}

/** What a client counting UTF-8 bytes (Neovim 0.7–0.10) sends back: byte columns read as UTF-16 columns. */
function asByteColumns(text: string, offset: number): number {
  const lines = new LineIndex(text);
  const position = lines.positionAt(offset);
  const lineStart = lines.offsetAt({ line: position.line, character: 0 });
  const bytes = Buffer.byteLength(text.slice(lineStart, offset), 'utf8');
  return lines.offsetAt({ line: position.line, character: bytes });
}

/** One edit a user makes between the publication and the code action request. */
function randomEdit(text: string, next: () => number): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const at = Math.floor(next() * lines.length);
  const choice = Math.floor(next() * 4);
  if (choice === 0) lines.splice(at, 0, '# inserted é😀');
  else if (choice === 1) lines.splice(at, 0, '');
  else if (choice === 2 && at > 0 && at < lines.length - 1) lines.splice(at, 1);
  else lines[at] = `${lines[at]!}x`;
  return lines.join(eol);
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) if (text[i] === '\n') line++;
  return line;
}

/** Lines of `before` no edit touches appear in `after`, in order. */
function assertKeepsUntouchedLines(before: string, edits: readonly OffsetEdit[], after: string, label: string): void {
  const touched = new Set<number>();
  for (const edit of edits)
    for (let line = lineOf(before, edit.start); line <= lineOf(before, edit.end); line++) touched.add(line);
  const kept = after.split(/\r?\n/);
  let at = 0;
  before.split(/\r?\n/).forEach((line, index) => {
    if (touched.has(index)) return;
    while (at < kept.length && kept[at] !== line) at++;
    assert.ok(at < kept.length, `${label}: line ${index + 1} lost or changed: ${JSON.stringify(line)}`);
    at++;
  });
}

function parses(text: string): boolean {
  return !new ParsedFile(text).findings(DEFAULT_SETTINGS).some((finding) => finding.code === 'yaml-syntax');
}

function editsKey(edits: readonly OffsetEdit[]): string {
  return JSON.stringify(edits.map((edit) => [edit.start, edit.end, edit.newText]));
}

test('fresh diagnostics get their fixes (the property below is not vacuous)', () => {
  const file = new ParsedFile(BASE);
  const offered = published(file).flatMap((target) =>
    codeActionsFor(
      file,
      { start: target.start, end: target.start, diagnostics: [target], only: ['quickfix'] },
      DEFAULT_SETTINGS,
      THROWING_LOGGER,
    ),
  );
  assert.ok(offered.length >= 3, `expected fixes, got ${offered.length}`);
  const result = applyEdits(BASE, offered.find((action) => action.title.includes('Always'))?.edits ?? []);
  assert.match(result, /imagePullPolicy: Always # é😀\n/);
});

test('a fix computed from a stale or byte-column diagnostic is the fix of a current finding, and never corrupts the text', () => {
  let offeredCount = 0;
  for (let seed = 1; seed <= 120; seed++) {
    const next = random(seed);
    const crlf = seed % 2 === 0;
    const original = crlf ? BASE.replace(/\n/g, '\r\n') : BASE;
    const echoedTargets = published(new ParsedFile(original)).map((target) =>
      seed % 3 === 0
        ? { ...target, start: asByteColumns(original, target.start), end: asByteColumns(original, target.end) }
        : target,
    );
    const edited = next() < 0.8 ? randomEdit(original, next) : original;
    const file = new ParsedFile(edited);
    const current = file.findings(DEFAULT_SETTINGS);
    const currentFixes = new Set(
      current
        .flatMap((finding) =>
          fixesFor(
            file,
            { code: finding.code, start: finding.range.start, end: finding.range.end, data: finding.data },
            DEFAULT_SETTINGS,
            THROWING_LOGGER,
          ),
        )
        .map((fix) => editsKey(fix.edits)),
    );
    for (const echoed of echoedTargets) {
      const clamp = (offset: number): number => Math.min(offset, edited.length);
      const request = {
        start: clamp(echoed.start),
        end: clamp(echoed.start),
        diagnostics: [{ ...echoed, start: clamp(echoed.start), end: clamp(echoed.end), source: 'pod-patterns' }],
        only: ['quickfix'],
      };
      for (const action of codeActionsFor(file, request, DEFAULT_SETTINGS, THROWING_LOGGER)) {
        const label = `seed ${seed} ${echoed.code} "${action.title}"`;
        if (!action.title.startsWith('Fix all'))
          assert.ok(currentFixes.has(editsKey(action.edits)), `${label}: not a fix of any current finding`);
        const result = applyEdits(edited, action.edits);
        if (parses(edited)) assert.ok(parses(result), `${label}: the result does not parse:\n${result}`);
        assertKeepsUntouchedLines(edited, action.edits, result, label);
        offeredCount++;
      }
    }
  }
  assert.ok(offeredCount > 100, `only ${offeredCount} actions were exercised`);
});

test('a diagnostic whose finding is gone gets no fix', () => {
  const file = new ParsedFile(BASE);
  const target = published(file).find(
    (candidate) =>
      candidate.code !== 'yaml-syntax' && (candidate.data as { containerIndex?: number } | undefined) !== undefined,
  )!;
  const fixedText = BASE.replace(/imagePullPolicy: Sometimes/g, 'imagePullPolicy: Always').replace(
    'name: log\n',
    'name: logs\n',
  );
  const fixed = new ParsedFile(fixedText);
  const gone = published(file).filter((candidate) => !published(fixed).some((now) => now.code === candidate.code));
  assert.ok(gone.length > 0 && target);
  for (const echoed of gone) {
    assert.deepEqual(
      codeActionsFor(
        fixed,
        {
          start: echoed.start,
          end: echoed.start,
          diagnostics: [{ ...echoed, source: 'pod-patterns' }],
          only: ['quickfix'],
        },
        DEFAULT_SETTINGS,
        THROWING_LOGGER,
      ),
      [],
      echoed.code,
    );
  }
});

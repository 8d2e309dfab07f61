import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SplitTextDocument } from '../../../server/src/lsp/splitTextDocument';
import { ParsedFile } from '../../../server/src/service/parsedFile';
import { resolveSettings } from '../../../server/src/service/settings';
import { LineIndex } from '../../../server/src/service/text/lineIndex';
import { SplitText } from '../../../server/src/service/text/splitText';

/** Text made of what document splitting and line counting react to, with multi-byte characters. */
const PARTS = [
  '---',
  '...',
  '--- ',
  '-',
  '.',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  'a',
  ': b',
  '#',
  'é',
  '😀',
  '\uFEFF',
  'kind: Pod\n',
];
const text = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...PARTS), { maxLength: 40 }))
  .map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.join(''));
/** An edit as fractions of the current length, so it applies to whatever the text has become. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  span: fc.double({ min: 0, max: 0.5, noNaN: true }),
  insert: fc.array(fc.constantFrom(...PARTS), { maxLength: 6 }).map((parts) => parts.join('')),
});

function applyTo(current: string, change: { at: number; span: number; insert: string }) {
  const start = Math.floor(change.at * current.length);
  const end = Math.min(current.length, start + Math.floor(change.span * current.length));
  return { start, end, next: current.slice(0, start) + change.insert + current.slice(end) };
}

/** Everything a `SplitText` answers, compared with a fresh cut and a `LineIndex` of the whole text. */
function assertSameAsFresh(edited: SplitText, expected: string): void {
  const fresh = SplitText.of(expected);
  assert.equal(edited.text, expected);
  assert.equal(edited.length, expected.length);
  assert.deepEqual(edited.slices(), fresh.slices());
  assert.equal(edited.utf8Length, Buffer.byteLength(expected, 'utf8'));
  const lines = new LineIndex(expected);
  assert.equal(edited.lineCount, lines.lineCount);
  for (let offset = -1; offset <= expected.length + 1; offset++) {
    assert.deepEqual(edited.positionAt(offset), lines.positionAt(offset), `positionAt(${offset})`);
    if (offset >= 0 && offset < expected.length) assert.equal(edited.charCodeAt(offset), expected.charCodeAt(offset));
  }
  for (let line = -1; line <= lines.lineCount; line++) {
    assert.equal(edited.lineStart(line), lines.lineStart(line), `lineStart(${line})`);
    for (const character of [-1, 0, 1, 2, 5, 1000]) {
      const position = { line, character };
      assert.equal(edited.offsetAt(position), lines.offsetAt(position), `offsetAt(${line}:${character})`);
    }
  }
  for (const [start, end] of [
    [0, expected.length],
    [1, expected.length - 1],
    [Math.floor(expected.length / 3), Math.floor((2 * expected.length) / 3)],
  ] as const) {
    assert.equal(edited.slice(start, end), expected.slice(start, end));
  }
}

describe('SplitText: an edited text equals a fresh cut of the same text', () => {
  it('after random edits (markers, CRLF, lone CR, byte order marks, surrogate pairs), lines known or not', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 8 }), fc.boolean(), (initial, edits, linesFirst) => {
        let split = SplitText.of(initial);
        // Line data computed before the edits is shifted by them; otherwise it is built on first use.
        if (linesFirst) assert.equal(split.lineCount, new LineIndex(initial).lineCount);
        let current = initial;
        for (const change of edits) {
          const { start, end, next } = applyTo(current, change);
          split = split.withChange(start, end, change.insert);
          current = next;
          if (linesFirst) assert.ok(split.lineCount >= 1);
        }
        assertSameAsFresh(split, current);
      }),
      { numRuns: 1500, seed: 15 },
    );
  });

  it('across chunks of documents: random edits in a file of 1,500 documents, and what each version shares', () => {
    const documents = Array.from({ length: 1500 }, (_, i) => (i % 7 === 3 ? `a: ${i}\r\n` : `kind: Pod\nn: ${i}\n`));
    const initial = documents.join('---\n');
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        let split = SplitText.of(initial);
        let current = initial;
        for (const change of edits) {
          const { start, end, next } = applyTo(current, { ...change, span: change.span / 50 });
          const before = split;
          split = split.withChange(start, end, change.insert);
          current = next;
          // The documents the edit says both versions share are the very same pieces.
          const shared = split.sharedWith(before)!;
          for (let i = 0; i < shared.front; i += 97) assert.ok(split.sharesDocument(i, before, i));
          for (let i = 1; i <= shared.back; i += 89)
            assert.ok(split.sharesDocument(split.documentCount - i, before, before.documentCount - i));
        }
        assertSameAsFresh(split, current);
      }),
      { numRuns: 25, seed: 16 },
    );
  });

  it('keeps the strings of the documents an edit did not touch', () => {
    const original = [
      'kind: Pod\nmetadata: {name: a}\n',
      '---\nkind: Pod\nmetadata: {name: b}\n',
      '---\nkind: Pod\n',
    ].join('');
    const split = SplitText.of(original);
    const at = original.indexOf('name: b') + 'name: '.length;
    const edited = split.withChange(at, at + 1, 'c');
    assert.equal(edited.documentCount, 3);
    assert.ok(edited.sharesDocument(0, split, 0));
    assert.ok(!edited.sharesDocument(1, split, 1));
    assert.ok(edited.sharesDocument(2, split, 2));
    assert.equal(edited.documentText(1), '---\nkind: Pod\nmetadata: {name: c}\n');
  });

  it('merges and splits documents when an edit removes or types a marker', () => {
    const original = 'a: 1\n---\nb: 2\n---\nc: 3\n';
    const marker = original.indexOf('---');
    const merged = SplitText.of(original).withChange(marker, marker + 1, '#');
    assert.deepEqual(
      merged.slices().map((slice) => slice.text),
      ['a: 1\n#--\nb: 2\n', '---\nc: 3\n'],
    );
    const split = merged.withChange(marker, marker + 1, '-');
    assertSameAsFresh(split, original);
    assert.equal(split.documentCount, 3);
  });
});

describe('SplitTextDocument answers as the library TextDocument does', () => {
  it('after random incremental changes given as LSP ranges', () => {
    const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 12 }) });
    const change = fc.record({
      start: position,
      end: position,
      text: fc.array(fc.constantFrom(...PARTS), { maxLength: 5 }).map((parts) => parts.join('')),
    });
    fc.assert(
      fc.property(text, fc.array(change, { minLength: 1, maxLength: 6 }), (initial, changes) => {
        const ours = SplitTextDocument.create('file:///a.yaml', 'yaml', 1, initial);
        const events = changes.map(({ start, end, text: inserted }) => ({ range: { start, end }, text: inserted }));
        ours.update(events, 2);
        // The library's own incremental line table goes wrong for ranges past the last line, so each
        // change is applied to a fresh library document, and the result compared with a fresh one too.
        let current = initial;
        for (const event of events) {
          const step = TextDocument.create('file:///a.yaml', 'yaml', 1, current);
          TextDocument.update(step, [event], 2);
          current = step.getText();
        }
        const library = TextDocument.create('file:///a.yaml', 'yaml', 2, current);
        assert.equal(ours.getText(), current);
        assert.equal(ours.version, 2);
        assert.equal(ours.lineCount, library.lineCount);
        for (let offset = -1; offset <= current.length + 1; offset++)
          assert.deepEqual(ours.positionAt(offset), library.positionAt(offset), `positionAt(${offset})`);
        for (let line = -1; line <= library.lineCount; line++) {
          assert.deepEqual(ours.getLineRange(line), library.getLineRange(line), `getLineRange(${line})`);
          assert.equal(ours.getEOLCharacters(line), library.getEOLCharacters(line), `getEOLCharacters(${line})`);
          for (const character of [-1, 0, 1, 3, 100]) {
            const at = { line, character };
            assert.equal(ours.offsetAt(at), library.offsetAt(at), `offsetAt(${line}:${character})`);
          }
        }
        const whole = { start: { line: 0, character: 1 }, end: { line: library.lineCount - 1, character: 2 } };
        assert.equal(ours.getText(whole), library.getText(whole));
      }),
      { numRuns: 800, seed: 18 },
    );
  });

  it('takes a whole new text and keeps the documents it shares with the old one', () => {
    const document = SplitTextDocument.create('file:///a.yaml', 'yaml', 1, 'a: 1\n---\nb: 2\n');
    const before = document.content;
    document.update([{ text: 'a: 1\n---\nb: 3\n' }], 2);
    assert.equal(document.getText(), 'a: 1\n---\nb: 3\n');
    assert.ok(document.content.sharesDocument(0, before, 0));
    assert.ok(!document.content.sharesDocument(1, before, 1));
  });
});

const SETTINGS = resolveSettings({});

function pod(name: string, extra = ''): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: nginx:1.27',
    `      imagePullPolicy: IfNotPresent${extra}`,
    '      resources:',
    '        limits: {cpu: 100m, memory: 64Mi}',
    '        requests: {cpu: 100m, memory: 64Mi}',
    '',
  ].join('\n');
}

/** A file of pods, a Service-free ConfigMap and a template, in CRLF or LF, with non-ASCII values. */
function podFile(crlf: boolean): string {
  const documents = [
    pod('a').replace('  name: a', '  name: a\n  labels: {app: a}'),
    pod('b', ' # café'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {emoji: "😀"}\n',
    pod('d'),
    pod('e'),
  ];
  const text = documents.join('---\n');
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** Snippets an author types: a broken key, a misspelt field, a new marker, a template, a second pod, a Service. */
const TYPED = [
  'x',
  'imagePullPolcy: Always\n',
  '\n---\n',
  '---',
  'kind: Pod\n',
  '{{ .Values.x }}',
  'ä',
  '\r\n',
  '',
  '---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: a}, ports: [{port: 80}]}\n',
];

describe('ParsedFile: a version edited through SplitText has the findings of a fresh parse', () => {
  it('after random edits, including ones spanning document markers', () => {
    const change = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      span: fc.double({ min: 0, max: 0.3, noNaN: true }),
      insert: fc.constantFrom(...TYPED),
    });
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(change, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (crlf, edits, walkEach) => {
          let current = podFile(crlf);
          let split = SplitText.of(current);
          let file = new ParsedFile(split);
          file.documentFindings(SETTINGS);
          for (const changeAt of edits) {
            const { start, end, next } = applyTo(current, changeAt);
            split = split.withChange(start, end, changeAt.insert);
            current = next;
            file = new ParsedFile(split, file);
            // Versions whose findings were never asked for are skipped, as while typing fast.
            if (walkEach) file.documentFindings(SETTINGS);
          }
          const fresh = new ParsedFile(current);
          assert.equal(file.text, current);
          assert.deepEqual(
            file.documents.map((document) => [document.index, document.offset, document.model.text]),
            fresh.documents.map((document) => [document.index, document.offset, document.model.text]),
          );
          assert.deepEqual(file.findings(SETTINGS), fresh.findings(SETTINGS));
          assert.equal(file.podCount, fresh.podCount);
          assert.equal(file.isRelevant, fresh.isRelevant);
          assert.equal(file.serviceCount, fresh.serviceCount);
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });

  it('moves the target-version notice when an edit removes the first pod', () => {
    const settings = resolveSettings({ kubernetesVersion: '1.28' });
    const original = podFile(false);
    let file = new ParsedFile(SplitText.of(original));
    const before = file.findings(settings);
    assert.ok(before.some((finding) => finding.documentIndex === 0));
    const secondDocument = original.indexOf('---');
    file = new ParsedFile(file.source.withChange(0, secondDocument, 'note: none\n'), file);
    const fresh = new ParsedFile(file.text);
    assert.deepEqual(file.findings(settings), fresh.findings(settings));
    assert.ok(!file.findings(settings).some((finding) => finding.documentIndex === 0));
  });
});

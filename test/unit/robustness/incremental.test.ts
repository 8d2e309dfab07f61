import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, ParsedFile, toDiagnostics } from '../../../server/src/service';

// Findings in every document (no resources, a duplicate key in some) so that moved diagnostics are checked.
const pod = (i: number) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\n${i % 3 === 0 ? '  name: again\n' : ''}spec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: ${8000 + i}\n`;
const file = (count: number) => Array.from({ length: count }, (_, i) => pod(i)).join('---\n');

/** Findings and LSP diagnostics, which are both reused from the previous analysis where they can be. */
function strip(analysis: ParsedFile) {
  return JSON.stringify([
    analysis.findings(DEFAULT_SETTINGS),
    toDiagnostics(analysis, DEFAULT_SETTINGS, 'file:///x.yaml'),
  ]);
}

describe('incremental analysis', () => {
  it('an edit inside one document rebuilds only that document', () => {
    const before = new ParsedFile(file(200));
    const at = before.text.indexOf('pod-120') + 5;
    const after = new ParsedFile(`${before.text.slice(0, at)}X${before.text.slice(at)}`, before);
    const rebuilt = after.documents.filter((document, i) => document.model !== before.documents[i]!.model);
    assert.deepEqual(
      rebuilt.map((document) => document.index),
      [120],
    );
    assert.equal(strip(after), strip(new ParsedFile(after.text)));
  });

  it('inserting or deleting a whole document keeps every other model', () => {
    const before = new ParsedFile(file(50));
    const at = before.documents[10]!.offset;
    const inserted = new ParsedFile(`${before.text.slice(0, at)}---\n${pod(999)}${before.text.slice(at)}`, before);
    assert.equal(inserted.documents.length, 51);
    const reused = inserted.documents.filter((document) =>
      before.documents.some((old) => old.model === document.model),
    );
    assert.equal(reused.length, 50);
    const deleted = new ParsedFile(before.text.slice(0, at) + before.text.slice(before.documents[11]!.offset), before);
    assert.equal(deleted.documents.length, 49);
    assert.ok(deleted.documents.every((document) => before.documents.some((old) => old.model === document.model)));
  });

  it('an edit reuses the diagnostics of every document it did not touch, moved by whole lines', () => {
    const before = new ParsedFile(file(30));
    const first = toDiagnostics(before, DEFAULT_SETTINGS, 'file:///x.yaml');
    assert.ok(first.length >= 30);
    const at = before.documents[10]!.offset + 5;
    const after = new ParsedFile(`${before.text.slice(0, at)}\n\n${before.text.slice(at)}`, before);
    const second = toDiagnostics(after, DEFAULT_SETTINGS, 'file:///x.yaml');
    assert.equal(
      JSON.stringify(second),
      JSON.stringify(toDiagnostics(new ParsedFile(after.text), DEFAULT_SETTINGS, 'file:///x.yaml')),
    );
    // Documents before the edit keep their diagnostic objects; later ones are two lines down.
    const firstOfDocument5 = first.find(
      (d) => d.range.start.line >= before.lineIndex.positionAt(before.documents[5]!.offset).line,
    )!;
    assert.ok(second.includes(firstOfDocument5));
  });

  it('any sequence of edits gives the findings of a fresh analysis (200 random sequences of up to 10 edits)', () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 30 }),
      insert: fc.constantFrom('', 'x', '\n', '---\n', '  ', ':', 'name: a\n', '- ', '"', pod(7)),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => {
        let analysis = new ParsedFile(file(6));
        for (const { at, remove, insert } of edits) {
          const position = at % (analysis.text.length + 1);
          const text = analysis.text.slice(0, position) + insert + analysis.text.slice(position + remove);
          analysis = new ParsedFile(text, analysis);
          assert.equal(strip(analysis), strip(new ParsedFile(text)));
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

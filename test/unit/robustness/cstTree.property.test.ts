import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { compareTrees, loadSeeds } from './fuzzing';

// The fuzzed texts get the same comparison in properties.test.ts (and `npm run fuzz`).
describe('the tree built from the CST equals the composed tree', () => {
  it('on every document of every seed file', () => {
    const tally = { documents: 0, fromCst: 0 };
    for (const seed of loadSeeds(() => undefined)) compareTrees(seed.text, tally);
    console.log(`seed files: ${tally.fromCst} of ${tally.documents} documents built from the CST, all equal to composition`);
    assert.ok(tally.fromCst > tally.documents / 2, 'the CST path should take most real documents');
  });

  it('on documents written to exercise each construct', () => {
    const tally = { documents: 0, fromCst: 0 };
    const texts = [
      'a: 1 # c\nb:\n  - x\n  - {k: v, m: [1, 2]}\nc: |\n  hi\nd:\ne: >-\n  folded\n  text\n',
      '---\n# comment\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    args: ["x", \'y\', z,]\n    env: []\n    ports: [ ]\n',
      'on: yes\noff: NO\n0644: 0644\n1.5: .inf\n~: null\n"quoted": \'single\'\ntime: 2001-12-14\nsexa: 1:30\nbig: 123456789012345678901234567890\n',
      'a:\n  b:\n    c:\n      - - 1\n        - 2\n      -   d: e\n          f: g\n',
      'empty:   # trailing comment\nnext: 1\nlast:\n',
      'x: {a: 1, b: {c: [d, {e: f}]}}  # c\n',
    ];
    for (const text of texts) compareTrees(text, tally);
    assert.equal(tally.fromCst, tally.documents, 'each of these documents should be built from the CST');
  });
});

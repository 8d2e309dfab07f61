import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseYamlDocument } from '../../../server/src/service/yaml/parseYaml';
import { SHARED_DIR } from '../../support/shared';
import { compareTrees, loadSeeds, newTreeTally } from './fuzzing';

// The fuzzed texts get the same comparison in properties.test.ts (and `npm run fuzz`).
describe('the tree the text scanner builds equals the composed tree', () => {
  it('on every document of every seed file', () => {
    const tally = newTreeTally();
    for (const seed of loadSeeds()) compareTrees(seed.text, tally);
    console.log(
      `seed files: of ${tally.documents} documents, ${tally.fromText} read by the text scanner, all equal to composition`,
    );
    if (!existsSync(path.join(SHARED_DIR, 'corpus'))) {
      console.log(
        `NOTE: ${SHARED_DIR}/corpus is absent: how many real manifests the text scanner takes is not checked, only that what they build is right.`,
      );
      return;
    }
    assert.ok(tally.fromText > tally.documents / 2, 'the text scanner should read most real documents');
  });

  it('on documents written to exercise where the text scanner puts comment lines, blank lines and block scalars', () => {
    const tally = newTreeTally();
    const texts = [
      // Comment lines after a value: deeper ones belong to the value, the others to the collection or its parent.
      'a: 1 # c\n\n# x\nb:\n  c: d\n\n  # z\ne:\n- f\n- g: h\n  i: j\n\n# end\n\n',
      'b:\n  c: d\n  # z\ne: 1',
      'b:\n  c: d\n      # z\ne: 1',
      'b:\n  c: d\n  # z\n',
      'b:\n  c: d\n   # z\n\n  # y\n',
      'a:\n  b:\n    c: 1\n   # q\n  # r\n # s\nd: 1',
      'a:\n  - x\n    # deeper\n  # same\n# root\nb: [1, 2] # c\n    # owned\n\n    # owned too\n  # not\n',
      // Block scalars: literal, folded, chomping, trailing blank lines.
      'b:\n  k: |\n    x\n\n  # c\n\ne: 1',
      'b:\n  k: |+\n    x\n\n\ne: 1',
      'k: |+\n  x\n\n',
      'k: |+\n  x',
      'k: >-\n  x\n  y',
      'b:\n- >-\n  a\n  b\n\n  c\n  e\n',
      'script: |-\n  set -e\n  echo "#not a comment"\n\n  exit 0\nnext: >\n  one\n  two\n\n\n  three\n',
      // Compact sequences, nested maps in items, quoted keys, empty values, flow collections, escapes.
      'spec:\n  containers:\n  - name: app\n    ports:\n    - containerPort: 80\n  volumes:\n  - name: v\n    emptyDir: {}\n',
      '"quoted key": \'it\'\'s\'\nplain key: "tab\\tand \\"quote\\" \\\\"\nempty:\nafter: ~\nlist: [a, "b", \'c\', [d], {e: f}]\n',
      '---\napiVersion: v1\nkind: Pod # a pod\nmetadata:\n  name: x\n  labels: {app: web, tier: "1"}\n',
    ];
    for (const text of texts) compareTrees(text, tally);
    assert.equal(tally.fromText, tally.documents, 'each of these documents should be read by the text scanner');
  });

  it('on blank documents: markers, comments, spaces and tabs on lines ending in LF, CRLF or CR, or on a last line without one', () => {
    const tally = newTreeTally();
    const lines = ['---', '--- # x', '...', '\t', ' ', '  \t', '\t ', '# c', '\t# c', ' # c', ''];
    for (const lineBreak of ['\n', '\r\n', '\r'])
      for (const first of lines)
        for (const second of lines)
          for (const last of lines)
            for (const end of ['', lineBreak]) compareTrees([first, second, last].join(lineBreak) + end, tally);
    // A tab on the last line after `---` is indentation to the library ("---\n\t"): composition reports it.
    assert.equal(
      parseYamlDocument('---\n\t')
        .findings.map((finding) => finding.data?.['yamlCode'])
        .join(),
      'TAB_AS_INDENT',
    );
  });

  it('leaves keys that resolve to booleans or numbers to the library, which finds `yes:` and `on:` to be one key', () => {
    const tally = newTreeTally();
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  yes: 1\n  on: 2\n  1: a\n  0x1: b\n';
    compareTrees(text, tally);
    assert.equal(tally.fromText, 0);
    const duplicates = parseYamlDocument(text).findings.filter((finding) => finding.code === 'duplicate-key');
    assert.deepEqual(
      duplicates.map((finding) => text.slice(finding.range.start, finding.range.end)),
      ['on', '0x1'],
    );
  });
});

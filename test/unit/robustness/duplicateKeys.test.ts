import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Composer, Parser } from 'yaml';
import { duplicateKeyErrors, parseYamlDocument } from '../../../server/src/service/yaml/parseYaml';
import { splitDocuments } from '../../../server/src/service/text/splitDocuments';
import { withLineFeeds } from '../../../server/src/service/text/lineBreaks';
import { arbitraryText, loadSeeds, mutatedSeed } from './fuzzing';

/**
 * Composition runs with the library's own duplicate-key check off (it compares each key with
 * every earlier key of its map) and finds duplicates with one Set per map instead: the same
 * duplicates as the library's check, on any input, in linear time, each at the start of the
 * repeated key. The library reports at the same place, except after a key with an empty value,
 * where it reported the line break before the key (and so could not name the key).
 */
const COMPOSE_OPTIONS = { version: '1.1', merge: true, prettyErrors: false, maxAliasCount: 100 } as const;

interface DocumentDuplicates {
  library: number[];
  ours: number[];
  /** The document has syntax errors: its tree is the library's recovery, whose empty keys have no true place. */
  broken: boolean;
}

function duplicatesPerDocument(text: string): DocumentDuplicates[] {
  const documents: DocumentDuplicates[] = [];
  for (const slice of splitDocuments(text)) {
    const tokens = () => new Parser().parse(withLineFeeds(slice.text));
    const checked = Array.from(new Composer({ ...COMPOSE_OPTIONS, uniqueKeys: true }).compose(tokens()));
    const unchecked = Array.from(new Composer({ ...COMPOSE_OPTIONS, uniqueKeys: false }).compose(tokens()));
    for (const [index, document] of checked.entries()) {
      const library = document.errors
        .filter((error) => error.code === 'DUPLICATE_KEY')
        .map((error) => slice.offset + error.pos[0])
        .sort((a, b) => a - b);
      const mirror = unchecked[index]!;
      assert.ok(!mirror.errors.some((error) => error.code === 'DUPLICATE_KEY'));
      const ours = duplicateKeyErrors(mirror.contents).map((error) => slice.offset + error.pos[0]);
      documents.push({ library, ours, broken: document.errors.some((error) => error.code !== 'DUPLICATE_KEY') });
    }
  }
  return documents;
}

function assertSameDuplicates(text: string): number {
  const source = withLineFeeds(text);
  let found = 0;
  for (const { library, ours, broken } of duplicatesPerDocument(text)) {
    const where = `duplicate keys of ${JSON.stringify(text.slice(0, 300))}: ours at ${ours}, the library's at ${library}`;
    assert.equal(ours.length, library.length, where);
    found += library.length;
    // In a document with syntax errors the count must agree; the place of a key the recovery made up need not.
    if (broken) continue;
    ours.forEach((start, index) => {
      const libraryStart = library[index]!;
      const between = source.slice(libraryStart, start);
      assert.ok(start === libraryStart || (start > libraryStart && /^\s+$/.test(between)), where);
    });
  }
  return found;
}

describe('duplicate keys', () => {
  it('are found where the library finds them, in written edge cases', () => {
    const texts = [
      'a: 1\nb: 2\na: 3\n',
      'a: 1\n"a": 2\n\'a\': 3\n',
      'on: 1\nyes: 2\ntrue: 3\n1: a\n0x1: b\n1.0: c\n',
      '.nan: 1\n.NaN: 2\n',
      '~: 1\nnull: 2\n: 3\n',
      '? a\n: 1\n? a\n: 2\n? [x]\n: 3\n? [x]\n: 4\n',
      '&k a: 1\n!!str a: 2\n*k : 3\n',
      '{a: 1, b: 2, a: 3, {c: 1, c: 2}: 4}\n',
      '[a: 1, a: 2, {b: 1, b: 2}]\n',
      'x: &m {a: 1}\ny:\n  <<: *m\n  <<: *m\n  a: 2\n  a: 3\n',
      'a:\n  b: 1\n  b:\n    c: 1\n    c: 2\n- broken\na: 4\n',
      '2001-12-14: a\n2001-12-14: b\n',
      'spec:\nspec:\n  a:\n  a: 1\n',
      // Found by the property test: two empty keys the recovery of a sequence under a map makes up.
      'apiVersion: v1\n- name: a\n-',
    ];
    let found = 0;
    for (const text of texts) found += assertSameDuplicates(text);
    assert.ok(found >= 12, `the edge cases hold duplicates (${found} found)`);
  });

  it('are found where the library finds them, in the fixtures, seed pods and corpus', () => {
    for (const seed of loadSeeds()) assertSameDuplicates(seed.text);
  });

  it('are found where the library finds them, in arbitrary texts and mutated seed files', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => void assertSameDuplicates(text)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(mutatedSeed(loadSeeds()), ({ text }) => void assertSameDuplicates(text)),
      { numRuns: 100 },
    );
  });

  it('in a map of 50,000 keys are all reported, each where it repeats', () => {
    const keys = Array.from({ length: 50_000 }, (_, index) => `key${index}`);
    // Every thousandth key repeats one 999 keys before it, in a block map and in a flow map.
    const repeated = keys.map((key, index) => (index % 1000 === 999 ? keys[index - 999]! : key));
    const block = repeated.map((key, index) => `${key}: ${index}`).join('\n') + '\n';
    const flow = `{${repeated.map((key, index) => `${key}: ${index}`).join(', ')}}\n`;
    for (const text of [block, flow]) {
      const findings = parseYamlDocument(text).findings;
      const expected = repeated.flatMap((key, index) => (index % 1000 === 999 ? [{ key, index }] : []));
      assert.equal(findings.length, expected.length);
      findings.forEach((finding, at) => {
        assert.equal(finding.code, 'duplicate-key');
        assert.equal(text.slice(finding.range.start, finding.range.end), expected[at]!.key);
        assert.ok(finding.message.includes(`"${expected[at]!.key}"`));
      });
      // Where each is reported: the library's own check, run on a tenth of the map (it is quadratic).
      const head = text === block ? block.split('\n').slice(0, 5000).join('\n') : undefined;
      if (head !== undefined) assert.equal(assertSameDuplicates(head), 5);
    }
  });
});

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

function startsOfDuplicates(text: string): { library: number[]; ours: number[] } {
  const library: number[] = [];
  const ours: number[] = [];
  for (const slice of splitDocuments(text)) {
    const tokens = () => new Parser().parse(withLineFeeds(slice.text));
    for (const document of new Composer({ ...COMPOSE_OPTIONS, uniqueKeys: true }).compose(tokens()))
      for (const error of document.errors)
        if (error.code === 'DUPLICATE_KEY') library.push(slice.offset + error.pos[0]);
    for (const document of new Composer({ ...COMPOSE_OPTIONS, uniqueKeys: false }).compose(tokens())) {
      assert.ok(!document.errors.some((error) => error.code === 'DUPLICATE_KEY'));
      for (const error of duplicateKeyErrors(document.contents)) ours.push(slice.offset + error.pos[0]);
    }
  }
  return { library: library.sort((a, b) => a - b), ours };
}

function assertSameDuplicates(text: string): number {
  const { library, ours } = startsOfDuplicates(text);
  const source = withLineFeeds(text);
  const where = `duplicate keys of ${JSON.stringify(text.slice(0, 300))}: ours at ${ours}, the library's at ${library}`;
  assert.equal(ours.length, library.length, where);
  ours.forEach((start, index) => {
    const libraryStart = library[index]!;
    const between = source.slice(libraryStart, start);
    assert.ok(start === libraryStart || (start > libraryStart && /^\s+$/.test(between)), where);
  });
  return library.length;
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

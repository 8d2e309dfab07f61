import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { blockYamlArbitrary } from './blockYaml';
import { Choices, compareTrees, loadSeeds, newTreeTally, podObject, printPod, type TreeTally } from './fuzzing';
import { lintText } from '../../support/text';

/**
 * A file reads the same whatever its line ends: the findings of its LF, CRLF and CR-only
 * versions agree to the line and column, and the text scanner (not the slow composition)
 * reads every document of the CRLF version that it reads in the LF version.
 */
const LINE_ENDS = { crlf: '\r\n', cr: '\r' } as const;

function withLineEnd(lfText: string, lineEnd: string): string {
  return lfText.replace(/\n/g, lineEnd);
}

/** What a finding says and where, in lines and columns (offsets differ between the versions by design). */
function findingsByLine(text: string) {
  return lintText(text).map((finding) => ({
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    start: finding.start,
    end: finding.end,
  }));
}

function assertSameFindings(lfText: string, name: string): void {
  const expected = findingsByLine(lfText);
  for (const [kind, lineEnd] of Object.entries(LINE_ENDS))
    assert.deepEqual(findingsByLine(withLineEnd(lfText, lineEnd)), expected, `${name} with ${kind} line ends`);
}

function assertScannerReadsCrlf(lfTexts: readonly string[]): { lf: TreeTally; crlf: TreeTally } {
  const lf = newTreeTally();
  const crlf = newTreeTally();
  for (const text of lfTexts) {
    // compareTrees throws when a tree the scanner builds differs from the library's composition.
    compareTrees(text, lf);
    compareTrees(withLineEnd(text, '\r\n'), crlf);
  }
  assert.equal(crlf.documents, lf.documents);
  assert.equal(crlf.fromText, lf.fromText, 'the text scanner should read as many CRLF documents as LF ones');
  return { lf, crlf };
}

const generatedPods = (): string[] => [
  ...fc.sample(
    fc.tuple(podObject, fc.boolean()).map(([pod, flow]) => printPod(pod, flow)),
    { numRuns: 150, seed: 18 },
  ),
  ...fc.sample(
    blockYamlArbitrary((seed) => new Choices(seed)),
    { numRuns: 150, seed: 18 },
  ),
];

describe('CRLF and CR-only files read like their LF versions', () => {
  const seeds = loadSeeds().map((seed) => ({ name: seed.name, text: seed.text.replace(/\r\n?/g, '\n') }));

  it('gives the same findings at the same lines and columns on the fixtures, seed pods and corpus', () => {
    for (const seed of seeds) assertSameFindings(seed.text, seed.name);
  });

  it('gives the same findings on generated pods', () => {
    generatedPods().forEach((text, index) => assertSameFindings(text, `generated pod ${index}`));
  });

  it('builds the composed tree with the text scanner for CRLF documents as often as for LF ones', () => {
    const { crlf } = assertScannerReadsCrlf([...seeds.map((seed) => seed.text), ...generatedPods()]);
    assert.ok(crlf.fromText > crlf.documents / 2, 'most CRLF documents should be read by the text scanner');
  });

  it('keeps the `\\r` of a CRLF out of values and ranges, block scalars included', () => {
    const text = 'a: |\r\n  x  \r\n\r\n  y\r\nb: >-\r\n  one\r\n  two\r\nc: "q" # note\r\nd:\r\n- e\r\n  # owned\r\n';
    const tally = newTreeTally();
    compareTrees(text, tally);
    assert.equal(tally.fromText, 1);
  });
});

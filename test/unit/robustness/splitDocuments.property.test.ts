import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitDocuments } from '../../../server/src/service/text/splitDocuments';

/** The rule written the slow, obvious way: every line, in order. */
function referenceStarts(text: string): number[] {
  const isMarkerLine = (line: string, char: string) => line.startsWith(char.repeat(3)) && (line.length === 3 || ' \t\r'.includes(line[3]!));
  const starts = [0];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (lineStart > 0 && isMarkerLine(line, '-')) starts.push(lineStart);
    const nextLine = lineStart + line.length + 1;
    if (isMarkerLine(line, '.') && nextLine < text.length) starts.push(nextLine);
    lineStart = nextLine;
  }
  return starts.filter((start, i) => i === 0 || start !== starts[i - 1]);
}

describe('splitDocuments agrees with a line-by-line reference', () => {
  it('on 5,000 texts made of marker characters', () => {
    const text = fc.array(fc.constantFrom('-', '.', '---', '...', '\n', '\r\n', ' ', '\t', 'a', ': b', '#'), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (input) => {
        const slices = splitDocuments(input);
        assert.deepEqual(slices.map((slice) => slice.offset), referenceStarts(input));
        assert.equal(slices.map((slice) => slice.text).join(''), input);
        slices.forEach((slice, index) => assert.equal(slice.index, index));
      }),
      { numRuns: 5000, seed: 7 },
    );
  });
});

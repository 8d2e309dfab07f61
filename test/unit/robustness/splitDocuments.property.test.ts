import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitDocuments } from '../../../server/src/service/text/splitDocuments';

/**
 * The rule written the slow, obvious way: every line, in order. A lone `\r` ends a line
 * (replaced by `\n`, which keeps offsets); a leading byte order mark belongs to no document.
 */
function referenceStarts(input: string): number[] {
  const text = input.replace(/\r(?!\n)/g, '\n');
  const isMarkerLine = (line: string, char: string) =>
    line.startsWith(char.repeat(3)) && (line.length === 3 || ' \t\r'.includes(line[3]!));
  const first = text.startsWith('\uFEFF') ? 1 : 0;
  const starts = [first];
  let lineStart = first;
  for (const line of text.slice(first).split('\n')) {
    if (lineStart > first && isMarkerLine(line, '-')) starts.push(lineStart);
    const nextLine = lineStart + line.length + 1;
    if (isMarkerLine(line, '.') && nextLine < text.length) starts.push(nextLine);
    lineStart = nextLine;
  }
  return starts.filter((start, i) => i === 0 || start !== starts[i - 1]);
}

describe('splitDocuments agrees with a line-by-line reference', () => {
  it('on 5,000 texts made of marker characters', () => {
    const text = fc
      .tuple(
        fc.boolean(),
        fc.array(fc.constantFrom('-', '.', '---', '...', '\n', '\r\n', '\r', ' ', '\t', 'a', ': b', '#'), {
          maxLength: 60,
        }),
      )
      .map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.join(''));
    fc.assert(
      fc.property(text, (input) => {
        const slices = splitDocuments(input);
        assert.deepEqual(
          slices.map((slice) => slice.offset),
          referenceStarts(input),
        );
        assert.equal(slices.map((slice) => slice.text).join(''), input.replace(/^\uFEFF/, ''));
        slices.forEach((slice, index) => assert.equal(slice.index, index));
      }),
      { numRuns: 5000, seed: 7 },
    );
  });
});

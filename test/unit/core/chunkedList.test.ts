import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ChunkedList } from '../../../server/src/service/text/chunkedList';

/** A splice as fractions of the current length, so it applies to whatever the list has become. */
const splice = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  span: fc.double({ min: 0, max: 1, noNaN: true }),
  inserted: fc.integer({ min: 0, max: 700 }),
});

function chunksOf<T>(list: ChunkedList<T>): (readonly T[])[] {
  return Array.from({ length: list.chunkCount }, (_, c) => list.chunk(c));
}

describe('ChunkedList', () => {
  it('equals an array spliced the same way, with chunks that stay full enough', () => {
    let next = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.array(splice, { maxLength: 25 }), (initial, splices) => {
        let array = Array.from({ length: initial }, () => next++);
        let list = ChunkedList.of(array);
        for (const { at, span, inserted } of splices) {
          const start = Math.floor(at * array.length);
          const deleteCount = Math.floor(span * (array.length - start));
          const items = Array.from({ length: inserted }, () => next++);
          const before = list;
          list = list.splice(start, deleteCount, items);
          array = [...array.slice(0, start), ...items, ...array.slice(start + deleteCount)];
          // Chunks before the change are the very same arrays.
          const kept = chunksOf(before).filter((chunk) => chunksOf(list).includes(chunk)).length;
          if (start > 512) assert.ok(kept > 0, 'no chunk shared');
        }
        assert.equal(list.length, array.length);
        assert.deepEqual(list.slice(0), array);
        for (let i = 0; i < array.length; i += 7) assert.equal(list.at(i), array[i]);
        const from = Math.floor(array.length / 3);
        assert.deepEqual(list.slice(from, from + 300), array.slice(from, from + 300));
        const chunks = chunksOf(list);
        assert.ok(
          chunks.every((chunk) => chunk.length > 0 && chunk.length <= 256),
          'a chunk is empty or too long',
        );
        let start = 0;
        chunks.forEach((chunk, c) => {
          assert.equal(list.chunkStart(c), start);
          if (chunk.length > 0) assert.equal(list.chunkOf(start), c);
          start += chunk.length;
        });
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('keeps what is derived from a chunk for every version sharing it', () => {
    const list = ChunkedList.of(Array.from({ length: 1000 }, (_, i) => i));
    const key = Symbol('sum');
    let computed = 0;
    const sum = (items: readonly number[]) => {
      computed++;
      return items.reduce((total, item) => total + item, 0);
    };
    const total = (of: ChunkedList<number>) =>
      Array.from({ length: of.chunkCount }, (_, c) => of.derived(c, key, sum)).reduce((a, b) => a + b, 0);
    assert.equal(total(list), 499500);
    const edited = list.splice(990, 1, [-990]);
    assert.equal(total(edited), 499500 - 1980);
    // Only the chunk the splice replaced was summed again.
    assert.equal(computed, list.chunkCount + 1);
  });
});

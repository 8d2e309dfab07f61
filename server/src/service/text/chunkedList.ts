/** Items per chunk: an edit copies about this many items plus one entry per chunk. */
const CHUNK = 256;

/**
 * An immutable list kept as chunks of at most `CHUNK` items. A version made by `splice` shares
 * every chunk the change does not touch, so replacing a few items of a list of n costs about
 * `CHUNK + n / CHUNK` instead of a copy of n; an unchanged chunk is the very same array in every
 * version, so what is derived from it can be kept on it (`derived`).
 */
export class ChunkedList<T> {
  private constructor(
    private readonly chunks: readonly (readonly T[])[],
    /** The index of each chunk's first item, then the length. */
    private readonly starts: Int32Array,
  ) {}

  static of<T>(items: readonly T[]): ChunkedList<T> {
    return ChunkedList.fromChunks(chunked(items));
  }

  private static fromChunks<T>(chunks: readonly (readonly T[])[]): ChunkedList<T> {
    const starts = new Int32Array(chunks.length + 1);
    for (let c = 0; c < chunks.length; c++) starts[c + 1] = starts[c]! + chunks[c]!.length;
    return new ChunkedList(chunks, starts);
  }

  get length(): number {
    return this.starts[this.chunks.length]!;
  }

  get chunkCount(): number {
    return this.chunks.length;
  }

  /** The items of chunk `c` (the same array in every version that did not change it). */
  chunk(c: number): readonly T[] {
    return this.chunks[c]!;
  }

  /** The index of chunk `c`'s first item. */
  chunkStart(c: number): number {
    return this.starts[c]!;
  }

  /** The chunk holding item `index`. */
  chunkOf(index: number): number {
    return Math.max(0, lastAtMost(this.starts, index, this.chunks.length));
  }

  at(index: number): T {
    const c = this.chunkOf(index);
    return this.chunks[c]![index - this.starts[c]!]!;
  }

  /** The items from `start` up to (not including) `end`. */
  slice(start: number, end: number = this.length): T[] {
    const out: T[] = [];
    if (start >= end) return out;
    for (let c = this.chunkOf(start); c < this.chunks.length && this.starts[c]! < end; c++) {
      const chunk = this.chunks[c]!;
      const from = Math.max(0, start - this.starts[c]!);
      const to = Math.min(chunk.length, end - this.starts[c]!);
      for (let i = from; i < to; i++) out.push(chunk[i]!);
    }
    return out;
  }

  /** The list with `deleteCount` items from `start` replaced by `inserted`. */
  splice(start: number, deleteCount: number, inserted: readonly T[]): ChunkedList<T> {
    if (deleteCount === 0 && inserted.length === 0) return this;
    if (this.chunks.length === 0) return ChunkedList.of(inserted);
    const end = start + deleteCount;
    const first = start < this.length ? this.chunkOf(start) : this.chunks.length - 1;
    let last = end > start ? this.chunkOf(end - 1) : first;
    let merged = this.chunks[first]!.slice(0, start - this.starts[first]!).concat(
      inserted,
      this.chunks[last]!.slice(end - this.starts[last]!),
    );
    // A chunk shrunk by removals joins the next one, so the number of chunks stays about n / CHUNK.
    if (merged.length < CHUNK / 2 && last + 1 < this.chunks.length) merged = merged.concat(this.chunks[++last]!);
    return ChunkedList.fromChunks(this.chunks.slice(0, first).concat(chunked(merged), this.chunks.slice(last + 1)));
  }

  /** What `derive` computes from a chunk, kept on the chunk for every version that shares it. */
  derived<D>(c: number, key: symbol, derive: (items: readonly T[]) => D): D {
    // A hidden property of the chunk (as `service/slots.ts` keeps caches, which this layer may not import).
    const chunk = this.chunks[c]! as unknown as Record<symbol, D | undefined>;
    const known = chunk[key];
    if (known !== undefined) return known;
    const value = derive(this.chunks[c]!);
    Object.defineProperty(chunk, key, { value, enumerable: false });
    return value;
  }
}

/** Items cut into chunks of nearly equal size, at most `CHUNK` each. */
function chunked<T>(items: readonly T[]): (readonly T[])[] {
  if (items.length === 0) return [];
  const count = Math.ceil(items.length / CHUNK);
  const size = Math.ceil(items.length / count);
  const chunks: T[][] = [];
  for (let at = 0; at < items.length; at += size) chunks.push(items.slice(at, at + size));
  return chunks;
}

/** Index of the last element ≤ `value` in an ascending array (-1 if none). */
export function lastAtMost(sorted: ArrayLike<number>, value: number, length: number = sorted.length): number {
  let low = 0;
  let high = length - 1;
  if (high < 0 || sorted[0]! > value) return -1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid]! <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

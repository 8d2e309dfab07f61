// Random documents in the shapes people write manifests in, line by line: block maps and
// sequences at varied indentation, compact sequences, one-line plain, quoted and flow
// values, block scalars, and comment and blank lines at every indentation between them.
// They reach the text scanner's every branch, above all where comment lines belong.
import fc from 'fast-check';

type Random = { nextInt(min: number, max: number): number; nextBoolean(): boolean };

// Keys that stay text (`on:` or `1:` send a document to the library; fastTrees.property.test.ts covers them).
const KEYS = [
  'name',
  'image',
  'a b',
  'x.y/z',
  '"quoted"',
  "'single'",
  'null',
  'k-1',
  'ports',
  'env',
  'http://h',
  'args',
  'spec',
  'metadata',
];
const VALUES = [
  'x',
  'nginx:1.27',
  '1',
  '-1',
  '0644',
  '0x1F',
  '1e3',
  '.5',
  '.inf',
  'yes',
  'No',
  'on',
  '~',
  'null',
  '2001-12-14',
  '1:30',
  'a b  c',
  'a#b',
  'http://h:80/p',
  '-x',
  "'it''s'",
  '"d\\"q\\\\"',
  '"tab\\tnl\\n"',
  '"plain"',
  "''",
  '""',
  '[]',
  '{}',
  '[a, "b", 1]',
  '{a: 1, b: [c, d]}',
  '[a, ]',
  '{k: v,}',
  '[[1], {x: y}]',
  '50m',
  '64Mi',
];
const COMMENTS = ['# c', '#', '# - not: item', '#: x'];

class Writer {
  readonly lines: string[] = [];
  constructor(private readonly random: Random) {}

  pick<T>(items: readonly T[]): T {
    return items[this.random.nextInt(0, items.length - 1)]!;
  }

  /** Blank and comment lines at random indentation, often none. */
  filler(indent: number): void {
    const count = this.random.nextInt(0, 6) < 4 ? 0 : this.random.nextInt(1, 3);
    for (let i = 0; i < count; i++) {
      const kind = this.random.nextInt(0, 3);
      if (kind === 0) this.lines.push('');
      else if (kind === 1) this.lines.push(' '.repeat(this.random.nextInt(0, indent + 4)));
      else this.lines.push(`${' '.repeat(this.random.nextInt(0, indent + 6))}${this.pick(COMMENTS)}`);
    }
  }

  trailingComment(): string {
    return this.random.nextInt(0, 4) === 0 ? ` ${this.pick(COMMENTS)}` : '';
  }

  /** A value after `key:` or `- ` on the line `prefix`; nested collections go on the lines after. */
  value(prefix: string, indent: number, depth: number, inMap: boolean): void {
    const kind = depth > 4 ? 0 : this.random.nextInt(0, 9);
    if (kind <= 4) {
      this.lines.push(`${prefix} ${this.pick(VALUES)}${this.trailingComment()}`);
    } else if (kind === 5) {
      const header = this.pick(['|', '|-', '|+', '>', '>-', '>+']);
      this.lines.push(`${prefix} ${header}${this.trailingComment()}`);
      const contentIndent = indent + this.random.nextInt(1, 3);
      const count = this.random.nextInt(1, 4);
      for (let i = 0; i < count; i++) {
        if (i > 0 && this.random.nextInt(0, 3) === 0) this.lines.push('');
        this.lines.push(
          `${' '.repeat(contentIndent)}${this.pick(['line', 'two words', '# not a comment', 'key: value', '- item'])}`,
        );
      }
    } else if (kind === 6 && inMap) {
      this.lines.push(`${prefix}${this.trailingComment()}`);
    } else {
      this.lines.push(`${prefix}${this.trailingComment()}`);
      this.filler(indent);
      const compact = inMap && this.random.nextBoolean();
      const nested = compact ? indent : indent + this.random.nextInt(1, 4);
      if (kind % 2 === 0 || compact) this.seq(nested, depth + 1);
      else this.map(nested, depth + 1);
    }
  }

  map(indent: number, depth: number, firstPrefix?: string): void {
    const keys = [...new Set(Array.from({ length: this.random.nextInt(1, 4) }, () => this.pick(KEYS)))];
    keys.forEach((key, i) => {
      if (i > 0) this.filler(indent);
      const prefix = i === 0 && firstPrefix !== undefined ? `${firstPrefix}${key}:` : `${' '.repeat(indent)}${key}:`;
      this.value(prefix, indent, depth, true);
    });
  }

  seq(indent: number, depth: number): void {
    const count = this.random.nextInt(1, 3);
    for (let i = 0; i < count; i++) {
      if (i > 0) this.filler(indent);
      const dash = `${' '.repeat(indent)}-${' '.repeat(this.random.nextInt(1, 2))}`;
      if (depth < 4 && this.random.nextBoolean()) this.map(dash.length, depth + 1, dash);
      else this.value(dash.trimEnd(), indent, depth + 1, false);
    }
  }
}

export function blockYamlDocument(random: Random): string {
  const writer = new Writer(random);
  if (random.nextBoolean()) writer.lines.push(random.nextBoolean() ? '---' : '--- # doc');
  writer.filler(0);
  writer.map(0, 0);
  writer.filler(0);
  return writer.lines.join('\n') + (random.nextInt(0, 3) === 0 ? '' : '\n');
}

export const blockYamlArbitrary = (newRandom: (seed: number) => Random): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((seed) => blockYamlDocument(newRandom(seed)));

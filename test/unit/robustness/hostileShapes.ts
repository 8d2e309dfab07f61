/**
 * Generated hostile shapes for the bounded-work property (`hostileShapes.property.test.ts` at
 * a size that takes seconds, `npm run fuzz` at sizes up to the 5 MB file size limit): deep
 * nesting of every kind, long lines, many documents, aliases, merge keys, a byte order mark
 * and every mix of line endings. Each case says which finding must name its problem.
 */
import fc from 'fast-check';
import { DEFAULT_SETTINGS, lintText, LineIndex, type FileFinding } from '../../../server/src/service';
import { MAX_DOCUMENTS } from '../../../server/src/service/parsedFile';
import { MAX_NESTING } from '../../../server/src/service/yaml/preScan';
import { checkService } from './fuzzing';

export interface HostileCase {
  /** The kind of shape (for counting), and this case's description. */
  readonly family: string;
  readonly shape: string;
  readonly text: string;
  /** An error whose message matches must be reported; undefined: the shape is legal at this size. */
  readonly expect?: RegExp;
  /** A message that must not appear (a legal shape must not be refused). */
  readonly forbid?: RegExp;
}

export interface HostileScale {
  /** Largest nesting depth generated (refused ones go from MAX_NESTING + 50 up to this). */
  readonly maxDepth: number;
  /** Longest line, in characters. */
  readonly maxLine: number;
  /** Most documents in one file. */
  readonly maxDocuments: number;
  /** Most keys in one map that composition (not the text scanner) reads. */
  readonly maxKeys: number;
}

/** Seconds in `npm test`: large enough that an unbounded parse of the deep shapes would fail the time bound. */
export const UNIT_SCALE: HostileScale = { maxDepth: 60_000, maxLine: 50_000, maxDocuments: 1_000, maxKeys: 500 };
/** `npm run fuzz`: up to the 5 MB size limit. */
export const FUZZ_SCALE: HostileScale = {
  maxDepth: 5 * 2 ** 20,
  maxLine: 5 * 2 ** 20,
  maxDocuments: 2 * MAX_DOCUMENTS,
  maxKeys: 3_000,
};

const POD_HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hostile\nspec:\n';
const CONTAINER = '  containers:\n  - name: app\n    image: nginx:1.27\n';
const TOO_DEEP = /nesting deeper than/;

/** A depth that is either clearly legal or clearly past the pre-scan's limit (its estimate is not exact near it). */
const depth = (scale: HostileScale) =>
  fc.oneof(
    fc.integer({ min: 1, max: MAX_NESTING - 60 }),
    fc.integer({ min: MAX_NESTING + 50, max: Math.max(MAX_NESTING + 50, scale.maxDepth) }),
  );
const expectDeep = (levels: number) => (levels > MAX_NESTING ? { expect: TOO_DEEP } : { forbid: TOO_DEEP });

function flowNesting(scale: HostileScale): fc.Arbitrary<HostileCase> {
  return fc
    .record({
      levels: depth(scale),
      open: fc.constantFrom('[', '{', 'mixed'),
      closed: fc.boolean(),
      inArgs: fc.boolean(),
    })
    .map(({ levels, open, closed, inArgs }) => {
      const opener = (i: number) => (open === 'mixed' ? (i % 2 ? '[' : '{"k": ') : open === '{' ? '{"k": ' : '[');
      let value = '';
      for (let i = 0; i < levels; i++) value += opener(i);
      if (closed) for (let i = levels - 1; i >= 0; i--) value += opener(i) === '[' ? ']' : '}';
      const text = inArgs ? `${POD_HEAD}${CONTAINER}    args: ${value}\n` : `${POD_HEAD}  containers: ${value}\n`;
      // An unclosed shallow value is a syntax error of its own; only the depth is asserted then.
      return {
        family: 'flow nesting',
        shape: `flow ${open} ×${levels}${closed ? '' : ' (unclosed)'}`,
        text,
        ...expectDeep(levels),
      };
    });
}

function blockNesting(scale: HostileScale): fc.Arbitrary<HostileCase> {
  // Indentation grows with depth, so the text grows with its square: bounded by the line budget.
  const maxLevels = Math.max(MAX_NESTING + 50, Math.floor(Math.sqrt(2 * scale.maxLine)));
  const levels = fc.oneof(
    fc.integer({ min: 1, max: MAX_NESTING - 60 }),
    fc.integer({ min: MAX_NESTING + 50, max: maxLevels }),
  );
  return fc.record({ levels, kind: fc.constantFrom('map', 'seq', 'mixed') }).map(({ levels, kind }) => {
    const lines: string[] = [];
    for (let i = 0; i < levels; i++) {
      const asSeq = kind === 'seq' || (kind === 'mixed' && i % 2 === 1);
      lines.push(`${' '.repeat(i + 4)}${asSeq ? '-' : `k${i}:`}`);
    }
    return {
      family: 'block nesting',
      shape: `block ${kind} ×${levels}`,
      text: `${POD_HEAD}${CONTAINER}  nested:\n${lines.join('\n')} end\n`,
      ...expectDeep(levels),
    };
  });
}

function compactNesting(scale: HostileScale): fc.Arbitrary<HostileCase> {
  return fc.record({ levels: depth(scale), indicator: fc.constantFrom('- ', '? ') }).map(({ levels, indicator }) => ({
    family: 'compact nesting',
    shape: `compact "${indicator.trim()}" ×${levels}`,
    text: `${POD_HEAD}${CONTAINER}  nested:\n  ${indicator.repeat(levels)}x\n`,
    ...expectDeep(levels),
  }));
}

function longLine(scale: HostileScale): fc.Arbitrary<HostileCase> {
  return fc
    .record({
      length: fc.integer({ min: 1, max: scale.maxLine }),
      kind: fc.constantFrom('plain', 'double', 'flow', 'key', 'brackets-in-string'),
    })
    .map(({ length, kind }) => {
      const line =
        kind === 'plain'
          ? `    args: [${'a'.repeat(length)}]`
          : kind === 'double'
            ? `    image: "${'\\t'.repeat(Math.ceil(length / 2))}"`
            : kind === 'flow'
              ? `    args: [${Array.from({ length: Math.ceil(length / 2) }, () => 'a').join(',')}]`
              : kind === 'key'
                ? `    ${'k'.repeat(length)}: 1`
                : `    command: ["${'['.repeat(length)}"]`;
      const tooLongKey = kind === 'key' && length > 1024;
      // Brackets inside a string are text, never nesting.
      return {
        family: 'long line',
        shape: `long ${kind} line of ${length}`,
        text: `${POD_HEAD}${CONTAINER}${line}\n`,
        ...(tooLongKey ? { expect: /1024/ } : { forbid: TOO_DEEP }),
      };
    });
}

function manyDocuments(scale: HostileScale): fc.Arbitrary<HostileCase> {
  return fc
    .record({
      count: fc.integer({ min: 1, max: scale.maxDocuments }),
      piece: fc.constantFrom('---\n', 'a: 1\n---\n', '--- # c\n\n', '...\n'),
    })
    .map(({ count, piece }) => {
      const text = `${POD_HEAD}${CONTAINER}---\n${piece.repeat(count)}`;
      const documents = 2 + (piece === '...\n' ? Math.max(0, count - 1) : count);
      return {
        family: 'many documents',
        shape: `${count} × ${JSON.stringify(piece)}`,
        text,
        ...(documents > MAX_DOCUMENTS + 10
          ? { expect: /YAML documents, more than/ }
          : documents < MAX_DOCUMENTS - 10
            ? { forbid: /YAML documents, more than/ }
            : {}),
      };
    });
}

function aliases(): fc.Arbitrary<HostileCase> {
  return fc
    .record({ levels: fc.integer({ min: 1, max: 12 }), fanOut: fc.integer({ min: 1, max: 10 }) })
    .map(({ levels, fanOut }) => {
      const lines = ['    a0: &a0 [x]'];
      for (let level = 1; level <= levels; level++)
        lines.push(
          `    a${level}: &a${level} [${Array(fanOut)
            .fill(`*a${level - 1}`)
            .join(', ')}]`,
        );
      const expanded = fanOut ** levels;
      return {
        family: 'aliases',
        shape: `alias tree ${fanOut}^${levels}`,
        text: `${POD_HEAD}${CONTAINER}  x:\n${lines.join('\n')}\n`,
        ...(expanded > 2_000_000 ? { expect: /alias/ } : expanded < 100_000 ? { forbid: /alias/ } : {}),
      };
    });
}

function mergeKeys(): fc.Arbitrary<HostileCase> {
  return fc
    .record({ levels: fc.integer({ min: 1, max: 40 }), fanOut: fc.integer({ min: 1, max: 4 }) })
    .map(({ levels, fanOut }) => {
      const lines = ['m0: &m0 {k0: 1}'];
      for (let level = 1; level <= levels; level++)
        lines.push(
          `m${level}: &m${level}\n  <<: [${Array(fanOut)
            .fill(`*m${level - 1}`)
            .join(', ')}]\n  k${level}: 1`,
        );
      // Each level copies fanOut times the previous level's fields.
      const copied = fanOut === 1 ? levels * levels : fanOut ** (levels + 1);
      return {
        family: 'merge keys',
        shape: `merge keys ${fanOut}^${levels}`,
        text: `${POD_HEAD}${CONTAINER}  x:\n${lines.join('\n').replace(/^/gm, '    ')}\n`,
        ...(copied > 4_000_000
          ? { expect: /merge-key bomb/ }
          : copied < 100_000
            ? { forbid: /merge-key bomb|call stack/ }
            : {}),
      };
    });
}

function wideMap(scale: HostileScale): fc.Arbitrary<HostileCase> {
  // An anchor sends the map to composition instead of the text scanner.
  return fc.integer({ min: 1, max: scale.maxKeys }).map((keys) => ({
    family: 'wide map',
    shape: `map of ${keys} keys (composed)`,
    text: `${POD_HEAD}${CONTAINER}  x: &wide\n${Array.from({ length: keys }, (_, i) => `    k${i}: 1`).join('\n')}\n`,
    forbid: TOO_DEEP,
  }));
}

export function hostileCase(scale: HostileScale): fc.Arbitrary<HostileCase> {
  return (
    fc
      .oneof(
        flowNesting(scale),
        blockNesting(scale),
        compactNesting(scale),
        longLine(scale),
        manyDocuments(scale),
        aliases(),
        mergeKeys(),
        wideMap(scale),
      )
      // A failing case is reported by its description (its text may be megabytes); the seed replays it.
      .map((testCase) =>
        Object.assign(testCase, {
          [fc.toStringMethod]: () => `${testCase.shape} (${testCase.text.length} characters)`,
        }),
      )
  );
}

export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed';
export const lineEnding: fc.Arbitrary<{ ending: LineEnding; bom: boolean; salt: number }> = fc.record({
  ending: fc.constantFrom<LineEnding>('lf', 'crlf', 'cr', 'mixed'),
  bom: fc.boolean(),
  salt: fc.nat(),
});

/** The LF text rewritten with other line endings (mixed: chosen per line from the salt) and an optional byte order mark. */
export function withEnding(
  text: string,
  { ending, bom, salt }: { ending: LineEnding; bom: boolean; salt: number },
): string {
  let line = 0;
  const rewritten = text.replace(/\n/g, () => {
    const pick = ending === 'mixed' ? (['lf', 'crlf', 'cr'] as const)[(salt + line++ * 7) % 3]! : ending;
    return pick === 'lf' ? '\n' : pick === 'crlf' ? '\r\n' : '\r';
  });
  return bom ? `\uFEFF${rewritten}` : rewritten;
}

/** Findings as an editor shows them: code, severity, message and start position (line, character). */
function shown(text: string, findings: readonly FileFinding[]): string[] {
  const lines = new LineIndex(text.replace(/^\uFEFF/, ''));
  const shift = text.startsWith('\uFEFF') ? 1 : 0;
  return findings.map((finding) => {
    const { line, character } = lines.positionAt(Math.max(0, finding.range.start - shift));
    return `${finding.code} ${finding.severity} ${line}:${character} ${finding.message}`;
  });
}

export interface HostileOutcome {
  readonly milliseconds: number;
  readonly findings: readonly FileFinding[];
}

/**
 * Runs the service on one case, written with the given line endings, and throws unless it
 * answers within `budgetMs` with the expected finding, and shows the same problems at the
 * same lines and columns as the plain LF text does.
 */
export function checkHostileCase(
  testCase: HostileCase,
  ending: { ending: LineEnding; bom: boolean; salt: number },
  budgetMs: number,
): HostileOutcome {
  const text = withEnding(testCase.text, ending);
  // The budget is for the whole file however many documents it holds, checked here rather than per document.
  const { findings, milliseconds } = checkService(text, DEFAULT_SETTINGS, Number.POSITIVE_INFINITY);
  if (milliseconds > budgetMs)
    throw new Error(`${testCase.shape}: took ${milliseconds.toFixed(0)} ms (budget ${budgetMs} ms)`);
  const errors = findings.filter((finding) => finding.severity === 'error').map((finding) => finding.message);
  if (testCase.expect && !errors.some((message) => testCase.expect!.test(message))) {
    throw new Error(
      `${testCase.shape}: expected an error matching ${testCase.expect}, got ${JSON.stringify(errors.slice(0, 5))}`,
    );
  }
  if (testCase.forbid && findings.some((finding) => testCase.forbid!.test(finding.message))) {
    throw new Error(
      `${testCase.shape}: a legal shape was refused: ${JSON.stringify(findings.find((finding) => testCase.forbid!.test(finding.message))!.message)}`,
    );
  }
  if (ending.ending !== 'lf' || ending.bom) {
    const reference = shown(testCase.text, lintText(testCase.text, DEFAULT_SETTINGS).findings);
    const actual = shown(text, findings);
    if (JSON.stringify(actual) !== JSON.stringify(reference)) {
      throw new Error(
        `${testCase.shape} with ${ending.ending}${ending.bom ? ' and a BOM' : ''} line endings: other problems than the LF text:\n${actual.slice(0, 5).join('\n')}\nvs\n${reference.slice(0, 5).join('\n')}`,
      );
    }
  }
  return { milliseconds, findings };
}

/** Runs `runs` generated cases (`npm run fuzz` and the unit test); returns how many of each shape ran and the slowest. */
export function runHostileShapes(
  runs: number,
  scale: HostileScale,
  budgetMs: number,
  seed?: number,
): { shapes: Record<string, number>; slowest: { shape: string; milliseconds: number } } {
  const shapes: Record<string, number> = {};
  let slowest = { shape: '', milliseconds: 0 };
  fc.assert(
    fc.property(hostileCase(scale), lineEnding, (testCase, ending) => {
      const { milliseconds } = checkHostileCase(testCase, ending, budgetMs);
      shapes[testCase.family] = (shapes[testCase.family] ?? 0) + 1;
      if (milliseconds > slowest.milliseconds)
        slowest = { shape: `${testCase.shape} (${ending.ending}${ending.bom ? ', BOM' : ''})`, milliseconds };
    }),
    { numRuns: runs, endOnFailure: true, ...(seed !== undefined ? { seed } : {}) },
  );
  return { shapes, slowest };
}

import {
  Composer,
  isAlias,
  isMap as isYamlMap,
  isPair,
  isScalar as isYamlScalar,
  isSeq as isYamlSeq,
  Parser,
  type Alias,
  type Document,
  type Node as YamlNode,
  type Scalar,
} from 'yaml';
import type { Finding } from '../findings/finding';
import { treeFromText } from './textTree';
import { storedValue } from './plainScalars';
import { onePerProblem, plainSyntaxError } from './syntaxMessages';
import { findExcessiveNesting, MAX_NESTING } from './preScan';
import { firstLineRange } from '../text/lineIndex';
import { withLineFeeds } from '../text/lineBreaks';
import { toJSON, type Range, type YMap, type YNode, type YPair, type YScalar, type YSeq } from './nodes';

/**
 * Kubernetes decodes manifests with a YAML 1.1 decoder: `yes`/`no`/`on`/`off` are booleans
 * and `0644` is octal. Parsing as 1.1 means the schema sees the values the API server sees.
 */
const PARSE_OPTIONS = {
  version: '1.1',
  // The library compares each key with every earlier key of its map: `duplicateKeyErrors` does it in linear time.
  uniqueKeys: false,
  merge: true,
  prettyErrors: false,
  maxAliasCount: 100,
} as const;

/** yaml error codes that Go's decoder (and so kubectl) accepts: reported as warnings only. */
const TOLERATED_BY_KUBECTL = new Set(['BAD_DQ_ESCAPE']);

export interface ParsedYaml {
  /** The document's root node; null for an empty or comment-only document. */
  readonly root: YNode | null;
  readonly findings: readonly Finding[];
}

/**
 * Parses one YAML document's text (as cut by `splitDocuments`) into our node tree. Documents
 * in the shapes manifests are usually written in are read straight from the text; the
 * others (and any the text scanner is unsure about) go through the library's full
 * composition, which reports every problem, unless a linear pre-scan finds them nested too
 * deeply for the library to parse in bounded time and memory. A lone `\r` is a line break,
 * as YAML and the API server's decoder read it (made `\n`, which keeps every offset).
 */
export function parseYamlDocument(original: string): ParsedYaml {
  const text = withByteOrderMarkFirst(withLineFeeds(original));
  const blank = BLANK_DOCUMENT.exec(text);
  if (blank) return { root: blankDocumentRoot(text, blank), findings: [] };
  const scanned = scannedTree(text);
  if (scanned !== undefined) return { root: scanned, findings: [] };
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep) return { root: null, findings: [tooDeepToParseFinding(text, tooDeep.offset)] };
  return composedTree(text);
}

/** A `---` line, then a byte order mark opening the next line. */
const MARKER_THEN_BYTE_ORDER_MARK = /^(---[^\n]*\n)\uFEFF/;

/**
 * What `cat` makes of files saved with a byte order mark: `---`, then the mark opening the next line.
 * kubectl cuts the stream at `---` lines and decodes each document alone, so the mark opens its
 * input and is skipped (apimachinery's `YAMLReader`, then gopkg.in/yaml.v2's encoding check); the
 * library would read it as part of the first key. Moved in front of the marker line, where the
 * library skips it too, it keeps every offset from the line after the marker on.
 */
function withByteOrderMarkFirst(text: string): string {
  const match = MARKER_THEN_BYTE_ORDER_MARK.exec(text);
  return match ? `\uFEFF${match[1]}${text.slice(match[0].length)}` : text;
}

/**
 * The text scanner's tree of a document (lone `\r` made `\n` first), or `undefined` where it
 * leaves the document to composition. The scanner reads `\n` line ends only: a document with
 * CRLFs is scanned with each made `\n`, and the tree's offsets are then moved past the removed
 * `\r`s. That is the tree composition gives the CRLF text, since the library keeps a CRLF's `\r`
 * out of every value and range (a range that ends at a line's end ends before it); a
 * differential test and `npm run fuzz` compare the two.
 */
export function scannedTree(original: string): YNode | null | undefined {
  const text = withLineFeeds(original);
  if (!text.includes('\r')) return treeFromText(text, FAST_PATH_OPTIONS);
  const lines = text.split('\r\n');
  const tree = treeFromText(lines.join('\n'), FAST_PATH_OPTIONS);
  if (!tree) return tree;
  // Offsets in the LF text of the line feeds that were CRLFs, in order.
  const crlfLineFeeds: number[] = [];
  let at = -1;
  for (let line = 0; line < lines.length - 1; line++) crlfLineFeeds.push((at += lines[line]!.length + 1));
  return withOffsetsMoved(tree, (offset) => offset + countBelow(crlfLineFeeds, offset));
}

/** How many of the sorted numbers are below `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A copy of a scanned tree (no aliases, depth bounded by the scanner) with every offset moved. */
function withOffsetsMoved(node: YNode, move: (offset: number) => number): YNode {
  const range = { start: move(node.range.start), end: move(node.range.end) };
  if (node.kind === 'map')
    return {
      ...node,
      range,
      pairs: node.pairs.map((pair) => ({
        key: withOffsetsMoved(pair.key, move) as YScalar,
        value: pair.value && withOffsetsMoved(pair.value, move),
        range: { start: move(pair.range.start), end: move(pair.range.end) },
      })),
    };
  if (node.kind === 'seq') return { ...node, range, items: node.items.map((item) => withOffsetsMoved(item, move)) };
  return { ...node, range };
}

/**
 * The library's composition of a document: the reference the text scanner must agree with
 * (with no pre-scan, so it is the library's own answer on any input).
 */
export function parseYamlDocumentComposed(original: string): ParsedYaml {
  return composedTree(withLineFeeds(original));
}

/**
 * Nothing but an optional `---` marker line, blank lines, comments and an optional closing
 * `...` line: composition would make tokens to find an empty document (files of many
 * thousand separators are made of these). Each line of the pattern ends in a line break, so
 * it runs in linear time. A last line without a line break may hold no tab: after a `---` the
 * library reports one there as indentation.
 */
const BLANK_DOCUMENT =
  /^(---(?=[ \t\r\n]|$))?(?:[ \t]*(?:#[^\r\n]*)?\r?\n)*(?:(\.\.\.)(?=[ \t\r\n]|$)[ \t]*(?:#[^\r\n]*)?\r?\n?|[ ]*(?:#[^\r\n]*)?)$/;

/**
 * The root composition gives a blank document: nothing, unless a marker makes it an explicit
 * (empty) document; then an empty plain scalar where the `---` marker's blanks end, or at the
 * start of the closing `...` line.
 */
function blankDocumentRoot(text: string, match: RegExpExecArray): YScalar | null {
  let at: number;
  if (match[1] !== undefined) {
    at = 3;
    while (text[at] === ' ' || text[at] === '\t') at++;
  } else if (match[2] !== undefined) {
    at = text.replace(/\r?\n$/, '').lastIndexOf('\n') + 1;
  } else {
    return null;
  }
  return { kind: 'scalar', value: null, style: 'plain', range: { start: at, end: at } };
}

function composedTree(text: string): ParsedYaml {
  let documents: Document.Parsed[];
  try {
    documents = Array.from(new Composer(PARSE_OPTIONS).compose(new Parser().parse(text))) as Document.Parsed[];
  } catch (error) {
    return { root: null, findings: [internalFinding(text, error)] };
  }
  if (documents.some((document) => document.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION'))) {
    // The library ran out of stack, at a place that depends on how deep the caller's stack already was:
    // one finding at the top says so, the same whoever asks.
    return { root: null, findings: [tooDeepFinding(text)] };
  }
  const findings: Finding[] = [];
  let root: YNode | null = null;
  documents.forEach((document, index) => {
    // Duplicate keys and escapes kubectl accepts keep their own findings; the other errors are one per problem, in plain words.
    const errors = withDuplicateKeyErrors(document.errors, document.contents);
    const keptAsIs = errors.filter((error) => error.code === 'DUPLICATE_KEY' || TOLERATED_BY_KUBECTL.has(error.code));
    const errorFindings = keptAsIs.map((error) =>
      yamlErrorFinding(text, error.code, error.message, error.pos, 'error'),
    );
    const syntaxErrors = errors
      .filter((error) => !keptAsIs.includes(error))
      .map((error) => ({ code: error.code, message: error.message, start: error.pos[0], end: error.pos[1] }));
    for (const error of onePerProblem(text, syntaxErrors)) {
      const plain = plainSyntaxError(text, error);
      errorFindings.push(yamlErrorFinding(text, plain.code, plain.message, [plain.start, plain.end], 'error'));
    }
    findings.push(...errorFindings.sort((a, b) => a.range.start - b.range.start));
    for (const warning of document.warnings)
      findings.push(yamlErrorFinding(text, warning.code, warning.message, warning.pos, 'warning'));
    if (index === 0 && document.contents) {
      try {
        const state = newConversion();
        root = convert(document.contents as YamlNode, state, 0);
        findings.push(...state.unknownAliases.map((alias) => unknownAnchorFinding(text, alias)));
        if (state.aliasCount > 0 && expandedSize(root, new Map()) > MAX_EXPANDED_NODES) {
          // Like Go's decoder ("excessive aliasing"), refuse rather than hand an exponential tree to the checks.
          findings.push({
            code: 'yaml-syntax',
            severity: 'error',
            message: `This document's aliases expand it to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} values (an "alias bomb"): it is not validated.`,
            range: firstLineRange(text),
            data: { yamlCode: 'EXCESSIVE_ALIASING' },
          });
          root = null;
        }
      } catch (error) {
        findings.push(internalFinding(text, error));
      }
    }
  });
  return { root, findings };
}

interface ComposeError {
  readonly code: string;
  readonly message: string;
  readonly pos: [number, number];
}

/** The library's errors with the duplicate keys of the document added, each before the first error that starts after it. */
function withDuplicateKeyErrors(errors: readonly ComposeError[], contents: unknown): readonly ComposeError[] {
  const duplicates = duplicateKeyErrors(contents);
  if (duplicates.length === 0) return errors;
  const merged: ComposeError[] = [];
  let next = 0;
  for (const error of errors) {
    while (next < duplicates.length && duplicates[next]!.pos[0] < error.pos[0]) merged.push(duplicates[next++]!);
    merged.push(error);
  }
  while (next < duplicates.length) merged.push(duplicates[next++]!);
  return merged;
}

/**
 * The duplicate keys of every map in a composed document, as the library's `uniqueKeys` check
 * reports them (the same code, message and position: where the repeated key starts), with one
 * `Set` per map instead of comparing each key with every earlier one (a 50,000-key map took
 * minutes). Keys are equal as the library compares them: scalars with the same value (`===`, so
 * a NaN key never repeats); other keys are never equal, being distinct nodes. An explicit stack
 * keeps deep documents off the call stack. Sorted by position.
 */
export function duplicateKeyErrors(contents: unknown): ComposeError[] {
  const errors: ComposeError[] = [];
  const pending: unknown[] = [contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isYamlSeq(node)) {
      for (const item of node.items) pending.push(item);
    } else if (isYamlMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key: unknown = pair.key;
        if (isYamlScalar(key)) {
          const value = key.value;
          if (seen.has(value)) {
            const start = key.range?.[0] ?? 0;
            errors.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [start, start + 1] });
          } else if (!Number.isNaN(value)) {
            seen.add(value);
          }
        } else {
          pending.push(key);
        }
        pending.push(pair.value);
      }
    }
  }
  return errors.sort((a, b) => a.pos[0] - b.pos[0]);
}

function yamlErrorFinding(
  text: string,
  code: string,
  message: string,
  pos: [number, number],
  severity: 'error' | 'warning',
): Finding {
  let start = Math.max(0, Math.min(pos[0], text.length));
  if (text.slice(start).trim() === '') {
    // Errors found only at the end of the input (an unclosed bracket, say) are shown on the last
    // written character, not on an empty line below the document.
    const lastWritten = text.trimEnd().length - 1;
    if (lastWritten >= 0) start = lastWritten;
  }
  start = codePointStart(text, start);
  let end = codePointEnd(text, Math.max(start, Math.min(pos[1], text.length)));
  // An empty range is widened to the character at its start, all of it (both halves of a surrogate pair).
  if (end === start && start < text.length) end = codePointEnd(text, start + 1);
  if (code === 'DUPLICATE_KEY') {
    const key = keyTextAt(text, start);
    return {
      code: 'duplicate-key',
      severity: 'error',
      message: `Duplicate field ${key ? `"${key}"` : 'in this map'}: strict decoding (kubectl --validate=strict) rejects it; lenient decoding silently keeps the last value.`,
      range: key ? { start, end: codePointEnd(text, start + key.length) } : { start, end },
    };
  }
  const tolerated = TOLERATED_BY_KUBECTL.has(code);
  return {
    code: 'yaml-syntax',
    severity: tolerated ? 'warning' : severity,
    message: tolerated ? `${firstLine(message)} (kubectl accepts it; other YAML tools may not).` : firstLine(message),
    range: { start, end },
    data: { yamlCode: code },
  };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const splitsPair = (text: string, offset: number) =>
  offset > 0 &&
  offset < text.length &&
  isHighSurrogate(text.charCodeAt(offset - 1)) &&
  isLowSurrogate(text.charCodeAt(offset));

/** An offset moved back so that it does not fall inside a surrogate pair (LSP clients cannot show half a character). */
function codePointStart(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset - 1 : offset;
}

function codePointEnd(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset + 1 : offset;
}

/** The plain key written at an offset (`selector:` → `selector`), for messages. */
function keyTextAt(text: string, at: number): string | undefined {
  const match = /^["']?([^"':\n]{1,200})["']?\s*:/.exec(text.slice(at, at + 210));
  return match ? match[1]!.trim() : undefined;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

function tooDeepFinding(text: string): Finding {
  return {
    code: 'yaml-syntax',
    severity: 'error',
    message: 'This document could not be read: nesting deeper than the YAML parser can follow.',
    range: firstLineRange(text),
    data: { yamlCode: 'RESOURCE_EXHAUSTION' },
  };
}

/** Refused by the pre-scan: one finding at the character where the nesting passes the limit. */
function tooDeepToParseFinding(text: string, offset: number): Finding {
  return {
    code: 'yaml-syntax',
    severity: 'error',
    message: `This document is not read: nesting deeper than ${MAX_NESTING} levels here (manifests nest a few dozen at most; deeper input would take the parser unbounded time and memory).`,
    range: { start: offset, end: codePointEnd(text, offset + 1) },
    data: { yamlCode: 'EXCESSIVE_NESTING' },
  };
}

/** A document the conversion refuses on purpose (not a bug): its finding names the problem and its code. */
class RefusedDocument extends Error {
  constructor(
    message: string,
    readonly yamlCode: string,
  ) {
    super(message);
  }
}

/** gopkg.in/yaml.v2 v2.4.0 (decode.go, `parser.alias`) fails with "unknown anchor '…' referenced". */
function unknownAnchorFinding(text: string, alias: Alias): Finding {
  // Cut like other messages: a hostile name of megabytes must not become the message.
  const name = alias.source.length > 100 ? `${alias.source.slice(0, 100)}…` : alias.source;
  const range = rangeOf(alias);
  return {
    code: 'yaml-syntax',
    severity: 'error',
    message: `Unknown anchor "${name}": no "&${name}" comes before this alias in the document, so kubectl rejects the file ("unknown anchor '${name}' referenced").`,
    range: { start: range.start, end: codePointEnd(text, Math.max(range.start + 1, range.end)) },
    data: { yamlCode: 'UNKNOWN_ANCHOR' },
  };
}

function internalFinding(text: string, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'yaml-syntax',
    severity: 'error',
    message: `This document could not be read: ${reason}`,
    range: firstLineRange(text),
    ...(error instanceof RefusedDocument ? { data: { yamlCode: error.yamlCode } } : {}),
  };
}

const MAX_DEPTH = 500;
/**
 * The text scanner leaves documents deeper than the pre-scan's limit (less a margin for the
 * pre-scan's estimate) to it, so a document is refused or read the same whichever path takes it.
 */
const FAST_PATH_OPTIONS = {
  version: PARSE_OPTIONS.version,
  merge: PARSE_OPTIONS.merge,
  maxDepth: MAX_NESTING - 10,
} as const;
/** More values than this once aliases are expanded is refused (the same bound as `toJSON`). */
const MAX_EXPANDED_NODES = 1_000_000;

/** How many values a tree holds once every alias is expanded, counted over the shared nodes without expanding them. */
function expandedSize(node: YNode | null, memo: Map<YNode, number>): number {
  if (node === null) return 1;
  const known = memo.get(node);
  if (known !== undefined) return known;
  let size = 1;
  if (node.kind === 'map') for (const pair of node.pairs) size += 1 + expandedSize(pair.value, memo);
  else if (node.kind === 'seq') for (const item of node.items) size += expandedSize(item, memo);
  // Capped so that the sum cannot run into floating-point trouble on a real bomb.
  size = Math.min(size, MAX_EXPANDED_NODES + 1);
  memo.set(node, size);
  return size;
}

function rangeOf(node: YamlNode): Range {
  const r = node.range;
  if (!r) return { start: 0, end: 0 };
  return { start: r[0], end: r[1] };
}

/**
 * State of one document's conversion: the anchors seen so far, in document order. Each
 * library node is reached once (aliases are answered from `anchors`), so no memo is needed.
 */
interface Conversion {
  /** Anchor name → the converted node that most recently carried it (what a later alias refers to). */
  readonly anchors: Map<string, YNode>;
  /** Anchors whose node is being converted: an alias to one of them would make the tree cyclic. */
  readonly open: Set<string>;
  aliasCount: number;
  /** Pairs copied into maps by merge keys so far: each merge copies, so nested merges can grow exponentially. */
  mergedPairs: number;
  /**
   * Aliases whose anchor is not set before them. The library composes them without an error
   * (only its `toJS` throws), but Go's decoder, which reads anchors in document order as we do,
   * rejects the document.
   */
  readonly unknownAliases: Alias[];
}

function newConversion(): Conversion {
  return { anchors: new Map(), open: new Set(), aliasCount: 0, mergedPairs: 0, unknownAliases: [] };
}

function convert(node: YamlNode, state: Conversion, depth: number): YNode {
  if (depth > MAX_DEPTH) throw new RangeError(`nesting deeper than ${MAX_DEPTH} levels`);
  if (isAlias(node)) {
    // Resolved from the anchors met so far: the library's own lookup walks the whole document per alias.
    if (state.open.has(node.source))
      throw new RangeError(`alias *${node.source} refers to the node that defines it (a cycle)`);
    const resolved = state.anchors.get(node.source);
    if (!resolved) {
      state.unknownAliases.push(node);
      return { kind: 'scalar', value: null, style: 'plain', range: rangeOf(node) };
    }
    state.aliasCount++;
    return { ...resolved, viaAlias: true };
  }
  const anchor = node.anchor;
  if (anchor) state.open.add(anchor);
  let out: YNode;
  if (isYamlScalar(node)) {
    out = convertScalar(node);
  } else if (isYamlMap(node)) {
    const pairs: YPair[] = [];
    // Pairs brought in by merge keys, the last merge first: they come before the explicit pairs so that those win on lookup.
    let merged: YPair[] = [];
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = convertKey(item.key as YamlNode | null, state, depth);
      const value = item.value == null ? null : convert(item.value as YamlNode, state, depth + 1);
      if (key.value === '<<' && key.style === 'plain' && value) {
        const sources = (value.kind === 'seq' ? value.items : [value]).filter(
          (source): source is YMap => source.kind === 'map',
        );
        state.mergedPairs += sources.reduce((sum, source) => sum + source.pairs.length, 0);
        if (state.mergedPairs > MAX_EXPANDED_NODES) {
          throw new RefusedDocument(
            `merge keys (<<) copy more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} fields into this document's maps (a "merge-key bomb"): it is not validated.`,
            'EXCESSIVE_MERGING',
          );
        }
        // Concatenated, not spread: a legitimate merge of a large map would overflow the argument stack.
        merged = sources.flatMap((source) => source.pairs).concat(merged);
        continue;
      }
      const emptyValue =
        value && value.kind === 'scalar' && value.value === null && value.range.end <= value.range.start;
      pairs.push({
        key,
        value: emptyValue ? null : value,
        range: {
          start: key.range.start,
          end: value && !emptyValue ? Math.max(value.range.end, key.range.end) : key.range.end,
        },
      });
    }
    out = {
      kind: 'map',
      pairs: merged.length > 0 ? merged.concat(pairs) : pairs,
      flow: Boolean(node.flow),
      range: rangeOf(node),
    } satisfies YMap;
  } else if (isYamlSeq(node)) {
    const items = node.items.map((item) =>
      item == null
        ? ({ kind: 'scalar', value: null, style: 'plain', range: { start: 0, end: 0 } } as YScalar)
        : convert(item as YamlNode, state, depth + 1),
    );
    out = { kind: 'seq', items, flow: Boolean(node.flow), range: rangeOf(node) } satisfies YSeq;
  } else {
    out = { kind: 'scalar', value: null, style: 'plain', range: rangeOf(node) };
  }
  if (anchor) {
    state.open.delete(anchor);
    state.anchors.set(anchor, out);
  }
  return out;
}

/** Complex keys are rare and only compared as text; a bounded budget keeps an aliased key from expanding. */
const KEY_BUDGET_NODES = 10_000;
const KEY_BUDGET_CHARACTERS = 10_000;

function convertKey(key: YamlNode | null, state: Conversion, depth: number): YScalar {
  if (key == null) return { kind: 'scalar', value: null, style: 'plain', range: { start: 0, end: 0 } };
  if (isYamlScalar(key)) {
    const scalar = convert(key, state, depth + 1) as YScalar;
    // Field names are compared as text: a YAML 1.1 `on:` key is still the field "on".
    return typeof scalar.value === 'string' || scalar.value === null
      ? scalar
      : { ...scalar, value: key.source !== undefined ? String(key.source) : String(scalar.value) };
  }
  const converted = convert(key, state, depth + 1);
  const text = JSON.stringify(toJSON(converted, { nodes: KEY_BUDGET_NODES }));
  // Cut, because a key inside a key is quoted again at each level: `? ? ? … x` would double its length per level.
  return {
    kind: 'scalar',
    value: text.length > KEY_BUDGET_CHARACTERS ? `${text.slice(0, KEY_BUDGET_CHARACTERS)}…` : text,
    style: 'plain',
    range: converted.range,
  };
}

function convertScalar(node: Scalar): YScalar {
  const raw = node.value;
  const value = storedValue(raw, node.source !== undefined ? String(node.source) : String(raw));
  const style =
    node.type === 'QUOTE_DOUBLE'
      ? 'double'
      : node.type === 'QUOTE_SINGLE'
        ? 'single'
        : node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED'
          ? 'block'
          : 'plain';
  return { kind: 'scalar', value, style, range: rangeOf(node) };
}

import type { YMap, YNode, YPair, YScalar, YSeq } from './nodes';
import { plainScalarResolver, type FastTreeOptions, type PlainScalarResolver } from './plainScalars';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  DASH,
  DOT,
  DOUBLE_QUOTE,
  GREATER,
  HASH,
  NEWLINE,
  OPEN_BRACE,
  OPEN_BRACKET,
  PIPE,
  SINGLE_QUOTE,
  SPACE,
} from './characterCodes';

/**
 * Builds our tree straight from a document's text, in one pass over its lines, for the
 * shapes manifests are written in: block maps and sequences, one-line plain, quoted and
 * flow values, block scalars, comments and blank lines. It makes no tokens, which is what
 * the `yaml` library's own parser spends most of its time and memory on.
 *
 * Anything outside those shapes (anchors, aliases, tags, explicit keys, multi-line plain,
 * quoted or flow values, tabs, CR line ends, duplicate keys, anything the library would
 * report) returns `undefined` (`parseYaml.ts` scans a CRLF document as LF and moves the ranges) and goes the library's way, so the tree is always the one
 * the library's composition gives, ranges included (a differential test and `npm run fuzz`
 * compare the two). The ranges follow where the library's parser attaches comment lines:
 * a comment indented deeper than its collection right after a one-line value belongs to
 * that value; other comments after a collection's last value stay with the collection
 * unless they are less indented than it, in which case they move to its parent.
 */
export function treeFromText(text: string, options: FastTreeOptions): YNode | null | undefined {
  if (UNSUPPORTED_CHARACTERS.test(text)) return undefined;
  try {
    return new TextScanner(text, options).document();
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

/** Tabs, CR, the byte order mark and control characters: all legal somewhere, all left to the library. */
const UNSUPPORTED_CHARACTERS = /[\t\r\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]/;

/** The library reports keys longer than this (YAML's limit for keys without `?`). */
const MAX_IMPLICIT_KEY_LENGTH = 1024;

const BAIL = new Error('not a document the text scanner reads');
function bail(): never {
  throw BAIL;
}

/** Characters that cannot start a plain scalar here (or that start something this scanner leaves to the library). */
/** ASCII character classes, looked up by code for every character of a flow value. */
const NOT_PLAIN_START = 1;
const FLOW_INDICATOR = 2;
const CHARACTER_CLASS = new Uint8Array(128);
for (const character of '?:,[]{}#&*!|>\'"%@`') CHARACTER_CLASS[character.charCodeAt(0)]! |= NOT_PLAIN_START;
for (const character of ',[]{}') CHARACTER_CLASS[character.charCodeAt(0)]! |= FLOW_INDICATOR;
const isFlowIndicator = (code: number) => code < 128 && (CHARACTER_CLASS[code]! & FLOW_INDICATOR) !== 0;

/** A node with where the library's node ends once the comments it owns are counted (its `range[2]`). */
interface Built<T extends YNode | null = YNode | null> {
  readonly node: T;
  readonly endWithComments: number;
}

/**
 * Blank and comment lines after a collection's last value that the library keeps as an item
 * of their own: a collection that ends keeps them only when one of the comments is indented
 * at least as deep as the collection (and the collection is not at column 0); otherwise
 * they move to the parent, which applies the same test.
 */
interface TrailingLines {
  /** Where they end: the start of the next content (its line's indentation included) or the end of the text. */
  readonly end: number;
  /** The deepest indentation of a comment among them, -1 for blank lines only. */
  readonly deepestComment: number;
}

/** Where a collection stopped: the next content line (or the end), and any trailing lines handed to the parent. */
interface Stop {
  /** Offset of the next content line's first character, or the text's length at the end. */
  readonly at: number;
  /** Column of that character; -1 at the end of the text. */
  readonly indent: number;
  readonly trailing: TrailingLines | null;
}

interface BuiltCollection extends Built<YMap | YSeq> {
  readonly stop: Stop;
}

/** What follows a one-line value: the next content line and the comment lines the value owns. */
interface Gap {
  readonly stop: Stop;
  /** Past the last comment line the value owns; -1 when it owns none. */
  readonly ownedEnd: number;
}

class TextScanner {
  private readonly length: number;
  private readonly resolve: PlainScalarResolver;

  constructor(
    private readonly text: string,
    private readonly options: FastTreeOptions,
  ) {
    this.length = text.length;
    this.resolve = plainScalarResolver(options);
  }

  document(): YNode {
    let lineStart = 0;
    if (this.startsWith('---', 0) && this.isBreakOrEnd(3)) {
      // Only a comment may follow the marker on its line.
      const after = this.skipSpaces(3);
      if (!this.isLineEndOrComment(after, 3)) bail();
      lineStart = this.nextLine(after);
    }
    const first = this.scanGap(lineStart, -1, false);
    // An empty document's null sits at a position of the library's choosing: left to it.
    if (first.stop.indent < 0) bail();
    if (first.stop.indent !== 0) bail();
    const root = this.blockMap(first.stop.at, 0, 0);
    if (root.stop.indent >= 0) bail();
    return root.node;
  }

  // --- block collections -------------------------------------------------------------

  private blockMap(start: number, indent: number, depth: number): BuiltCollection {
    if (depth > this.options.maxDepth) bail();
    const pairs: YPair[] = [];
    let keys: KeySet | undefined;
    let at = start;
    let offset: number;
    for (;;) {
      const key = this.blockKey(at);
      if (!key) bail();
      const colon = key.colon;
      keys = checkNewKey(pairs, keys, key.node);
      const valueStart = this.skipSpaces(colon + 1);
      let value: YNode | null;
      let stop: Stop;
      const code = this.text.charCodeAt(valueStart);
      if (valueStart >= this.length || code === NEWLINE || code === HASH) {
        const next = this.afterEmptyValue(valueStart, indent, depth);
        value = next.value;
        offset = next.offset;
        stop = next.stop;
      } else {
        const built = this.lineValue(valueStart, indent, depth);
        value = built.node;
        offset = built.endWithComments;
        stop = built.stop;
      }
      pairs.push({
        key: key.node,
        value,
        range: {
          start: key.node.range.start,
          end: value ? Math.max(value.range.end, key.node.range.end) : key.node.range.end,
        },
      });
      if (stop.indent === indent) {
        if (this.isSeqIndicator(stop.at)) bail();
        at = stop.at;
        continue;
      }
      if (stop.indent > indent) bail();
      return this.finish({ kind: 'map', pairs, flow: false, range: { start, end: offset } }, indent, stop);
    }
  }

  private blockSeq(start: number, indent: number, depth: number): BuiltCollection {
    if (depth > this.options.maxDepth) bail();
    const items: YNode[] = [];
    let at = start;
    let offset: number;
    for (;;) {
      // `at` is on a `-` followed by a space or the line's end.
      const valueStart = this.skipSpaces(at + 1);
      const code = this.text.charCodeAt(valueStart);
      if (
        valueStart >= this.length ||
        code === NEWLINE ||
        code === HASH ||
        (code === DASH && this.isBreakOrEnd(valueStart + 1))
      )
        bail();
      let built: Built<YNode> & { readonly stop: Stop };
      if (this.blockKey(valueStart))
        built = this.blockMap(valueStart, valueStart - this.lineStartOf(valueStart), depth + 1);
      else built = this.lineValue(valueStart, indent, depth);
      items.push(built.node);
      offset = built.endWithComments;
      const stop = built.stop;
      if (stop.indent === indent && this.isSeqIndicator(stop.at)) {
        at = stop.at;
        continue;
      }
      if (stop.indent > indent) bail();
      return this.finish({ kind: 'seq', items, flow: false, range: { start, end: offset } }, indent, stop);
    }
  }

  /** A collection that ends: whether the trailing lines stay with it (and end it) or move to its parent. */
  private finish(node: YMap | YSeq, indent: number, stop: Stop): BuiltCollection {
    const trailing = stop.trailing;
    if (trailing && indent !== 0 && trailing.deepestComment >= indent) {
      return { node, endWithComments: trailing.end, stop: { at: stop.at, indent: stop.indent, trailing: null } };
    }
    return { node, endWithComments: node.range.end, stop };
  }

  /**
   * `key:` with nothing after it on its line: the value is a block collection on the
   * following lines, a sequence at the key's own column, or nothing (null).
   */
  private afterEmptyValue(
    afterColon: number,
    indent: number,
    depth: number,
  ): { value: YNode | null; offset: number; stop: Stop } {
    const lineHasComment = this.text.charCodeAt(afterColon) === HASH;
    const gap = this.scanGap(this.nextLine(afterColon), indent, false);
    const next = gap.stop;
    if (next.indent > indent || (next.indent === indent && this.isSeqIndicator(next.at))) {
      const nested = this.isSeqIndicator(next.at)
        ? this.blockSeq(next.at, next.indent, depth + 1)
        : this.blockMap(next.at, next.indent, depth + 1);
      return { value: nested.node, offset: nested.endWithComments, stop: nested.stop };
    }
    // Comments after an empty value belong to it in the library's tree: left to the library.
    const gapHasComment = next.trailing !== null && next.trailing.deepestComment >= 0;
    if (lineHasComment || gapHasComment) bail();
    return { value: null, offset: afterColon, stop: { at: next.at, indent: next.indent, trailing: null } };
  }

  /** A value that starts on the current line: a block scalar, a flow collection, a quoted or a plain scalar. */
  private lineValue(start: number, indent: number, depth: number): Built<YNode> & { readonly stop: Stop } {
    const code = this.text.charCodeAt(start);
    if (code === PIPE || code === GREATER) return this.blockScalar(start, indent);
    let node: YNode;
    let end: number;
    if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      const flow = this.flowCollection(start, depth + 1);
      node = flow.node;
      end = flow.end;
    } else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      node = this.quoted(start);
      end = node.range.end;
    } else {
      node = this.blockPlain(start);
      end = node.range.end;
    }
    const after = this.skipSpaces(end);
    if (!this.isLineEndOrComment(after, end)) bail();
    const lineEnd = this.nextLine(after);
    const gap = this.scanGap(lineEnd, indent, true);
    // A more indented line after a one-line value would continue it or be an error.
    if (gap.stop.indent > indent) bail();
    return { node, endWithComments: gap.ownedEnd >= 0 ? gap.ownedEnd : lineEnd, stop: gap.stop };
  }

  /**
   * Blank and comment lines up to the next content line. After a one-line value, comment
   * lines indented deeper than the collection and separated from the value by blank lines
   * only belong to the value; the rest are the collection's trailing lines.
   */
  private scanGap(from: number, indent: number, valueOwnsComments: boolean): Gap {
    let lineStart = from;
    let ownedEnd = -1;
    let trailing = false;
    let trailingHasComment = false;
    let deepestComment = -1;
    while (lineStart < this.length) {
      const first = this.skipSpaces(lineStart);
      const code = this.text.charCodeAt(first);
      if (first >= this.length || code === NEWLINE) {
        trailing = true;
      } else if (code === HASH) {
        const column = first - lineStart;
        if (valueOwnsComments && !trailingHasComment && column > indent) {
          ownedEnd = this.nextLine(first);
          trailing = false;
        } else {
          trailing = true;
          trailingHasComment = true;
          if (column > deepestComment) deepestComment = column;
        }
      } else {
        if (code === DOT && this.startsWith('...', first) && first === lineStart) bail();
        if (code === DASH && first === lineStart && this.startsWith('---', first)) bail();
        return {
          stop: { at: first, indent: first - lineStart, trailing: trailing ? { end: first, deepestComment } : null },
          ownedEnd,
        };
      }
      lineStart = this.nextLine(first);
    }
    return {
      stop: { at: this.length, indent: -1, trailing: trailing ? { end: this.length, deepestComment } : null },
      ownedEnd,
    };
  }

  // --- keys and scalars ------------------------------------------------------------------

  /** A `key:` at this offset (followed by a space or the line's end), or undefined when the line is not one. */
  private blockKey(start: number): { node: YScalar; colon: number } | undefined {
    const code = this.text.charCodeAt(start);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const node = this.quoted(start);
      const colon = node.range.end;
      if (this.text.charCodeAt(colon) !== COLON || !this.isBreakOrEnd(colon + 1)) return undefined;
      if (colon - start > MAX_IMPLICIT_KEY_LENGTH) bail();
      return { node, colon };
    }
    if (!this.canStartPlain(start)) return undefined;
    const lineEnd = this.lineEnd(start);
    let searched = start;
    for (
      let colon = this.text.indexOf(':', start);
      colon >= 0 && colon < lineEnd;
      colon = this.text.indexOf(':', colon + 1)
    ) {
      // A comment before the colon ends the line's content: no key here.
      for (; searched < colon; searched++)
        if (this.text.charCodeAt(searched) === HASH && this.text.charCodeAt(searched - 1) === SPACE) return undefined;
      if (!this.isBreakOrEnd(colon + 1)) continue;
      let end = colon;
      while (this.text.charCodeAt(end - 1) === SPACE) end--;
      if (colon - start > MAX_IMPLICIT_KEY_LENGTH) bail();
      const source = this.text.slice(start, end);
      return { node: { kind: 'scalar', value: this.keyValue(source), style: 'plain', range: { start, end } }, colon };
    }
    return undefined;
  }

  /**
   * A plain key's value: its text, or null. Keys such as `on:` or `1:` resolve to booleans and
   * numbers, and the library finds duplicates among them by value (`yes:` and `on:` are the
   * same key): left to it, as is the merge key `<<`.
   */
  private keyValue(source: string): string | null {
    if (source === '<<' && this.options.merge) bail();
    const value = this.resolve(source, true, bail);
    if (value !== null && typeof value !== 'string') bail();
    return value;
  }

  private canStartPlain(at: number): boolean {
    const code = this.text.charCodeAt(at);
    if (code < 128 && (CHARACTER_CLASS[code]! & NOT_PLAIN_START) !== 0) return false;
    if (code === DASH && this.isBreakOrEnd(at + 1)) return false;
    return at < this.length && code !== NEWLINE && code !== SPACE;
  }

  /** A plain scalar on one line of a block collection. */
  private blockPlain(start: number): YScalar {
    if (!this.canStartPlain(start)) bail();
    let end = start;
    let i = start;
    for (; i < this.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === NEWLINE) break;
      if (c === SPACE) continue;
      if (c === HASH && this.text.charCodeAt(i - 1) === SPACE) break;
      // `key: a: b` is an error in the library's eyes.
      if (c === COLON && this.isBreakOrEnd(i + 1)) bail();
      end = i + 1;
    }
    return this.plainScalar(start, end);
  }

  private plainScalar(start: number, end: number): YScalar {
    const source = this.text.slice(start, end);
    const value = this.resolve(source, false, bail);
    return { kind: 'scalar', value, style: 'plain', range: { start, end } };
  }

  /** A single- or double-quoted scalar that closes on its own line. */
  private quoted(start: number): YScalar {
    const quote = this.text.charCodeAt(start);
    let value = '';
    let from = start + 1;
    for (let i = start + 1; i < this.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === NEWLINE) bail();
      if (quote === SINGLE_QUOTE && c === SINGLE_QUOTE) {
        if (this.text.charCodeAt(i + 1) === SINGLE_QUOTE) {
          value += this.text.slice(from, i + 1);
          from = i + 2;
          i++;
          continue;
        }
        value += this.text.slice(from, i);
        return { kind: 'scalar', value, style: 'single', range: { start, end: i + 1 } };
      }
      if (quote === DOUBLE_QUOTE) {
        if (c === BACKSLASH) {
          value += this.text.slice(from, i) + this.escape(this.text.charCodeAt(i + 1));
          from = i + 2;
          i++;
          continue;
        }
        if (c === DOUBLE_QUOTE) {
          value += this.text.slice(from, i);
          return { kind: 'scalar', value, style: 'double', range: { start, end: i + 1 } };
        }
      }
    }
    return bail();
  }

  /** The common escapes of double-quoted scalars; the rarer ones are left to the library. */
  private escape(code: number): string {
    switch (code) {
      case BACKSLASH:
        return '\\';
      case DOUBLE_QUOTE:
        return '"';
      case 47 /* / */:
        return '/';
      case 110 /* n */:
        return '\n';
      case 116 /* t */:
        return '\t';
      case 114 /* r */:
        return '\r';
      case 48 /* 0 */:
        return '\0';
      default:
        return bail();
    }
  }

  /**
   * A literal (`|`) or folded (`>`) scalar with an optional chomping indicator, its lines
   * indented deeper than the collection it is in, the first line not blank.
   */
  private blockScalar(start: number, indent: number): Built<YScalar> & { readonly stop: Stop } {
    const literal = this.text.charCodeAt(start) === PIPE;
    let headerEnd = start + 1;
    const chompCode = this.text.charCodeAt(headerEnd);
    const chomp = chompCode === DASH ? 'strip' : chompCode === 43 /* + */ ? 'keep' : 'clip';
    if (chomp !== 'clip') headerEnd++;
    const afterHeader = this.skipSpaces(headerEnd);
    if (!this.isLineEndOrComment(afterHeader, headerEnd)) bail();
    const firstLine = this.nextLine(afterHeader);
    const contentIndent = this.skipSpaces(firstLine) - firstLine;
    if (
      firstLine >= this.length ||
      contentIndent <= indent ||
      this.text.charCodeAt(firstLine + contentIndent) === NEWLINE ||
      firstLine + contentIndent >= this.length
    )
      bail();

    const lines: string[] = [];
    let lineStart = firstLine;
    /** Past the newline of the last line with content. */
    let contentEnd = firstLine;
    let blankAfterContent = 0;
    while (lineStart < this.length) {
      const first = this.skipSpaces(lineStart);
      const code = this.text.charCodeAt(first);
      if (first >= this.length || code === NEWLINE) {
        // Blank lines with spaces reach into the library's rules for more-indented empty lines.
        if (first !== lineStart) bail();
        lines.push('');
        blankAfterContent++;
        lineStart = first + 1;
        continue;
      }
      if (first - lineStart < contentIndent) break;
      const lineEnd = this.nextLine(first);
      const text = this.text.slice(
        lineStart + contentIndent,
        this.text.charCodeAt(lineEnd - 1) === NEWLINE ? lineEnd - 1 : lineEnd,
      );
      if (!literal && text.charCodeAt(0) === SPACE) bail();
      lines.push(text);
      blankAfterContent = 0;
      contentEnd = lineEnd;
      lineStart = lineEnd;
    }
    const content = lines.slice(0, lines.length - blankAfterContent);
    let value = literal ? content.join('\n') : foldLines(content);
    let end = contentEnd;
    if (chomp === 'keep') {
      value += '\n'.repeat(
        blankAfterContent + (contentEnd > 0 && this.text.charCodeAt(contentEnd - 1) === NEWLINE ? 1 : 0),
      );
      if (!value.endsWith('\n')) value += '\n';
      end = lineStart;
    } else if (chomp === 'clip') {
      value += '\n';
    }
    const gap = this.scanGap(end, indent, false);
    if (gap.stop.indent > indent) bail();
    return {
      node: { kind: 'scalar', value, style: 'block', range: { start, end } },
      endWithComments: end,
      stop: gap.stop,
    };
  }

  // --- flow collections ------------------------------------------------------------------

  private flowCollection(start: number, depth: number): { node: YMap | YSeq; end: number } {
    if (depth > this.options.maxDepth) bail();
    const isMap = this.text.charCodeAt(start) === OPEN_BRACE;
    const close = isMap ? CLOSE_BRACE : CLOSE_BRACKET;
    const pairs: YPair[] = [];
    let keys: KeySet | undefined;
    const items: YNode[] = [];
    let at = this.skipSpaces(start + 1);
    let first = true;
    for (;;) {
      const code = this.text.charCodeAt(at);
      if (code === close) {
        const range = { start, end: at + 1 };
        return {
          node: isMap ? { kind: 'map', pairs, flow: true, range } : { kind: 'seq', items, flow: true, range },
          end: at + 1,
        };
      }
      if (!first) {
        if (code !== COMMA) bail();
        at = this.skipSpaces(at + 1);
        if (this.text.charCodeAt(at) === close) continue;
      }
      first = false;
      if (isMap) {
        const keyNode = this.flowScalar(at, true);
        if (keyNode.range.end - at > MAX_IMPLICIT_KEY_LENGTH) bail();
        if (this.text.charCodeAt(keyNode.range.end) !== COLON || this.text.charCodeAt(keyNode.range.end + 1) !== SPACE)
          bail();
        keys = checkNewKey(pairs, keys, keyNode);
        const value = this.flowValue(this.skipSpaces(keyNode.range.end + 1), depth);
        pairs.push({
          key: keyNode,
          value: value.node,
          range: { start: keyNode.range.start, end: Math.max(value.node.range.end, keyNode.range.end) },
        });
        at = this.skipSpaces(value.end);
      } else {
        const value = this.flowValue(at, depth);
        if (this.text.charCodeAt(this.skipSpaces(value.end)) === COLON) bail();
        items.push(value.node);
        at = this.skipSpaces(value.end);
      }
    }
  }

  private flowValue(at: number, depth: number): { node: YNode; end: number } {
    const code = this.text.charCodeAt(at);
    if (code === OPEN_BRACKET || code === OPEN_BRACE) return this.flowCollection(at, depth + 1);
    const scalar = this.flowScalar(at, false);
    return { node: scalar, end: scalar.range.end };
  }

  /** A quoted or plain scalar inside a flow collection, ending before `,`, a bracket or `: `. */
  private flowScalar(at: number, atKey: boolean): YScalar {
    const code = this.text.charCodeAt(at);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) return this.quoted(at);
    if (!this.canStartPlain(at)) bail();
    let end = at;
    for (let i = at; i < this.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === NEWLINE) bail();
      if (isFlowIndicator(c)) break;
      if (c === COLON) {
        const next = this.text.charCodeAt(i + 1);
        if (next === SPACE || isFlowIndicator(next)) break;
        bail();
      }
      if (c === HASH && this.text.charCodeAt(i - 1) === SPACE) bail();
      if (c !== SPACE) end = i + 1;
    }
    // `a : b` and a key that runs into the end of the text are left to the library.
    if (atKey && this.text.charCodeAt(end) !== COLON) bail();
    if (atKey)
      return {
        kind: 'scalar',
        value: this.keyValue(this.text.slice(at, end)),
        style: 'plain',
        range: { start: at, end },
      };
    return this.plainScalar(at, end);
  }

  // --- characters and lines ----------------------------------------------------------------

  private skipSpaces(at: number): number {
    while (this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** The offset of the newline that ends the line holding `at` (the text's length on the last line). */
  private lineEnd(at: number): number {
    const newline = this.text.indexOf('\n', at);
    return newline < 0 ? this.length : newline;
  }

  /** The start of the line after the one holding `at` (the text's length on the last line). */
  private nextLine(at: number): number {
    const newline = this.text.indexOf('\n', at);
    return newline < 0 ? this.length : newline + 1;
  }

  private lineStartOf(at: number): number {
    return this.text.lastIndexOf('\n', at - 1) + 1;
  }

  private isBreakOrEnd(at: number): boolean {
    return at >= this.length || this.text.charCodeAt(at) === SPACE || this.text.charCodeAt(at) === NEWLINE;
  }

  /** At `at` (after spaces that began at `from`) the line ends or a comment starts. */
  private isLineEndOrComment(at: number, from: number): boolean {
    if (at >= this.length) return true;
    const code = this.text.charCodeAt(at);
    return code === NEWLINE || (code === HASH && at > from);
  }

  private isSeqIndicator(at: number): boolean {
    return this.text.charCodeAt(at) === DASH && this.isBreakOrEnd(at + 1);
  }

  private startsWith(prefix: string, at: number): boolean {
    return this.text.startsWith(prefix, at);
  }
}

type KeySet = Set<YScalar['value']>;

/** Past this many keys a map's keys are looked up in a Set; below, comparing costs less than making one. */
const KEY_SET_THRESHOLD = 16;

/**
 * Duplicate keys are reported by composition, with its positions: left to it. A map's first keys
 * are compared with the pairs so far; from `KEY_SET_THRESHOLD` on, a Set of its keys (returned,
 * to be passed back) keeps a map of 50,000 keys linear. Keys here are strings or null.
 */
function checkNewKey(pairs: readonly YPair[], keys: KeySet | undefined, key: YScalar): KeySet | undefined {
  if (keys === undefined) {
    for (let i = 0; i < pairs.length; i++) if (pairs[i]!.key.value === key.value) bail();
    if (pairs.length < KEY_SET_THRESHOLD) return undefined;
    keys = new Set(pairs.map((pair) => pair.key.value));
  } else if (keys.has(key.value)) {
    bail();
  }
  keys.add(key.value);
  return keys;
}

/** Folded lines (none more indented): one line break becomes a space, each further one is kept. */
function foldLines(lines: readonly string[]): string {
  let value = '';
  let separator = '';
  for (const line of lines) {
    if (line === '') {
      if (separator === '\n') value += '\n';
      else separator = '\n';
      continue;
    }
    value += separator + line;
    separator = ' ';
  }
  return value;
}

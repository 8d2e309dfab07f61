import { CST } from 'yaml';
import type { ScalarValue, YMap, YNode, YPair, YScalar, YSeq } from './nodes';
import { plainScalarResolver, type FastTreeOptions, type PlainScalarResolver } from './plainScalars';

/**
 * Builds our tree straight from the `yaml` library's concrete syntax tree, skipping the
 * library's own document composition (a third of the parse time of a pod file) for the
 * documents that need none of its subtleties: block and flow collections of scalars, no
 * anchors, aliases, tags, merge keys, explicit keys, tabs or empty items, and nothing the
 * composer would report. Anything else returns `undefined` and goes the composed way, so
 * the result is always the one the composed path gives (a differential test checks it).
 */
export function treeFromCst(tokens: readonly CST.Token[], options: FastTreeOptions): YNode | null | undefined {
  try {
    let document: CST.Document | undefined;
    for (const token of tokens) {
      if (token.type === 'document' && !document) document = token;
      else if (token.type !== 'comment' && token.type !== 'newline' && token.type !== 'space') return undefined;
    }
    if (!document || !document.value || document.value.type !== 'block-map') return undefined;
    const builder = new Builder(options);
    const props = builder.props(document.start, 'doc-start', true, false);
    if (props.found && !props.hasNewline) bail();
    const root = builder.node(document.value, 0);
    builder.end(document.end ?? [], false);
    return root.node;
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

const BAIL = new Error('not a simple document');
function bail(): never {
  throw BAIL;
}

interface Props {
  readonly found: CST.SourceToken | null;
  readonly hasNewline: boolean;
  readonly comma: boolean;
  readonly comment: boolean;
  /** Offset just past the last token, or the offset given when there are none. */
  readonly end: number;
}

interface Built<T extends YNode | null = YNode | null> {
  readonly node: T;
  /** Where the library's node ends including trailing comments (its `range[2]`). */
  readonly endWithComments: number;
}

type ScalarToken = CST.FlowScalar | CST.BlockScalar;
const SCALAR_TYPES = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'block-scalar']);
const isScalarToken = (token: CST.Token | null | undefined): token is ScalarToken => token != null && SCALAR_TYPES.has(token.type);

class Builder {
  private readonly resolvePlain: PlainScalarResolver;

  constructor(private readonly options: FastTreeOptions) {
    this.resolvePlain = plainScalarResolver(options);
  }

  /** The checks of the library's `resolveProps`, bailing out wherever it would report something. */
  props(tokens: readonly CST.SourceToken[], indicator: string, startOnNewline: boolean, flow: boolean, offset = 0): Props {
    let hasSpace = startOnNewline;
    let found: CST.SourceToken | null = null;
    let hasNewline = false;
    let comma = false;
    let comment = false;
    for (const token of tokens) {
      switch (token.type) {
        case 'space':
          if (token.source.includes('\t')) bail();
          hasSpace = true;
          break;
        case 'comment':
          if (!hasSpace || flow) bail();
          comment = true;
          break;
        case 'newline':
          hasNewline = true;
          hasSpace = true;
          break;
        case 'comma':
          if (!flow || comma) bail();
          comma = true;
          hasSpace = false;
          break;
        default:
          if (token.type !== indicator || found) bail();
          found = token;
          hasSpace = false;
      }
    }
    const last = tokens[tokens.length - 1];
    return { found, hasNewline, comma, comment, end: last ? last.offset + last.source.length : offset };
  }

  /** The library's `resolveEnd`: trailing space, comments and newlines of a node. */
  end(tokens: readonly CST.SourceToken[], commentNeedsSpace: boolean, offset = 0): number {
    let hasSpace = false;
    for (const token of tokens) {
      if (token.type === 'space' || token.type === 'newline') hasSpace = true;
      else if (token.type === 'comment') {
        if (commentNeedsSpace && !hasSpace) bail();
      } else bail();
      offset = token.offset + token.source.length;
    }
    return offset;
  }

  node(token: CST.Token, depth: number): Built {
    if (depth > this.options.maxDepth) bail();
    switch (token.type) {
      case 'block-map':
        return this.blockMap(token, depth);
      case 'block-seq':
        return this.blockSeq(token, depth);
      case 'flow-collection':
        return this.flowCollection(token, depth);
      default:
        if (isScalarToken(token)) return this.scalar(token, false);
        return bail();
    }
  }

  scalar(token: ScalarToken, atKey: boolean): Built<YScalar> {
    const resolved = CST.resolveAsScalar(token, true, bail);
    if (!resolved) bail();
    const value = resolved.type === 'PLAIN' ? this.resolvePlain(resolved.value, atKey, bail) : resolved.value;
    const style = resolved.type === 'QUOTE_DOUBLE' ? 'double' : resolved.type === 'QUOTE_SINGLE' ? 'single' : resolved.type === 'PLAIN' ? 'plain' : 'block';
    return {
      node: { kind: 'scalar', value, style, range: { start: resolved.range[0], end: resolved.range[1] } },
      endWithComments: resolved.range[2],
    };
  }

  private key(token: CST.Token | null | undefined, indent: number | undefined): Built<YScalar> {
    if (!isScalarToken(token) || token.type === 'block-scalar') return bail();
    if (indent !== undefined && token.indent !== indent) bail();
    if (token.source.includes('\n') || token.end?.some((end) => end.type === 'newline')) bail();
    const built = this.scalar(token, true);
    const scalar = built.node;
    if (scalar.style === 'plain' && scalar.value === '<<' && this.options.merge) bail();
    // Keys such as `on:` or `1:` resolve to booleans and numbers, and the library finds duplicates among
    // them by value (`yes:` and `on:` are the same key): left to it.
    if (typeof scalar.value !== 'string' && scalar.value !== null) bail();
    return built;
  }

  private pair(key: YScalar, value: YNode | null, pairs: YPair[], seen: Set<ScalarValue>): void {
    // Duplicate keys are reported by the composed path, with its positions.
    if (seen.has(key.value)) bail();
    seen.add(key.value);
    const emptyValue = value !== null && value.kind === 'scalar' && value.value === null && value.range.end <= value.range.start;
    pairs.push({
      key,
      value: emptyValue ? null : value,
      range: { start: key.range.start, end: value && !emptyValue ? Math.max(value.range.end, key.range.end) : key.range.end },
    });
  }

  private blockMap(map: CST.BlockMap, depth: number): Built<YMap> {
    const pairs: YPair[] = [];
    const seen = new Set<ScalarValue>();
    let offset = map.offset;
    let commentEnd: number | null = null;
    for (const item of map.items) {
      const keyProps = this.props(item.start, 'explicit-key-ind', true, false, offset);
      if (keyProps.found) bail();
      if (!item.sep) {
        if (item.key || item.value) bail();
        commentEnd = keyProps.end;
        continue;
      }
      const key = this.key(item.key, map.indent);
      const valueProps = this.props(item.sep, 'map-value-ind', false, false, key.endWithComments);
      if (!valueProps.found) bail();
      if (valueProps.found.offset - keyProps.end > 1024) bail();
      if (item.value?.type === 'block-map' && !valueProps.hasNewline) bail();
      let value: YNode | null = null;
      if (item.value) {
        const built = this.node(item.value, depth + 1);
        value = built.node;
        offset = built.endWithComments;
      } else {
        // An empty value sits after the indicator (and any spaces after it); a comment extends the node.
        offset = valueProps.comment ? valueProps.end : emptyScalarPosition(valueProps.end, item.sep);
      }
      this.pair(key.node, value, pairs, seen);
    }
    if (commentEnd !== null && commentEnd < offset) bail();
    return { node: { kind: 'map', pairs, flow: false, range: { start: map.offset, end: offset } }, endWithComments: commentEnd ?? offset };
  }

  private blockSeq(seq: CST.BlockSequence, depth: number): Built<YSeq> {
    const items: YNode[] = [];
    let offset = seq.offset;
    let commentEnd: number | null = null;
    for (const item of seq.items) {
      const props = this.props(item.start, 'seq-item-ind', true, false, offset);
      if (!props.found) {
        if (item.value) bail();
        commentEnd = props.end;
        continue;
      }
      if (!item.value) bail();
      const built = this.node(item.value, depth + 1);
      items.push(built.node!);
      offset = built.endWithComments;
    }
    return { node: { kind: 'seq', items, flow: false, range: { start: seq.offset, end: offset } }, endWithComments: commentEnd ?? offset };
  }

  private flowCollection(collection: CST.FlowCollection, depth: number): Built<YMap | YSeq> {
    const isMap = collection.start.source === '{';
    const pairs: YPair[] = [];
    const seen = new Set<ScalarValue>();
    const items: YNode[] = [];
    let offset = collection.offset + collection.start.source.length;
    collection.items.forEach((item, i) => {
      const props = this.props(item.start, 'explicit-key-ind', false, true, offset);
      if (props.found) bail();
      if (!item.sep && !item.value && !item.key) {
        // Only a trailing comma may leave an empty item, at the end.
        if ((i === 0 && props.comma) || i < collection.items.length - 1) bail();
        offset = props.end;
        return;
      }
      if (i === 0 ? props.comma : !props.comma) bail();
      if (!isMap) {
        if (item.sep || item.key || !item.value || !isFlowValue(item.value)) bail();
        const built = this.node(item.value, depth + 1);
        items.push(built.node!);
        offset = built.endWithComments;
        return;
      }
      const key = this.key(item.key, undefined);
      const valueProps = this.props(item.sep ?? [], 'map-value-ind', false, true, key.endWithComments);
      if (!valueProps.found || !item.value || !isFlowValue(item.value)) bail();
      const built = this.node(item.value, depth + 1);
      this.pair(key.node, built.node, pairs, seen);
      offset = built.endWithComments;
    });
    const [close, ...after] = collection.end;
    if (close?.source !== (isMap ? '}' : ']')) bail();
    const closeEnd = close.offset + close.source.length;
    const endWithComments = after.length > 0 ? this.end(after, true, closeEnd) : closeEnd;
    const range = { start: collection.offset, end: closeEnd };
    const node: YMap | YSeq = isMap ? { kind: 'map', pairs, flow: true, range } : { kind: 'seq', items, flow: true, range };
    return { node, endWithComments };
  }
}

function isFlowValue(token: CST.Token): boolean {
  return token.type === 'flow-collection' || token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar';
}

/** The library's `emptyScalarPosition`: after the indicator and the spaces that follow it. */
function emptyScalarPosition(offset: number, before: readonly CST.SourceToken[]): number {
  for (let i = before.length - 1; i >= 0; --i) {
    const token = before[i]!;
    if (token.type === 'space' || token.type === 'comment' || token.type === 'newline') {
      offset -= token.source.length;
      continue;
    }
    for (let next = before[i + 1]; next?.type === 'space'; next = before[++i + 1]) offset += next.source.length;
    break;
  }
  return offset;
}

import { isAlias, isMap as isYamlMap, isPair, isScalar as isYamlScalar, isSeq as isYamlSeq, parseAllDocuments, type Document, type Node as YamlNode, type Scalar } from 'yaml';
import type { Finding } from '../findings/finding';
import type { Range, ScalarValue, YMap, YNode, YPair, YScalar, YSeq } from './nodes';

/**
 * Kubernetes decodes manifests with a YAML 1.1 decoder: `yes`/`no`/`on`/`off` are booleans
 * and `0644` is octal. Parsing as 1.1 means the schema sees the values the API server sees.
 */
const PARSE_OPTIONS = {
  version: '1.1',
  uniqueKeys: true,
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

/** Parses one YAML document's text (as cut by `splitDocuments`) into our node tree. */
export function parseYamlDocument(text: string): ParsedYaml {
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
  } catch (error) {
    return { root: null, findings: [internalFinding(text, error)] };
  }
  if (!Array.isArray(documents)) return { root: null, findings: [] };
  const findings: Finding[] = [];
  let root: YNode | null = null;
  documents.forEach((document, index) => {
    for (const error of document.errors) findings.push(yamlErrorFinding(text, error.code, error.message, error.pos, 'error'));
    for (const warning of document.warnings) findings.push(yamlErrorFinding(text, warning.code, warning.message, warning.pos, 'warning'));
    if (index === 0 && document.contents) {
      try {
        root = convert(document.contents as YamlNode, document, new Map(), 0);
      } catch (error) {
        findings.push(internalFinding(text, error));
      }
    }
  });
  return { root, findings };
}

function yamlErrorFinding(text: string, code: string, message: string, pos: [number, number], severity: 'error' | 'warning'): Finding {
  const start = codePointStart(text, Math.max(0, Math.min(pos[0], text.length)));
  let end = codePointEnd(text, Math.max(start, Math.min(pos[1], text.length)));
  // An empty range is widened to the character at its start, all of it (both halves of a surrogate pair).
  if (end === start && start < text.length) end = codePointEnd(text, start + 1);
  if (code === 'DUPLICATE_KEY') {
    return { code: 'duplicate-key', severity: 'error', message: `${firstLine(message)} (strict decoding rejects duplicate fields; lenient decoding keeps the last one).`, range: { start, end } };
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
  offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));

/** An offset moved back so that it does not fall inside a surrogate pair (LSP clients cannot show half a character). */
function codePointStart(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset - 1 : offset;
}

function codePointEnd(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset + 1 : offset;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

function internalFinding(text: string, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'yaml-syntax',
    severity: 'error',
    message: `This document could not be read: ${reason}`,
    range: { start: 0, end: Math.min(text.length, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length) },
  };
}

const MAX_DEPTH = 500;

function rangeOf(node: YamlNode): Range {
  const r = node.range;
  if (!r) return { start: 0, end: 0 };
  return { start: r[0], end: r[1] };
}

function convert(node: YamlNode, document: Document.Parsed, memo: Map<YamlNode, YNode>, depth: number): YNode {
  if (depth > MAX_DEPTH) throw new RangeError(`nesting deeper than ${MAX_DEPTH} levels`);
  const seen = memo.get(node);
  if (seen) return seen;
  let out: YNode;
  if (isAlias(node)) {
    const target = node.resolve(document);
    if (!target) return { kind: 'scalar', value: null, style: 'plain', range: rangeOf(node) };
    const resolved = convert(target as YamlNode, document, memo, depth + 1);
    return { ...resolved, viaAlias: true };
  } else if (isYamlScalar(node)) {
    out = convertScalar(node);
  } else if (isYamlMap(node)) {
    const pairs: YPair[] = [];
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = convertKey(item.key as YamlNode | null, document, memo, depth);
      const value = item.value == null ? null : convert(item.value as YamlNode, document, memo, depth + 1);
      if (key.value === '<<' && key.style === 'plain' && value) {
        // Merge keys: the merged pairs come first so that explicit keys win on lookup.
        const sources = value.kind === 'seq' ? value.items : [value];
        const merged = sources.flatMap((source) => (source.kind === 'map' ? source.pairs : []));
        pairs.unshift(...merged);
        continue;
      }
      const emptyValue = value && value.kind === 'scalar' && value.value === null && value.range.end <= value.range.start;
      pairs.push({
        key,
        value: emptyValue ? null : value,
        range: { start: key.range.start, end: value && !emptyValue ? Math.max(value.range.end, key.range.end) : key.range.end },
      });
    }
    out = { kind: 'map', pairs, flow: Boolean(node.flow), range: rangeOf(node) } satisfies YMap;
  } else if (isYamlSeq(node)) {
    const items = node.items.map((item) =>
      item == null ? ({ kind: 'scalar', value: null, style: 'plain', range: { start: 0, end: 0 } } as YScalar) : convert(item as YamlNode, document, memo, depth + 1),
    );
    out = { kind: 'seq', items, flow: Boolean(node.flow), range: rangeOf(node) } satisfies YSeq;
  } else {
    out = { kind: 'scalar', value: null, style: 'plain', range: rangeOf(node) };
  }
  memo.set(node, out);
  return out;
}

function convertKey(key: YamlNode | null, document: Document.Parsed, memo: Map<YamlNode, YNode>, depth: number): YScalar {
  if (key == null) return { kind: 'scalar', value: null, style: 'plain', range: { start: 0, end: 0 } };
  if (isYamlScalar(key)) {
    const scalar = convertScalar(key);
    // Field names are compared as text: a YAML 1.1 `on:` key is still the field "on".
    return typeof scalar.value === 'string' || scalar.value === null
      ? scalar
      : { ...scalar, value: key.source !== undefined ? String(key.source) : String(scalar.value) };
  }
  const converted = convert(key, document, memo, depth + 1);
  return { kind: 'scalar', value: JSON.stringify(toPlain(converted)), style: 'plain', range: converted.range };
}

function toPlain(node: YNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toPlain);
  return Object.fromEntries(node.pairs.map((pair) => [String(pair.key.value), pair.value ? toPlain(pair.value) : null]));
}

function convertScalar(node: Scalar): YScalar {
  const raw = node.value;
  let value: ScalarValue;
  if (raw === null || typeof raw === 'string' || typeof raw === 'boolean') value = raw;
  else if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'bigint') value = Number(raw);
  else value = node.source !== undefined ? String(node.source) : String(raw);
  const style = node.type === 'QUOTE_DOUBLE' ? 'double' : node.type === 'QUOTE_SINGLE' ? 'single' : node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? 'block' : 'plain';
  return { kind: 'scalar', value, style, range: rangeOf(node) };
}

import type { IndentStyle } from './indentStyle';

/** A value a code action inserts: plain data in the order it should be written. */
export type YamlValue = string | number | boolean | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** Marks the part of a string the user should fill in; the action selects it once inserted. */
export const FOCUS_START = '\u0001';
export const FOCUS_END = '\u0002';

export function focus(text: string): string {
  return `${FOCUS_START}${text}${FOCUS_END}`;
}

/** Rendered lines plus, when a value was marked with `focus`, where it lies in `text`. */
export interface RenderedYaml {
  readonly text: string;
  readonly focus?: { readonly start: number; readonly end: number };
}

type Line = string;

/** `key: value` lines for each entry of a map, at `column`. */
export function renderPairs(map: { readonly [key: string]: YamlValue }, column: number, style: IndentStyle): Line[] {
  const lines: Line[] = [];
  const pad = ' '.repeat(column);
  for (const [key, value] of Object.entries(map)) {
    const keyText = scalar(key);
    if (isCollection(value) && !isEmptyCollection(value)) {
      lines.push(`${pad}${keyText}:`);
      if (Array.isArray(value)) lines.push(...renderItems(value, column + style.seqIndent, style));
      else lines.push(...renderPairs(value as { [key: string]: YamlValue }, column + style.unit, style));
    } else if (typeof value === 'string' && isMultiline(value)) {
      lines.push(`${pad}${keyText}: |-`, ...blockLines(value, column + style.unit));
    } else {
      lines.push(`${pad}${keyText}: ${inline(value)}`);
    }
  }
  return lines;
}

/** `- item` lines for each item of a list, the dash at `dashColumn`. */
export function renderItems(items: readonly YamlValue[], dashColumn: number, style: IndentStyle): Line[] {
  const lines: Line[] = [];
  const pad = ' '.repeat(dashColumn);
  for (const item of items) {
    if (isCollection(item) && !isEmptyCollection(item) && !Array.isArray(item)) {
      const contentColumn = dashColumn + style.itemGap;
      const inner = renderPairs(item as { [key: string]: YamlValue }, contentColumn, style);
      lines.push(`${pad}-${' '.repeat(style.itemGap - 1)}${inner[0]!.slice(contentColumn)}`, ...inner.slice(1));
    } else if (Array.isArray(item) && item.length > 0) {
      const inner = renderItems(item, dashColumn + 2, style);
      lines.push(`${pad}- ${inner[0]!.slice(dashColumn + 2)}`, ...inner.slice(1));
    } else if (typeof item === 'string' && isMultiline(item)) {
      lines.push(`${pad}- |-`, ...blockLines(item, dashColumn + 2));
    } else {
      lines.push(`${pad}- ${inline(item)}`);
    }
  }
  return lines;
}

/** Joins lines with the document's line break (each line terminated) and locates the focus marker. */
export function joinLines(lines: readonly Line[], style: IndentStyle): RenderedYaml {
  return extractFocus(lines.map((line) => line + style.lineBreak).join(''));
}

export function extractFocus(marked: string): RenderedYaml {
  const start = marked.indexOf(FOCUS_START);
  const end = marked.indexOf(FOCUS_END);
  const text = marked.split(FOCUS_START).join('').split(FOCUS_END).join('');
  if (start < 0 || end < start) return { text };
  return { text, focus: { start, end: end - 1 } };
}

function isCollection(value: YamlValue): value is readonly YamlValue[] | { readonly [key: string]: YamlValue } {
  return typeof value === 'object' && value !== null;
}

function isEmptyCollection(value: YamlValue): boolean {
  return Array.isArray(value) ? value.length === 0 : isCollection(value) && Object.keys(value).length === 0;
}

function isMultiline(value: string): boolean {
  return value.includes('\n');
}

function blockLines(value: string, column: number): Line[] {
  const pad = ' '.repeat(column);
  return value.split('\n').map((line) => (line ? `${pad}${line}` : ''));
}

function inline(value: YamlValue): string {
  if (Array.isArray(value)) return '[]';
  if (isCollection(value)) return '{}';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return scalar(value as string);
}

/** Words a YAML 1.1 reader (like kubectl's) would not read back as the same string. */
const AMBIGUOUS_PLAIN =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A string as a plain scalar when that reads back unchanged, else double-quoted. */
export function scalar(value: string): string {
  const bare = value.split(FOCUS_START).join('').split(FOCUS_END).join('');
  const plain =
    bare.length > 0 &&
    /^[A-Za-z0-9_/.$(][A-Za-z0-9_/.$()@=*+,:-]*(?: [A-Za-z0-9_/.$()@=*+,:-]+)*$/.test(bare) &&
    !/:(?: |$)/.test(bare) &&
    !AMBIGUOUS_PLAIN.test(bare);
  if (plain) return value;
  return `"${value
    .split(/([\u0001\u0002])/)
    .map((part) => (part === FOCUS_START || part === FOCUS_END ? part : JSON.stringify(part).slice(1, -1)))
    .join('')}"`;
}

import type { ContainerModel } from '../model/podModel';
import { isScalar, type Range, type YScalar } from '../yaml/nodes';
import type { TextSourceKind } from './types';

/** One piece of free text of a container where addresses, ports and paths may hide. */
export interface TextSource {
  readonly container: ContainerModel;
  readonly kind: TextSourceKind;
  readonly node: YScalar;
  readonly text: string;
  /** The env var's name, for env values. */
  readonly envName?: string;
  /** The previous `command`/`args` item, to read `--flag value` pairs. */
  readonly previous?: string;
}

/** Env values, then `command` and `args` items (as one argv: args follow command). */
export function textSources(container: ContainerModel): TextSource[] {
  const sources: TextSource[] = [];
  visitTexts(container, (source) => {
    sources.push(source);
    return false;
  });
  return sources;
}

/**
 * Whether any text `textSources` would list for the container passes `test`, without
 * building the sources: most containers need no more than this answer.
 */
export function someText(container: ContainerModel, test: (text: string) => boolean): boolean {
  return visitTexts(container, (source) => test(source.text));
}

/** Hands each text source to `visit` in order until it returns true; says whether one did. */
function visitTexts(container: ContainerModel, visit: (source: TextSource) => boolean): boolean {
  for (const variable of container.env) {
    if (isScalar(variable.valueNode) && variable.value !== undefined) {
      if (visit({ container, kind: 'env', node: variable.valueNode, text: variable.value, envName: variable.name }))
        return true;
    }
  }
  // args follow command as one argv, so a flag at the end of command pairs with the first arg.
  let previous: string | undefined;
  for (const [kind, seq] of [
    ['command', container.commandNode],
    ['args', container.argsNode],
  ] as const) {
    if (!seq) continue;
    for (const item of seq.items) {
      if (!isScalar(item) || item.value === null) {
        previous = undefined;
        continue;
      }
      const text = String(item.value);
      if (visit({ container, kind, node: item, text, previous })) return true;
      previous = text;
    }
  }
  return false;
}

/**
 * The source range of `length` characters at `index` in a scalar's value, when the value is
 * written verbatim on one line (plain, or quoted without escapes); otherwise the scalar's
 * whole range. `refineRange` narrows the remaining cases with the document text.
 */
export function rangeInScalar(node: YScalar, index: number, length: number): Range {
  const value = String(node.value ?? '');
  const width = node.range.end - node.range.start;
  const quote = node.style === 'double' || node.style === 'single' ? 1 : node.style === 'plain' ? 0 : -1;
  if (quote >= 0 && width === value.length + 2 * quote && !value.includes('\n')) {
    const start = node.range.start + quote + index;
    return { start, end: start + length };
  }
  return node.range;
}

/**
 * Like `rangeInScalar`, but finds the text in the document source for block scalars,
 * folded lines and escaped strings: the same occurrence of the needle, counted from the
 * start of the value, is looked up in the scalar's source.
 */
export function refineRange(documentText: string, node: YScalar, index: number, length: number): Range {
  const coarse = rangeInScalar(node, index, length);
  if (coarse.end - coarse.start === length) return coarse;
  const value = String(node.value ?? '');
  const needle = value.slice(index, index + length);
  if (!needle) return coarse;
  let occurrence = 0;
  for (let at = value.indexOf(needle); at >= 0 && at < index; at = value.indexOf(needle, at + 1)) occurrence++;
  const source = documentText.slice(node.range.start, node.range.end);
  let found = source.indexOf(needle);
  for (let i = 0; i < occurrence && found >= 0; i++) found = source.indexOf(needle, found + 1);
  return found >= 0 ? { start: node.range.start + found, end: node.range.start + found + length } : coarse;
}

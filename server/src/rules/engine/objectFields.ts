import {
  getIn,
  getPair,
  isMap,
  isScalar,
  isSeq,
  type YMap,
  type YNode,
  type YPair,
  type YScalar,
  type YSeq,
} from '../../service/yaml/nodes';
import { hasValue } from './ranges';

/**
 * Reading the fields around the pod template (the workload's own spec, metadata) for the
 * api rules that check them: only values the API server's decoder would see, with their nodes.
 */

export interface NumberField {
  readonly value: number;
  readonly pair: YPair;
  readonly node: YScalar;
}

/** An integer field written as a YAML number; anything else is the schema's business. */
export function numberField(map: YMap | undefined, key: string): NumberField | undefined {
  const pair = getPair(map, key);
  const node = pair?.value;
  if (!pair || !isScalar(node) || typeof node.value !== 'number') return undefined;
  return { value: node.value, pair, node };
}

export interface TextField {
  readonly value: string;
  readonly pair: YPair;
  readonly node: YScalar;
}

/** A string field written as a YAML string (numbers and booleans are the schema's business). */
export function textField(map: YMap | undefined, key: string): TextField | undefined {
  const pair = getPair(map, key);
  const node = pair?.value;
  if (!pair || !isScalar(node) || typeof node.value !== 'string') return undefined;
  return { value: node.value, pair, node };
}

export function mapAt(root: YNode | null | undefined, path: readonly string[]): YMap | undefined {
  const node = getIn(root, path);
  return isMap(node) ? node : undefined;
}

/** A map-valued pair that is set (`key:` alone or `key: null` is a nil pointer). */
export function setMapPair(map: YMap | undefined, key: string): (YPair & { readonly value: YMap }) | undefined {
  const pair = getPair(map, key);
  return hasValue(pair) && isMap(pair.value) ? (pair as YPair & { readonly value: YMap }) : undefined;
}

export function seqAt(map: YMap | undefined, key: string): YSeq | undefined {
  const value = getPair(map, key)?.value;
  return isSeq(value) ? value : undefined;
}

/** apimachinery `ValidateNonnegativeField`'s detail. */
export const NEGATIVE_DETAIL = 'must be greater than or equal to 0';
/** apimachinery `ValidatePositiveField` / core `isNotPositiveErrorMsg`. */
export const NOT_POSITIVE_DETAIL = 'must be greater than zero';

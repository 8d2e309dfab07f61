import type { PodModel } from '../../service/model/podModel';
import { getIn, getPair, isMap, isScalar, isSeq, type YMap, type YPair } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { dns1123SubdomainErrors } from '../engine/objectNames';
import { defineRule, type RuleFinding } from '../types';

/**
 * Label, selector and annotation syntax (apimachinery pkg/util/validation `IsQualifiedName`,
 * `IsValidLabelValue`; pkg/apis/meta/v1/validation `ValidateLabels`, `ValidateLabelSelector`;
 * pkg/api/validation `ValidateAnnotations`; the same from 1.27 to 1.36), on the object's
 * metadata, the pod template's metadata and the workload's `spec.selector`:
 * - keys are qualified names: an optional DNS-1123 subdomain prefix and '/', then a name of at
 *   most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric (annotation keys
 *   are compared in lowercase);
 * - label values (and selector values) are empty or such a name of at most 63 characters;
 * - annotations together (keys and values) are at most 256 KiB.
 * The API server reports the map's path (`metadata.labels`), not the key's.
 *
 * data: `{ field: string, key: string }`
 */
export interface InvalidLabelsData {
  readonly field: string;
  readonly key: string;
}

type Finding = RuleFinding<InvalidLabelsData>;

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const NAME_MAX = 63;
const QUALIFIED_NAME_DETAIL =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_DETAIL =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const ANNOTATIONS_MAX_BYTES = 256 * 1024;

export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) {
    return [
      `a qualified name ${QUALIFIED_NAME_DETAIL} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  const errors: string[] = [];
  const name = parts[parts.length - 1]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === '') errors.push('prefix part must be non-empty');
    else errors.push(...dns1123SubdomainErrors(prefix).map((detail) => `prefix part ${detail}`));
  }
  if (name === '') errors.push('name part must be non-empty');
  else if (name.length > NAME_MAX) errors.push(`name part must be no more than ${NAME_MAX} characters`);
  if (!QUALIFIED_NAME.test(name)) errors.push(`name part ${QUALIFIED_NAME_DETAIL}`);
  return errors;
}

export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > NAME_MAX) errors.push(`must be no more than ${NAME_MAX} characters`);
  if (value !== '' && !QUALIFIED_NAME.test(value)) errors.push(LABEL_VALUE_DETAIL);
  return errors;
}

function keyText(pair: YPair): string | undefined {
  return typeof pair.key.value === 'string' ? pair.key.value : undefined;
}

function mapOf(node: YMap | undefined, key: string): YMap | undefined {
  const value = getPair(node, key)?.value;
  return isMap(value) ? value : undefined;
}

function labelFindings(labels: YMap, path: string, what: string): Finding[] {
  const findings: Finding[] = [];
  for (const pair of labels.pairs) {
    const key = keyText(pair);
    if (key === undefined) continue;
    const keyErrors = qualifiedNameErrors(key);
    if (keyErrors.length > 0) {
      findings.push({
        message: explain(
          keyErrors.map((detail) => apiError.invalid(path, key, detail)).join('; '),
          `${what} keys are an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.`,
        ),
        range: pair.key.range,
        data: { field: path, key },
      });
    }
    const value = pair.value;
    if (!isScalar(value) || typeof value.value !== 'string') continue;
    const text = value.value;
    const valueErrors = labelValueErrors(text);
    if (valueErrors.length > 0) {
      findings.push({
        message: explain(
          valueErrors.map((detail) => apiError.invalid(path, text, detail)).join('; '),
          `${what} values are empty or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.`,
        ),
        range: value.range,
        data: { field: path, key },
      });
    }
  }
  return findings;
}

function annotationFindings(annotations: YMap, path: string): Finding[] {
  const findings: Finding[] = [];
  let bytes = 0;
  const encoder = new TextEncoder();
  for (const pair of annotations.pairs) {
    const key = keyText(pair);
    if (key === undefined) continue;
    bytes += encoder.encode(key).length;
    if (isScalar(pair.value) && typeof pair.value.value === 'string') bytes += encoder.encode(pair.value.value).length;
    const errors = qualifiedNameErrors(key.toLowerCase());
    if (errors.length > 0) {
      findings.push({
        message: explain(
          errors.map((detail) => apiError.invalid(path, key, detail)).join('; '),
          "annotation keys are an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.'.",
        ),
        range: pair.key.range,
        data: { field: path, key },
      });
    }
  }
  if (bytes > ANNOTATIONS_MAX_BYTES) {
    const pair = annotations.pairs[0]!;
    findings.push({
      message: explain(
        `${path}: Too long: may not be more than ${ANNOTATIONS_MAX_BYTES} bytes`,
        `these annotations hold ${bytes} bytes; the API server keeps at most 256 KiB of annotations per object.`,
      ),
      range: pair.key.range,
      data: { field: path, key: '' },
    });
  }
  return findings;
}

function metadataFindings(metadata: YMap | undefined, base: string): Finding[] {
  if (!metadata) return [];
  const findings: Finding[] = [];
  const labels = mapOf(metadata, 'labels');
  if (labels) findings.push(...labelFindings(labels, `${base}.labels`, 'label'));
  const annotations = mapOf(metadata, 'annotations');
  if (annotations) findings.push(...annotationFindings(annotations, `${base}.annotations`));
  return findings;
}

function selectorFindings(pod: PodModel): Finding[] {
  const path = pod.shape.selectorPath;
  if (!path) return [];
  const selector = getIn(pod.root, path);
  if (!isMap(selector)) return [];
  const base = path.join('.');
  // A ReplicationController selects by a plain label map.
  if (pod.shape.selectorStyle === 'labels') return labelFindings(selector, base, 'selector label');
  const findings: Finding[] = [];
  const matchLabels = mapOf(selector, 'matchLabels');
  if (matchLabels) findings.push(...labelFindings(matchLabels, `${base}.matchLabels`, 'selector label'));
  const expressions = getPair(selector, 'matchExpressions')?.value;
  if (isSeq(expressions)) {
    expressions.items.forEach((item, index) => {
      const key = isMap(item) ? getPair(item, 'key')?.value : undefined;
      if (!isScalar(key) || typeof key.value !== 'string' || key.value === '') return;
      const text = key.value;
      const errors = qualifiedNameErrors(text);
      if (errors.length === 0) return;
      const keyPath = `${base}.matchExpressions[${index}].key`;
      findings.push({
        message: explain(
          errors.map((detail) => apiError.invalid(keyPath, text, detail)).join('; '),
          'a selector key is a label key.',
        ),
        range: key.range,
        data: { field: keyPath, key: text },
      });
    });
  }
  return findings;
}

export const invalidLabels = defineRule({
  id: 'invalid-labels',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'Label, selector and annotation keys are qualified names, label values at most 63 characters of the allowed set, annotations at most 256 KiB.',
  check(pod): Finding[] {
    const objectMetadata = mapOf(pod.root, 'metadata');
    const findings = metadataFindings(objectMetadata, 'metadata');
    // A Pod's own metadata is its pod metadata: judged once.
    if (pod.podMetadata && pod.podMetadata !== objectMetadata)
      findings.push(...metadataFindings(pod.podMetadata, pod.shape.podMetadataPath.join('.')));
    findings.push(...selectorFindings(pod));
    return findings;
  },
});

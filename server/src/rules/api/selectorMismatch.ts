import type { PodModel } from '../../service/model/podModel';
import { getIn, getPair, isMap, isScalar, isSeq, scalarText, type Range, type YMap } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { targetsAtLeast } from '../engine/version';
import { detectIndentStyle } from '../../service/edits/indentStyle';
import { addPair, orderInsertions, UnsupportedLayout } from '../../service/edits/insertion';
import { lineBreakOf } from '../../service/edits/lines';
import { podOf, replaceRange } from '../../service/actions/fixes/locate';
import type { QuickFixer } from '../../service/actions/fixes/quickFix';
import { defineRule, type RuleFinding } from '../types';

interface Requirement {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
}

/** A selector as the API server sees it: `matchLabels` entries become `In` requirements. */
interface Selector {
  readonly matchLabels: ReadonlyMap<string, string>;
  readonly requirements: readonly Requirement[];
}

function readLabelSelector(map: YMap): Selector {
  const matchLabels = new Map<string, string>();
  const labels = getPair(map, 'matchLabels')?.value;
  if (isMap(labels)) {
    for (const pair of labels.pairs) {
      const key = scalarText(pair.key);
      if (key !== undefined) matchLabels.set(key, scalarText(pair.value) ?? '');
    }
  }
  const requirements: Requirement[] = [];
  const expressions = getPair(map, 'matchExpressions')?.value;
  if (isSeq(expressions)) {
    for (const item of expressions.items) {
      if (!isMap(item)) continue;
      const key = scalarText(getPair(item, 'key')?.value);
      const operator = scalarText(getPair(item, 'operator')?.value);
      const values = getPair(item, 'values')?.value;
      if (key === undefined || operator === undefined) continue;
      requirements.push({
        key,
        operator,
        values: isSeq(values)
          ? values.items.flatMap((value) => (isScalar(value) && value.value !== null ? [String(value.value)] : []))
          : [],
      });
    }
  }
  return { matchLabels, requirements };
}

function readLabelMap(map: YMap): Selector {
  const matchLabels = new Map<string, string>();
  for (const pair of map.pairs) {
    const key = scalarText(pair.key);
    if (key !== undefined) matchLabels.set(key, scalarText(pair.value) ?? '');
  }
  return { matchLabels, requirements: [] };
}

/** undefined when an operator is unknown (the schema or another check reports it). */
function matches(selector: Selector, labels: ReadonlyMap<string, string>): boolean | undefined {
  for (const [key, value] of selector.matchLabels) if (labels.get(key) !== value) return false;
  for (const requirement of selector.requirements) {
    const has = labels.has(requirement.key);
    const value = labels.get(requirement.key);
    switch (requirement.operator) {
      case 'In':
        if (!has || !requirement.values.includes(value!)) return false;
        break;
      case 'NotIn':
        if (has && requirement.values.includes(value!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return undefined;
    }
  }
  return true;
}

/**
 * How the API server prints the labels it rejects: Go syntax (`map[string]string{"app":"web"}`)
 * before 1.34, JSON (`{"app":"web"}`) from 1.34, which prints composite values in errors as JSON.
 */
const JSON_VALUES_SINCE = 34;

function printLabels(labels: ReadonlyMap<string, string>, asJson: boolean): string {
  const entries = [...labels]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  return asJson ? `{${entries.join(',')}}` : `map[string]string{${entries.join(', ')}}`;
}

/** Where the template's labels are, or the closest thing written. */
function labelsAnchor(pod: PodModel): Range {
  if (pod.labels.pair) return pod.labels.pair.key.range;
  const metadataPath = pod.shape.podMetadataPath;
  const template = getIn(pod.root, metadataPath.slice(0, -1));
  const metadataPair = isMap(template) ? getPair(template, metadataPath[metadataPath.length - 1]!) : undefined;
  if (metadataPair) return metadataPair.key.range;
  const templateParent = getIn(pod.root, metadataPath.slice(0, -2));
  const templatePair = isMap(templateParent)
    ? getPair(templateParent, metadataPath[metadataPath.length - 2]!)
    : undefined;
  return templatePair?.key.range ?? pod.kindPair.key.range;
}

/**
 * A controller's selector must be non-empty and select its own pod template's labels;
 * otherwise the API server rejects it (it would create pods it never counts). Jobs only when
 * `manualSelector: true` (their selector is generated otherwise); a ReplicationController
 * without a selector takes the template's labels.
 */
export interface SelectorMismatchData {
  readonly kind: string;
  readonly templateLabels: Readonly<Record<string, string>>;
  readonly matchLabels: Readonly<Record<string, string>>;
  /** The selector's matchLabels the template lacks or gives another value. */
  readonly missingLabels: Readonly<Record<string, string>>;
}

/**
 * Adds the selector's labels the template lacks. Offered, never applied unasked: the selector
 * may be the typo. A label the template has with another value is left alone (Services and
 * other selectors may rely on it), so then nothing is offered.
 */
const addSelectorLabelsToTemplate: QuickFixer<SelectorMismatchData> = {
  description: "Add the selector's labels to the pod template's labels (offered, never applied unasked).",
  fixes(context) {
    const pod = podOf(context);
    const missing = context.data.missingLabels;
    const labels = pod?.labels.pair?.value;
    if (!pod || !missing || typeof missing !== 'object' || !isMap(labels)) return [];
    const entries = Object.entries(missing);
    if (entries.length === 0 || entries.some(([key, value]) => typeof value !== 'string' || pod.labels.pairs.has(key)))
      return [];
    const text = context.document.model.text;
    const style = detectIndentStyle(text, pod.root, lineBreakOf(text));
    try {
      const edits = orderInsertions(entries.map(([key, value]) => addPair(text, labels, key, value, style)));
      return [
        {
          title: `Add ${entries.map(([key, value]) => `${key}: ${value}`).join(', ')} to the pod template's labels`,
          edits: edits.map((edit) => replaceRange(context, edit.start, edit.end, edit.newText)),
        },
      ];
    } catch (error) {
      if (error instanceof UnsupportedLayout) return [];
      throw error;
    }
  },
};

export const selectorMismatch = defineRule({
  id: 'selector-mismatch',
  category: 'api',
  defaultSeverity: 'error',
  summary: "A controller's selector must be non-empty and match its pod template's labels.",
  fixes: [addSelectorLabelsToTemplate],
  check(pod, context): RuleFinding<SelectorMismatchData>[] {
    const findings: RuleFinding<SelectorMismatchData>[] = [];
    const { selectorPath, selectorStyle } = pod.shape;
    if (!selectorPath || !selectorStyle) return findings;
    if (pod.kind === 'Job') {
      const manualSelector = getIn(pod.root, ['spec', 'manualSelector']);
      if (!isScalar(manualSelector) || manualSelector.value !== true) return findings;
    }

    // Without a pod template there is nothing to match (the missing template is reported by the schema).
    if (!isMap(getIn(pod.root, pod.shape.podMetadataPath.slice(0, -1)))) return findings;

    const parent = getIn(pod.root, selectorPath.slice(0, -1));
    const selectorPair = isMap(parent) ? getPair(parent, selectorPath[selectorPath.length - 1]!) : undefined;
    const apiPath = selectorPath.join('.');
    const kindWord = pod.kind.toLowerCase();
    // A missing selector is a missing required field (the schema reports it); an RC takes the template's labels.
    if (!selectorPair || !isMap(selectorPair.value)) return findings;
    const selector =
      selectorStyle === 'labels' ? readLabelMap(selectorPair.value) : readLabelSelector(selectorPair.value);
    const templateLabels = pod.labels.values;
    // Built only for a finding: most selectors match.
    const dataOf = () => ({
      kind: pod.kind,
      templateLabels: Object.fromEntries(templateLabels),
      matchLabels: Object.fromEntries(selector.matchLabels),
      missingLabels: Object.fromEntries(
        [...selector.matchLabels].filter(([key, value]) => templateLabels.get(key) !== value),
      ),
    });
    if (selector.matchLabels.size === 0 && selector.requirements.length === 0) {
      if (selectorStyle === 'labels') return findings; // an empty RC selector defaults to the template labels
      const data = dataOf();
      findings.push({
        message: explain(
          apiError.invalidPrinted(apiPath, '{}', `empty selector is invalid for ${kindWord}`),
          `an empty selector would select every pod in the namespace; select the pod template's labels.`,
        ),
        range: selectorPair.key.range,
        data,
      });
      return findings;
    }
    if (matches(selector, templateLabels) !== false) return findings;
    const data = dataOf();
    findings.push({
      message: explain(
        apiError.invalidPrinted(
          `${pod.shape.podMetadataPath.join('.')}.labels`,
          printLabels(templateLabels, targetsAtLeast(context.settings, JSON_VALUES_SINCE)),
          '`selector` does not match template `labels`',
        ),
        templateLabels.size === 0
          ? `the pod template has no labels, so the ${pod.kind}'s selector can never select its own pods.`
          : `the ${pod.kind}'s selector does not select its own pod template's labels${
              Object.keys(data.missingLabels).length > 0
                ? ` (missing ${Object.entries(data.missingLabels)
                    .map(([key, value]) => `${key}: ${value}`)
                    .join(', ')})`
                : ''
            }.`,
      ),
      range: labelsAnchor(pod),
      related: [{ range: selectorPair.key.range, message: `the ${pod.kind}'s selector` }],
      data,
    });
    return findings;
  },
});

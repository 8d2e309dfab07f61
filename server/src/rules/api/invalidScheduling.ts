import type { PodModel } from '../../service/model/podModel';
import { getPair, isMap, isScalar, isSeq, type YMap, type YNode } from '../../service/yaml/nodes';
import { apiError, fieldFinding } from '../engine/apiMessages';
import { NOT_POSITIVE_DETAIL, numberField, seqAt, setMapPair, textField } from '../engine/objectFields';
import { specPair } from '../engine/podFacts';
import { targetsAtLeast } from '../engine/version';
import { defineRule, type RuleFinding } from '../types';

/**
 * Scheduling constraints as pkg/apis/core/validation/validation.go checks them:
 * - affinity (`validateAffinity`): node selector requirements and label selector requirements
 *   (`validateNodeSelectorRequirement`, apimachinery `ValidateLabelSelectorRequirement`) need
 *   `values` for In/NotIn and take none for Exists/DoesNotExist; a required node affinity has at
 *   least one term; preferred terms weigh 1–100; pod (anti-)affinity terms have a `topologyKey`.
 * - topologySpreadConstraints (`validateTopologySpreadConstraints`): `maxSkew` > 0, a
 *   `topologyKey`, no two constraints with the same {topologyKey, whenUnsatisfiable}, and
 *   `minDomains` > 0 only with whenUnsatisfiable DoNotSchedule (gate MinDomainsInPodTopologySpread:
 *   beta on by default from 1.27, GA 1.30; before 1.27 the field is dropped, so not judged).
 *
 * data: `{ field: string }` (the API path of the finding)
 */
export interface InvalidSchedulingData {
  readonly field: string;
}

type Finding = RuleFinding<InvalidSchedulingData>;

const MIN_DOMAINS_DEFAULT_ON = 27;
const WEIGHT_DETAIL = 'must be in the range 1-100';

/** `key:`, `key: null` or `key: ""`: an empty string once decoded. */
function isEmptyText(node: YNode | null): boolean {
  return node === null || (isScalar(node) && (node.value === null || node.value === ''));
}

/** One `matchExpressions` list (node or label selector: the same values rules). */
function requirementFindings(list: YNode | null | undefined, base: string): Finding[] {
  if (!isSeq(list)) return [];
  return list.items.flatMap((item, index): Finding[] => {
    if (!isMap(item)) return [];
    const operator = textField(item, 'operator');
    if (!operator) return [];
    const valuesPair = getPair(item, 'values');
    const count = isSeq(valuesPair?.value) ? valuesPair.value.items.length : 0;
    const path = `${base}[${index}].values`;
    if ((operator.value === 'In' || operator.value === 'NotIn') && count === 0) {
      return [
        fieldFinding(
          path,
          apiError.required(path, "must be specified when `operator` is 'In' or 'NotIn'"),
          `${operator.value} compares the label with a list of values; give at least one, or use Exists / DoesNotExist.`,
          valuesPair?.key ?? operator.node,
        ),
      ];
    }
    if ((operator.value === 'Exists' || operator.value === 'DoesNotExist') && count > 0 && valuesPair) {
      return [
        fieldFinding(
          path,
          apiError.forbidden(path, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
          `${operator.value} only looks at the label key; remove values, or use In / NotIn.`,
          valuesPair.key,
        ),
      ];
    }
    return [];
  });
}

function weightFinding(term: YMap, path: string): Finding[] {
  const weight = numberField(term, 'weight');
  if (!weight || (weight.value >= 1 && weight.value <= 100)) return [];
  return [
    fieldFinding(
      `${path}.weight`,
      apiError.invalid(`${path}.weight`, weight.value, WEIGHT_DETAIL),
      'a preferred term weighs between 1 and 100.',
      weight.node,
    ),
  ];
}

function nodeSelectorTermFindings(term: YNode | null, path: string): Finding[] {
  if (!isMap(term)) return [];
  return requirementFindings(getPair(term, 'matchExpressions')?.value, `${path}.matchExpressions`);
}

function nodeAffinityFindings(nodeAffinity: YMap, base: string): Finding[] {
  const findings: Finding[] = [];
  const requiredPair = setMapPair(nodeAffinity, 'requiredDuringSchedulingIgnoredDuringExecution');
  if (requiredPair) {
    const requiredPath = `${base}.requiredDuringSchedulingIgnoredDuringExecution`;
    const terms = seqAt(requiredPair.value, 'nodeSelectorTerms');
    if (!terms || terms.items.length === 0) {
      findings.push(
        fieldFinding(
          `${requiredPath}.nodeSelectorTerms`,
          apiError.required(`${requiredPath}.nodeSelectorTerms`, 'must have at least one node selector term'),
          'a required node affinity without terms could match no node.',
          getPair(requiredPair.value, 'nodeSelectorTerms')?.key ?? requiredPair.key,
        ),
      );
    }
    terms?.items.forEach((term, index) =>
      findings.push(...nodeSelectorTermFindings(term ?? null, `${requiredPath}.nodeSelectorTerms[${index}]`)),
    );
  }
  const preferred = seqAt(nodeAffinity, 'preferredDuringSchedulingIgnoredDuringExecution');
  preferred?.items.forEach((term, index) => {
    if (!isMap(term)) return;
    const path = `${base}.preferredDuringSchedulingIgnoredDuringExecution[${index}]`;
    findings.push(
      ...weightFinding(term, path),
      ...nodeSelectorTermFindings(getPair(term, 'preference')?.value ?? null, `${path}.preference`),
    );
  });
  return findings;
}

function podAffinityTermFindings(term: YNode | null | undefined, path: string): Finding[] {
  if (!isMap(term)) return [];
  const findings: Finding[] = [];
  for (const selector of ['labelSelector', 'namespaceSelector'] as const) {
    const map = setMapPair(term, selector)?.value;
    if (map)
      findings.push(
        ...requirementFindings(getPair(map, 'matchExpressions')?.value, `${path}.${selector}.matchExpressions`),
      );
  }
  // A missing topologyKey is a missing required field, which the schema reports.
  const topologyKey = getPair(term, 'topologyKey');
  if (topologyKey && isEmptyText(topologyKey.value)) {
    findings.push(
      fieldFinding(
        `${path}.topologyKey`,
        apiError.required(`${path}.topologyKey`, 'can not be empty'),
        'the topology key says what counts as "together" (a node: kubernetes.io/hostname; a zone: topology.kubernetes.io/zone).',
        topologyKey.key,
      ),
    );
  }
  return findings;
}

function podAffinityFindings(affinity: YMap, base: string): Finding[] {
  const findings: Finding[] = [];
  seqAt(affinity, 'requiredDuringSchedulingIgnoredDuringExecution')?.items.forEach((term, index) => {
    findings.push(...podAffinityTermFindings(term, `${base}.requiredDuringSchedulingIgnoredDuringExecution[${index}]`));
  });
  seqAt(affinity, 'preferredDuringSchedulingIgnoredDuringExecution')?.items.forEach((term, index) => {
    if (!isMap(term)) return;
    const path = `${base}.preferredDuringSchedulingIgnoredDuringExecution[${index}]`;
    findings.push(
      ...weightFinding(term, path),
      ...podAffinityTermFindings(getPair(term, 'podAffinityTerm')?.value, `${path}.podAffinityTerm`),
    );
  });
  return findings;
}

function affinityFindings(pod: PodModel): Finding[] {
  const affinity = setMapPair(pod.spec, 'affinity')?.value;
  if (!affinity) return [];
  const base = `${pod.specPath}.affinity`;
  const findings: Finding[] = [];
  const nodeAffinity = setMapPair(affinity, 'nodeAffinity')?.value;
  if (nodeAffinity) findings.push(...nodeAffinityFindings(nodeAffinity, `${base}.nodeAffinity`));
  for (const key of ['podAffinity', 'podAntiAffinity'] as const) {
    const map = setMapPair(affinity, key)?.value;
    if (map) findings.push(...podAffinityFindings(map, `${base}.${key}`));
  }
  return findings;
}

function spreadFindings(pod: PodModel, minDomainsJudged: boolean): Finding[] {
  const constraints = specPair(pod, 'topologySpreadConstraints')?.value;
  if (!isSeq(constraints)) return [];
  const findings: Finding[] = [];
  const maps = constraints.items.map((item) => (isMap(item) ? item : undefined));
  maps.forEach((constraint, index) => {
    if (!constraint) return;
    const path = `${pod.specPath}.topologySpreadConstraints[${index}]`;
    const maxSkew = numberField(constraint, 'maxSkew');
    if (maxSkew && maxSkew.value <= 0) {
      findings.push(
        fieldFinding(
          `${path}.maxSkew`,
          apiError.invalid(`${path}.maxSkew`, maxSkew.value, NOT_POSITIVE_DETAIL),
          'maxSkew is how many more pods one domain may have than another: at least 1.',
          maxSkew.node,
        ),
      );
    }
    const topologyKeyPair = getPair(constraint, 'topologyKey');
    const topologyKey = textField(constraint, 'topologyKey')?.value;
    if (topologyKeyPair && isEmptyText(topologyKeyPair.value)) {
      findings.push(
        fieldFinding(
          `${path}.topologyKey`,
          apiError.required(`${path}.topologyKey`, 'can not be empty'),
          'the topology key names the node label the pods spread over.',
          topologyKeyPair.key,
        ),
      );
    }
    const when = textField(constraint, 'whenUnsatisfiable')?.value;
    if (topologyKey !== undefined && when !== undefined) {
      const repeated = maps
        .slice(index + 1)
        .some(
          (other) =>
            other &&
            textField(other, 'topologyKey')?.value === topologyKey &&
            textField(other, 'whenUnsatisfiable')?.value === when,
        );
      if (repeated) {
        const duplicatePath = `${path}.{topologyKey, whenUnsatisfiable}`;
        findings.push(
          fieldFinding(
            duplicatePath,
            apiError.duplicate(duplicatePath, `{${topologyKey}, ${when}}`),
            'two constraints over the same topology key with the same whenUnsatisfiable; merge them into one.',
            topologyKeyPair!.key,
          ),
        );
      }
    }
    const minDomains = minDomainsJudged ? numberField(constraint, 'minDomains') : undefined;
    if (minDomains) {
      const minPath = `${path}.minDomains`;
      if (minDomains.value <= 0) {
        findings.push(
          fieldFinding(
            minPath,
            apiError.invalid(minPath, minDomains.value, NOT_POSITIVE_DETAIL),
            'minDomains is at least 1 (or left out).',
            minDomains.node,
          ),
        );
      }
      // whenUnsatisfiable is required (the schema says so): only a written other value is judged here.
      if (when !== undefined && when !== 'DoNotSchedule') {
        findings.push(
          fieldFinding(
            minPath,
            apiError.invalid(
              minPath,
              minDomains.value,
              `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${when}`,
            ),
            'minDomains only changes how strictly a DoNotSchedule constraint is enforced.',
            minDomains.pair.key,
          ),
        );
      }
    }
  });
  return findings;
}

export const invalidScheduling = defineRule({
  id: 'invalid-scheduling',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'Affinity terms (values per operator, weights 1–100, a topologyKey) and topologySpreadConstraints (maxSkew, topologyKey, no duplicates, minDomains) as the API server accepts them.',
  check(pod, context): Finding[] {
    return [...affinityFindings(pod), ...spreadFindings(pod, targetsAtLeast(context.settings, MIN_DOMAINS_DEFAULT_ON))];
  },
});

import type { PodModel } from '../../service/model/podModel';
import { getPair, isMap, isScalar, toJSON, type YMap } from '../../service/yaml/nodes';
import { apiError, fieldFinding } from '../engine/apiMessages';
import { mapAt, NEGATIVE_DETAIL, numberField, seqAt, setMapPair, textField } from '../engine/objectFields';
import { dns1123LabelErrors } from '../engine/names';
import { hasValue } from '../engine/ranges';
import { targetsAtLeast } from '../engine/version';
import { defineRule, type RuleFinding } from '../types';

/**
 * The Job spec checks of pkg/apis/batch/validation/validation.go (`validateJobSpec`,
 * `validatePodFailurePolicyRuleOnExitCodes`, `validateSuccessPolicy`), for a Job and a CronJob's
 * `jobTemplate`:
 * - `parallelism`, `completions`, `activeDeadlineSeconds`, `backoffLimit`, `ttlSecondsAfterFinished`
 *   not negative;
 * - `completionMode: Indexed` needs `completions`;
 * - `backoffLimitPerIndex` / `maxFailedIndexes` need Indexed completion, `maxFailedIndexes` needs
 *   `backoffLimitPerIndex` and at most `completions` (gate JobBackoffLimitPerIndex: alpha 1.28,
 *   beta on by default 1.29, GA 1.33; before 1.29 the fields are dropped, so not judged);
 * - `podFailurePolicy.rules[]` (`validatePodFailurePolicyRule`; GA in 1.31, beta on by default from
 *   1.26): `onExitCodes.containerName` names a container or init container of the template; a rule
 *   has exactly one of `onExitCodes` and `onPodConditions`; `onExitCodes.values` is not empty, has no
 *   duplicates, is in ascending order and holds no 0 under the In operator; the FailIndex action
 *   needs `backoffLimitPerIndex` (from 1.29, when the action exists);
 * - `podReplacementPolicy` must be Failed when a `podFailurePolicy` is set (`validatePodReplacementPolicy`;
 *   gate JobPodReplacementPolicy: beta on by default 1.29, GA 1.34; before 1.29 the field is dropped);
 * - `successPolicy` needs Indexed completion and at least one rule, each with `succeededCount`
 *   or `succeededIndexes`, `succeededCount` at most `completions` (gate JobSuccessPolicy: beta on by
 *   default 1.31, GA 1.33; before 1.31 the field is dropped).
 * - The Job's own name (`ValidateJob`, and the job-name labels the registry strategy copies
 *   into the pod template before validation unless `manualSelector: true`; every release from
 *   1.27 to 1.37): a name longer than 63 characters is an invalid label value
 *   (`spec.template.labels: Invalid value: …: must be no more than 63 characters`), and an Indexed
 *   Job's last pod host name `<name>-<completions - 1>` must be a DNS label (`will not able to
 *   create pod with invalid DNS label`).
 *
 * data: `{ field: string }` (the API path of the finding)
 */
export interface InvalidJobSpecData {
  readonly field: string;
}

type Finding = RuleFinding<InvalidJobSpecData>;

const NON_NEGATIVE = [
  'parallelism',
  'completions',
  'activeDeadlineSeconds',
  'backoffLimit',
  'ttlSecondsAfterFinished',
] as const;
const BACKOFF_LIMIT_PER_INDEX_DEFAULT_ON = 29;
const SUCCESS_POLICY_DEFAULT_ON = 31;
const POD_REPLACEMENT_POLICY_DEFAULT_ON = 29;

/** The Job spec and its API path: `spec` of a Job, `spec.jobTemplate.spec` of a CronJob. */
function jobSpecOf(pod: PodModel): { spec: YMap; path: string } | undefined {
  if (pod.kind === 'Job') {
    const spec = mapAt(pod.root, ['spec']);
    return spec && { spec, path: 'spec' };
  }
  if (pod.kind === 'CronJob') {
    const spec = mapAt(pod.root, ['spec', 'jobTemplate', 'spec']);
    return spec && { spec, path: 'spec.jobTemplate.spec' };
  }
  return undefined;
}

function indexedFindings(spec: YMap, base: string, settings: Parameters<typeof targetsAtLeast>[0]): Finding[] {
  const findings: Finding[] = [];
  const mode = textField(spec, 'completionMode');
  const indexed = mode?.value === 'Indexed';
  const completions = numberField(spec, 'completions');
  if (indexed && !getPair(spec, 'completions')) {
    findings.push(
      fieldFinding(
        `${base}.completions`,
        apiError.required(`${base}.completions`, 'when completion mode is Indexed'),
        'an Indexed Job runs one pod per index from 0 to completions - 1, so it needs completions.',
        mode.node,
      ),
    );
  }
  if (!targetsAtLeast(settings, BACKOFF_LIMIT_PER_INDEX_DEFAULT_ON)) return findings;
  const perIndex = numberField(spec, 'backoffLimitPerIndex');
  const maxFailed = numberField(spec, 'maxFailedIndexes');
  for (const [key, field] of [
    ['backoffLimitPerIndex', perIndex],
    ['maxFailedIndexes', maxFailed],
  ] as const) {
    if (!field) continue;
    if (field.value < 0)
      findings.push(
        fieldFinding(
          `${base}.${key}`,
          apiError.invalid(`${base}.${key}`, field.value, NEGATIVE_DETAIL),
          `${key} cannot be negative.`,
          field.node,
        ),
      );
    if (!indexed) {
      findings.push(
        fieldFinding(
          `${base}.${key}`,
          apiError.invalid(`${base}.${key}`, field.value, 'requires indexed completion mode'),
          `${key} counts failures per index, which only an Indexed Job has; set completionMode: Indexed or use backoffLimit.`,
          field.pair.key,
        ),
      );
    }
  }
  if (maxFailed && !getPair(spec, 'backoffLimitPerIndex')) {
    findings.push(
      fieldFinding(
        `${base}.backoffLimitPerIndex`,
        apiError.required(`${base}.backoffLimitPerIndex`, 'when maxFailedIndexes is specified'),
        'maxFailedIndexes only counts indexes that used up their backoffLimitPerIndex.',
        maxFailed.pair.key,
      ),
    );
  }
  if (indexed && completions && maxFailed && maxFailed.value > completions.value) {
    findings.push(
      fieldFinding(
        `${base}.maxFailedIndexes`,
        apiError.invalid(`${base}.maxFailedIndexes`, maxFailed.value, 'must be less than or equal to completions'),
        'there are only completions indexes to fail.',
        maxFailed.node,
      ),
    );
  }
  return findings;
}

/**
 * `onExitCodes.values` (`validatePodFailurePolicyRuleOnExitCodes`): at least one, no 0 under In
 * (exit code 0 is success, never a failure), no duplicates, ascending.
 */
function exitCodeValueFindings(onExitCodes: YMap, path: string): Finding[] {
  const valuesPair = getPair(onExitCodes, 'values');
  const values = seqAt(onExitCodes, 'values');
  // A missing list is the schema's finding (values is required); a non-list value too.
  if (!valuesPair || (!values && hasValue(valuesPair))) return [];
  const valuesPath = `${path}.values`;
  if (!values || values.items.length === 0) {
    return [
      fieldFinding(
        valuesPath,
        apiError.invalidPrinted(valuesPath, '[]', 'at least one value is required'),
        'a rule on exit codes needs the exit codes it matches.',
        valuesPair.key,
      ),
    ];
  }
  const operatorIn = textField(onExitCodes, 'operator')?.value === 'In';
  const findings: Finding[] = [];
  const seen = new Set<number>();
  let ordered = true;
  let previous: number | undefined;
  values.items.forEach((item, index) => {
    if (!isScalar(item) || typeof item.value !== 'number') return;
    const code = item.value;
    const itemPath = `${valuesPath}[${index}]`;
    if (operatorIn && code === 0) {
      findings.push(
        fieldFinding(
          itemPath,
          apiError.invalid(itemPath, 0, 'must not be 0 for the In operator'),
          'exit code 0 is a success, and the Job controller only applies the policy to failed pods; remove 0.',
          item,
        ),
      );
    }
    if (seen.has(code)) {
      findings.push(
        fieldFinding(itemPath, apiError.duplicate(itemPath, code), `exit code ${code} is listed twice.`, item),
      );
    } else {
      seen.add(code);
    }
    if (previous !== undefined && previous > code) ordered = false;
    previous = code;
  });
  if (!ordered) {
    findings.push(
      fieldFinding(
        valuesPath,
        apiError.invalidPrinted(valuesPath, JSON.stringify(toJSON(values)), 'must be ordered'),
        'list the exit codes in ascending order.',
        valuesPair.key,
      ),
    );
  }
  return findings;
}

function podFailurePolicyFindings(
  pod: PodModel,
  spec: YMap,
  base: string,
  settings: Parameters<typeof targetsAtLeast>[0],
): Finding[] {
  const rules = seqAt(setMapPair(spec, 'podFailurePolicy')?.value, 'rules');
  if (!rules) return [];
  const names = new Set(pod.containers.flatMap((container) => (container.name !== undefined ? [container.name] : [])));
  const perIndexBackoff = targetsAtLeast(settings, BACKOFF_LIMIT_PER_INDEX_DEFAULT_ON);
  return rules.items.flatMap((rule, index): Finding[] => {
    if (!isMap(rule)) return [];
    const rulePath = `${base}.podFailurePolicy.rules[${index}]`;
    const findings: Finding[] = [];
    const action = textField(rule, 'action');
    if (perIndexBackoff && action?.value === 'FailIndex' && !getPair(spec, 'backoffLimitPerIndex')) {
      findings.push(
        fieldFinding(
          `${rulePath}.action`,
          apiError.invalid(`${rulePath}.action`, 'FailIndex', 'requires the backoffLimitPerIndex to be set'),
          'FailIndex marks one index failed, which only a Job with backoffLimitPerIndex (and completionMode: Indexed) tracks.',
          action.node,
        ),
      );
    }
    const onExitCodesPair = setMapPair(rule, 'onExitCodes');
    const onPodConditions = seqAt(rule, 'onPodConditions');
    const hasPodConditions = onPodConditions !== undefined && onPodConditions.items.length > 0;
    if (onExitCodesPair && hasPodConditions) {
      findings.push(
        fieldFinding(
          rulePath,
          `${rulePath}: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported`,
          'a rule matches either exit codes or pod conditions; split it into two rules.',
          onExitCodesPair.key,
        ),
      );
    } else if (!onExitCodesPair && !hasPodConditions && !getPair(rule, 'onExitCodes')) {
      findings.push(
        fieldFinding(
          rulePath,
          `${rulePath}: Invalid value: specifying one of OnExitCodes and OnPodConditions is required`,
          'a rule without onExitCodes or onPodConditions matches nothing.',
          action?.pair.key ?? rule.pairs[0]?.key ?? rule,
        ),
      );
    }
    const onExitCodes = onExitCodesPair?.value;
    if (!onExitCodes) return findings;
    const containerName = textField(onExitCodes, 'containerName');
    if (containerName && !names.has(containerName.value)) {
      const path = `${rulePath}.onExitCodes.containerName`;
      findings.push(
        fieldFinding(
          path,
          apiError.invalid(
            path,
            containerName.value,
            'must be one of the container or initContainer names in the pod template',
          ),
          `the pod template has no container "${containerName.value}"${names.size > 0 ? ` (it has ${[...names].map((name) => `"${name}"`).join(', ')})` : ''}.`,
          containerName.node,
        ),
      );
    }
    findings.push(...exitCodeValueFindings(onExitCodes, `${rulePath}.onExitCodes`));
    return findings;
  });
}

/** With a podFailurePolicy the Job controller must see failed pods only once terminated. */
function podReplacementFindings(spec: YMap, base: string): Finding[] {
  const policy = textField(spec, 'podReplacementPolicy');
  if (!policy || policy.value === 'Failed' || !setMapPair(spec, 'podFailurePolicy')) return [];
  const path = `${base}.podReplacementPolicy`;
  return [
    fieldFinding(
      path,
      apiError.unsupported(path, policy.value, ['Failed']),
      'a podFailurePolicy judges a pod by how it ended, so a replacement may only start once the old pod has fully terminated: use Failed (the default with a podFailurePolicy).',
      policy.node,
    ),
  ];
}

function successPolicyFindings(spec: YMap, base: string): Finding[] {
  const policyPair = setMapPair(spec, 'successPolicy');
  if (!policyPair) return [];
  const path = `${base}.successPolicy`;
  if (textField(spec, 'completionMode')?.value !== 'Indexed') {
    return [
      fieldFinding(
        path,
        apiError.invalidPrinted(path, JSON.stringify(toJSON(policyPair.value)), 'requires indexed completion mode'),
        'a success policy declares the Job done by index, which only an Indexed Job has; set completionMode: Indexed.',
        policyPair.key,
      ),
    ];
  }
  const rules = seqAt(policyPair.value, 'rules');
  if (!rules || rules.items.length === 0) {
    return [
      fieldFinding(
        `${path}.rules`,
        apiError.required(`${path}.rules`, 'at least one rules must be specified when the successPolicy is specified'),
        'an empty success policy would never declare the Job done.',
        getPair(policyPair.value, 'rules')?.key ?? policyPair.key,
      ),
    ];
  }
  const completions = numberField(spec, 'completions');
  const findings: Finding[] = [];
  rules.items.forEach((rule, index) => {
    if (!isMap(rule)) return;
    const rulePath = `${path}.rules[${index}]`;
    const count = numberField(rule, 'succeededCount');
    if (!hasValue(getPair(rule, 'succeededCount')) && !hasValue(getPair(rule, 'succeededIndexes'))) {
      findings.push(
        fieldFinding(
          rulePath,
          apiError.required(rulePath, 'at least one of succeededCount or succeededIndexes must be specified'),
          'a success rule says how many indexes (succeededCount) or which (succeededIndexes) must succeed.',
          rule.pairs[0]?.key ?? rule,
        ),
      );
    }
    if (count && completions && count.value > completions.value) {
      findings.push(
        fieldFinding(
          `${rulePath}.succeededCount`,
          apiError.invalid(
            `${rulePath}.succeededCount`,
            count.value,
            `must be less than or equal to ${completions.value} (the number of specified completions)`,
          ),
          'more indexes cannot succeed than the Job has.',
          count.node,
        ),
      );
    }
  });
  return findings;
}

const LABEL_VALUE_MAX = 63;

/** The checks on a Job's name: the API server copies it into labels and, for Indexed Jobs, host names. */
function jobNameFindings(pod: PodModel, spec: YMap): Finding[] {
  if (pod.kind !== 'Job') return [];
  const name = textField(mapAt(pod.root, ['metadata']), 'name');
  if (!name || name.value === '') return [];
  const findings: Finding[] = [];
  const manualSelector = getPair(spec, 'manualSelector')?.value;
  const manual = manualSelector?.kind === 'scalar' && manualSelector.value === true;
  if (!manual && name.value.length > LABEL_VALUE_MAX) {
    findings.push(
      fieldFinding(
        'spec.template.labels',
        apiError.invalid('spec.template.labels', name.value, `must be no more than ${LABEL_VALUE_MAX} characters`),
        `the API server labels the Job's pods with its name (job-name, batch.kubernetes.io/job-name), and a label value is at most ${LABEL_VALUE_MAX} characters; this name has ${name.value.length}.`,
        name.node,
      ),
    );
  }
  const completions = numberField(spec, 'completions');
  if (textField(spec, 'completionMode')?.value === 'Indexed' && completions && completions.value > 0) {
    const host = `${name.value}-${completions.value - 1}`;
    if (dns1123LabelErrors(host).length > 0) {
      findings.push(
        fieldFinding(
          'metadata.name',
          apiError.invalid('metadata.name', name.value, `will not able to create pod with invalid DNS label: ${host}`),
          `each pod of an Indexed Job is named after the Job plus its index, and the last one, ${host}, would not be a DNS label (at most ${LABEL_VALUE_MAX} characters).`,
          name.node,
        ),
      );
    }
  }
  return findings;
}

export const invalidJobSpec = defineRule({
  id: 'invalid-job-spec',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'Job specs: non-negative counts, Indexed completion with completions, per-index backoff and success policies only on Indexed Jobs, podFailurePolicy rules (containers of the pod, ordered non-zero exit codes) with podReplacementPolicy Failed, a name that fits the job-name label and pod host names.',
  check(pod, context): Finding[] {
    const job = jobSpecOf(pod);
    if (!job) return [];
    const findings: Finding[] = [];
    for (const key of NON_NEGATIVE) {
      const field = numberField(job.spec, key);
      if (field && field.value < 0) {
        findings.push(
          fieldFinding(
            `${job.path}.${key}`,
            apiError.invalid(`${job.path}.${key}`, field.value, NEGATIVE_DETAIL),
            `${key} cannot be negative.`,
            field.node,
          ),
        );
      }
    }
    findings.push(
      ...indexedFindings(job.spec, job.path, context.settings),
      ...podFailurePolicyFindings(pod, job.spec, job.path, context.settings),
      ...jobNameFindings(pod, job.spec),
    );
    if (targetsAtLeast(context.settings, POD_REPLACEMENT_POLICY_DEFAULT_ON))
      findings.push(...podReplacementFindings(job.spec, job.path));
    if (targetsAtLeast(context.settings, SUCCESS_POLICY_DEFAULT_ON))
      findings.push(...successPolicyFindings(job.spec, job.path));
    return findings;
  },
});

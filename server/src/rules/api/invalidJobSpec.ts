import type { PodModel } from '../../service/model/podModel';
import { getPair, isMap, toJSON, type YMap, type YNode } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
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
 * - `podFailurePolicy.rules[].onExitCodes.containerName` names a container or init container of the
 *   template (GA in 1.31; beta on by default from 1.26);
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

function finding(field: string, message: string, explanation: string, node: YNode): Finding {
  return { message: explain(message, explanation), range: node.range, data: { field } };
}

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
      finding(
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
        finding(
          `${base}.${key}`,
          apiError.invalid(`${base}.${key}`, field.value, NEGATIVE_DETAIL),
          `${key} cannot be negative.`,
          field.node,
        ),
      );
    if (!indexed) {
      findings.push(
        finding(
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
      finding(
        `${base}.backoffLimitPerIndex`,
        apiError.required(`${base}.backoffLimitPerIndex`, 'when maxFailedIndexes is specified'),
        'maxFailedIndexes only counts indexes that used up their backoffLimitPerIndex.',
        maxFailed.pair.key,
      ),
    );
  }
  if (indexed && completions && maxFailed && maxFailed.value > completions.value) {
    findings.push(
      finding(
        `${base}.maxFailedIndexes`,
        apiError.invalid(`${base}.maxFailedIndexes`, maxFailed.value, 'must be less than or equal to completions'),
        'there are only completions indexes to fail.',
        maxFailed.node,
      ),
    );
  }
  return findings;
}

function podFailurePolicyFindings(pod: PodModel, spec: YMap, base: string): Finding[] {
  const rules = seqAt(setMapPair(spec, 'podFailurePolicy')?.value, 'rules');
  if (!rules) return [];
  const names = new Set(pod.containers.flatMap((container) => (container.name !== undefined ? [container.name] : [])));
  return rules.items.flatMap((rule, index): Finding[] => {
    const onExitCodes = isMap(rule) ? setMapPair(rule, 'onExitCodes')?.value : undefined;
    const containerName = textField(onExitCodes, 'containerName');
    if (!containerName || names.has(containerName.value)) return [];
    const path = `${base}.podFailurePolicy.rules[${index}].onExitCodes.containerName`;
    return [
      finding(
        path,
        apiError.invalid(
          path,
          containerName.value,
          'must be one of the container or initContainer names in the pod template',
        ),
        `the pod template has no container "${containerName.value}"${names.size > 0 ? ` (it has ${[...names].map((name) => `"${name}"`).join(', ')})` : ''}.`,
        containerName.node,
      ),
    ];
  });
}

function successPolicyFindings(spec: YMap, base: string): Finding[] {
  const policyPair = setMapPair(spec, 'successPolicy');
  if (!policyPair) return [];
  const path = `${base}.successPolicy`;
  if (textField(spec, 'completionMode')?.value !== 'Indexed') {
    return [
      finding(
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
      finding(
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
        finding(
          rulePath,
          apiError.required(rulePath, 'at least one of succeededCount or succeededIndexes must be specified'),
          'a success rule says how many indexes (succeededCount) or which (succeededIndexes) must succeed.',
          rule.pairs[0]?.key ?? rule,
        ),
      );
    }
    if (count && completions && count.value > completions.value) {
      findings.push(
        finding(
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
      finding(
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
        finding(
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
    'Job specs: non-negative counts, Indexed completion with completions, per-index backoff and success policies only on Indexed Jobs, podFailurePolicy naming a container of the pod, a name that fits the job-name label and pod host names.',
  check(pod, context): Finding[] {
    const job = jobSpecOf(pod);
    if (!job) return [];
    const findings: Finding[] = [];
    for (const key of NON_NEGATIVE) {
      const field = numberField(job.spec, key);
      if (field && field.value < 0) {
        findings.push(
          finding(
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
      ...podFailurePolicyFindings(pod, job.spec, job.path),
      ...jobNameFindings(pod, job.spec),
    );
    if (targetsAtLeast(context.settings, SUCCESS_POLICY_DEFAULT_ON))
      findings.push(...successPolicyFindings(job.spec, job.path));
    return findings;
  },
});

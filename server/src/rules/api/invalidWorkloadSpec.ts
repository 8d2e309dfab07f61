import type { PodModel } from '../../service/model/podModel';
import type { WorkloadKind } from '../../service/model/workloads';
import { getPair, isScalar, toJSON, type YMap, type YNode, type YPair } from '../../service/yaml/nodes';
import type { ServiceSettings } from '../../service/settings';
import { apiError, explain } from '../engine/apiMessages';
import { mapAt, NEGATIVE_DETAIL, numberField, setMapPair, textField } from '../engine/objectFields';
import { targetsAtLeast } from '../engine/version';
import { defineRule, type RuleFinding } from '../types';

/**
 * The checks of the controllers' own specs (kubernetes/kubernetes pkg/apis/apps/validation/validation.go
 * and, for ReplicationController, pkg/apis/core/validation/validation.go; the same from 1.27 to 1.36):
 * - Deployment `strategy`: no `rollingUpdate` with type Recreate (`ValidateDeploymentStrategy`);
 *   `maxUnavailable` not over 100% and not 0 together with a 0 `maxSurge` (`ValidateRollingUpdateDeployment`;
 *   both default to 25%, so only two written zeros are refused).
 * - DaemonSet `updateStrategy.rollingUpdate`: neither over 100%, and exactly one of `maxUnavailable`
 *   (default 1) and `maxSurge` (default 0) non-zero (`ValidateRollingUpdateDaemonSet`).
 * - Every `maxUnavailable` and `maxSurge` above is an int-or-percent (`ValidatePositiveIntOrPercent`): a
 *   number not below 0 or a string of digits and '%' (a quoted "1" is refused). apimachinery's
 *   field.Error prints such a value through IntOrString's String method, so without quotes.
 * - `replicas`, `minReadySeconds`, `revisionHistoryLimit`, `progressDeadlineSeconds` not negative
 *   (`ValidateNonnegativeField`), and a Deployment's `progressDeadlineSeconds` (default 600) greater
 *   than `minReadySeconds`.
 * - No `activeDeadlineSeconds` in a controller's pod template: its pods are meant to run forever.
 * - StatefulSet (`ValidateStatefulSetSpec`, `validateRollingUpdateStatefulSet`, 1.27 to 1.37): no
 *   `updateStrategy.rollingUpdate` with type OnDelete, a non-negative `rollingUpdate.partition` and
 *   `ordinals.start` (reported on the path `spec.ordinals.start`), and a `rollingUpdate.maxUnavailable`
 *   that is neither negative, 0 nor over 100% (gate MaxUnavailableStatefulSet: alpha from 1.24, beta
 *   and on by default from 1.35, kubernetes/enhancements#961; before 1.35 the field is dropped, so
 *   not judged).
 *
 * data: `{ field: string }` (the API path of the field found wrong).
 */
export interface InvalidWorkloadSpecData {
  readonly field: string;
}

/** The workload spec fields each controller kind checks for negative values. */
const NON_NEGATIVE_FIELDS: Partial<Record<WorkloadKind, readonly string[]>> = {
  Deployment: ['replicas', 'minReadySeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds'],
  ReplicaSet: ['replicas', 'minReadySeconds'],
  StatefulSet: ['replicas', 'minReadySeconds'],
  DaemonSet: ['minReadySeconds', 'revisionHistoryLimit'],
  ReplicationController: ['replicas', 'minReadySeconds'],
};

/** The kind the API server's message names: a Deployment's template is checked as a ReplicaSet's. */
const ACTIVE_DEADLINE_OWNER: Partial<Record<WorkloadKind, string>> = {
  Deployment: 'ReplicaSet',
  ReplicaSet: 'ReplicaSet',
  StatefulSet: 'StatefulSet',
  DaemonSet: 'DaemonSet',
  ReplicationController: 'ReplicationController',
};

/** MaxUnavailableStatefulSet is on by default from this minor (beta in 1.35). */
const STATEFULSET_MAX_UNAVAILABLE_DEFAULT_ON = 35;

/** Deployment's default `progressDeadlineSeconds` (pkg/apis/apps/v1/defaults.go). */
const DEFAULT_PROGRESS_DEADLINE = 600;

/** An int-or-percent as the API server reads it: a number, or a `<digits>%` string; undefined for anything else. */
interface IntOrPercent {
  readonly amount: number;
  readonly percent: boolean;
  readonly written: number | string;
  readonly node: YNode;
}

function intOrPercent(map: YMap | undefined, key: string): IntOrPercent | undefined {
  const node = getPair(map, key)?.value;
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'number' && Number.isInteger(node.value))
    return { amount: node.value, percent: false, written: node.value, node };
  if (typeof node.value === 'string' && /^[0-9]+%$/.test(node.value)) {
    return { amount: Number(node.value.slice(0, -1)), percent: true, written: node.value, node };
  }
  return undefined;
}

type Finding = RuleFinding<InvalidWorkloadSpecData>;

/** apimachinery `IsValidPercent`'s message. */
const PERCENT_DETAIL =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

/** An int-or-percent value as the API server prints it (IntOrString's String: no quotes). */
function printedIntOrPercent(value: IntOrPercent): string {
  return String(value.written);
}

/** `ValidatePositiveIntOrPercent`: a written value that is a negative number or a string that is not `<digits>%`. */
function intOrPercentFormat(map: YMap | undefined, key: string, path: string): Finding[] {
  const node = getPair(map, key)?.value;
  if (!isScalar(node)) return [];
  if (typeof node.value === 'number' && Number.isInteger(node.value) && node.value < 0) {
    return [
      finding(path, apiError.invalid(path, node.value, NEGATIVE_DETAIL), `${key} cannot be negative.`, node.range),
    ];
  }
  if (typeof node.value !== 'string' || /^[0-9]+%$/.test(node.value)) return [];
  const digits = /^[0-9]+$/.test(node.value);
  return [
    finding(
      path,
      apiError.invalidPrinted(path, node.value, PERCENT_DETAIL),
      digits
        ? `a quoted ${key} is read as a percentage and needs its '%': write ${node.value} without quotes for a number of pods, or "${node.value}%".`
        : `${key} is a number of pods or a percentage such as "25%".`,
      node.range,
    ),
  ];
}

function finding(field: string, message: string, explanation: string, range: YNode['range']): Finding {
  return { message: explain(message, explanation), range, data: { field } };
}

function over100(value: IntOrPercent | undefined, path: string): Finding[] {
  if (!value?.percent || value.amount <= 100) return [];
  return [
    finding(
      path,
      apiError.invalidPrinted(path, printedIntOrPercent(value), 'must not be greater than 100%'),
      'a percentage of the replicas cannot be more than all of them.',
      value.node.range,
    ),
  ];
}

function deploymentStrategy(spec: YMap): Finding[] {
  const strategy = setMapPair(spec, 'strategy')?.value;
  if (!strategy) return [];
  const type = textField(strategy, 'type')?.value ?? 'RollingUpdate';
  const rollingUpdatePair = setMapPair(strategy, 'rollingUpdate');
  if (type === 'Recreate') {
    if (!rollingUpdatePair) return [];
    const path = 'spec.strategy.rollingUpdate';
    return [
      finding(
        path,
        apiError.forbidden(path, "may not be specified when strategy `type` is 'Recreate'"),
        'Recreate stops every old pod before starting new ones, so rolling update settings mean nothing; remove rollingUpdate or use type RollingUpdate.',
        rollingUpdatePair.key.range,
      ),
    ];
  }
  if (type !== 'RollingUpdate' || !rollingUpdatePair) return [];
  const rollingUpdate = rollingUpdatePair.value;
  const maxUnavailable = intOrPercent(rollingUpdate, 'maxUnavailable');
  const maxSurge = intOrPercent(rollingUpdate, 'maxSurge');
  const findings: Finding[] = [
    ...intOrPercentFormat(rollingUpdate, 'maxUnavailable', 'spec.strategy.rollingUpdate.maxUnavailable'),
    ...intOrPercentFormat(rollingUpdate, 'maxSurge', 'spec.strategy.rollingUpdate.maxSurge'),
  ];
  // Both default to 25% (pkg/apis/apps/v1/defaults.go): only two written zeros stall the rollout.
  if (maxUnavailable?.amount === 0 && maxSurge?.amount === 0) {
    const path = 'spec.strategy.rollingUpdate.maxUnavailable';
    findings.push(
      finding(
        path,
        apiError.invalidPrinted(path, printedIntOrPercent(maxUnavailable), 'may not be 0 when `maxSurge` is 0'),
        'with no pod allowed down and no extra pod allowed up, the rollout could never replace a pod.',
        maxUnavailable.node.range,
      ),
    );
  }
  findings.push(...over100(maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'));
  return findings;
}

function daemonSetStrategy(spec: YMap): Finding[] {
  const strategy = setMapPair(spec, 'updateStrategy')?.value;
  if (!strategy) return [];
  if ((textField(strategy, 'type')?.value ?? 'RollingUpdate') !== 'RollingUpdate') return [];
  const rollingUpdate = setMapPair(strategy, 'rollingUpdate')?.value;
  if (!rollingUpdate) return [];
  const base = 'spec.updateStrategy.rollingUpdate';
  const formatFindings = [
    ...intOrPercentFormat(rollingUpdate, 'maxUnavailable', `${base}.maxUnavailable`),
    ...intOrPercentFormat(rollingUpdate, 'maxSurge', `${base}.maxSurge`),
  ];
  const maxUnavailable = intOrPercent(rollingUpdate, 'maxUnavailable');
  const maxSurge = intOrPercent(rollingUpdate, 'maxSurge');
  // Unreadable values are reported above or by the schema; judging the pair on a guess would add noise.
  const unavailablePair = getPair(rollingUpdate, 'maxUnavailable');
  const surgePair = getPair(rollingUpdate, 'maxSurge');
  if ((unavailablePair && !maxUnavailable) || (surgePair && !maxSurge)) return formatFindings;
  const findings: Finding[] = [
    ...formatFindings,
    ...over100(maxUnavailable, `${base}.maxUnavailable`),
    ...over100(maxSurge, `${base}.maxSurge`),
  ];
  // Defaults: maxUnavailable 1, maxSurge 0 (pkg/apis/apps/v1/defaults.go).
  const unavailable = maxUnavailable?.amount ?? 1;
  const surge = maxSurge?.amount ?? 0;
  if (unavailable !== 0 && surge !== 0 && maxSurge) {
    const path = `${base}.maxSurge`;
    findings.push(
      finding(
        path,
        apiError.invalidPrinted(path, printedIntOrPercent(maxSurge), 'may not be set when maxUnavailable is non-zero'),
        `a DaemonSet rolls either by surging (maxSurge, with maxUnavailable: 0) or by taking pods down (maxUnavailable, the default 1), not both${maxUnavailable ? '' : '; set maxUnavailable: 0 to surge'}.`,
        maxSurge.node.range,
      ),
    );
  } else if (unavailable === 0 && surge === 0) {
    const path = `${base}.maxUnavailable`;
    findings.push(
      finding(
        path,
        apiError.required(path, 'cannot be 0 when maxSurge is 0'),
        'with neither a pod down nor an extra pod up, the rollout could never replace a pod.',
        (maxUnavailable ?? maxSurge)?.node.range ?? getPair(strategy, 'rollingUpdate')!.key.range,
      ),
    );
  }
  return findings;
}

function negativeNumber(map: YMap | undefined, key: string, path: string, explanation: string): Finding[] {
  const field = numberField(map, key);
  if (!field || field.value >= 0) return [];
  return [finding(path, apiError.invalid(path, field.value, NEGATIVE_DETAIL), explanation, field.node.range)];
}

function statefulSetStrategy(spec: YMap, settings: ServiceSettings): Finding[] {
  const findings = negativeNumber(
    setMapPair(spec, 'ordinals')?.value,
    'start',
    'spec.ordinals.start',
    'the first pod ordinal cannot be negative.',
  );
  const strategy = setMapPair(spec, 'updateStrategy')?.value;
  const rollingUpdatePair = setMapPair(strategy, 'rollingUpdate');
  if (!strategy || !rollingUpdatePair) return findings;
  const type = textField(strategy, 'type')?.value ?? 'RollingUpdate';
  const base = 'spec.updateStrategy.rollingUpdate';
  if (type === 'OnDelete') {
    findings.push(
      finding(
        base,
        apiError.invalidPrinted(
          base,
          JSON.stringify(toJSON(rollingUpdatePair.value)),
          "only allowed for updateStrategy 'RollingUpdate'",
        ),
        'with OnDelete a pod is replaced only when you delete it, so rolling update settings mean nothing; remove rollingUpdate or use type RollingUpdate.',
        rollingUpdatePair.key.range,
      ),
    );
    return findings;
  }
  if (type !== 'RollingUpdate') return findings;
  const rollingUpdate = rollingUpdatePair.value;
  findings.push(
    ...negativeNumber(
      rollingUpdate,
      'partition',
      `${base}.partition`,
      'partition is the lowest ordinal that gets the new template; it cannot be negative.',
    ),
  );
  if (!targetsAtLeast(settings, STATEFULSET_MAX_UNAVAILABLE_DEFAULT_ON)) return findings;
  const maxUnavailable = intOrPercent(rollingUpdate, 'maxUnavailable');
  const path = `${base}.maxUnavailable`;
  findings.push(...intOrPercentFormat(rollingUpdate, 'maxUnavailable', path));
  if (maxUnavailable?.amount === 0) {
    findings.push(
      finding(
        path,
        apiError.invalidPrinted(path, printedIntOrPercent(maxUnavailable), 'cannot be 0'),
        'a StatefulSet rolls by taking pods down, so with no pod allowed down the rollout could never replace one; remove maxUnavailable (it defaults to 1) or raise it.',
        maxUnavailable.node.range,
      ),
    );
  }
  findings.push(...over100(maxUnavailable, path));
  return findings;
}

function negativeFields(pod: PodModel, spec: YMap): Finding[] {
  const findings: Finding[] = [];
  for (const key of NON_NEGATIVE_FIELDS[pod.kind] ?? []) {
    const field = numberField(spec, key);
    if (!field || field.value >= 0) continue;
    const path = `spec.${key}`;
    findings.push(
      finding(
        path,
        apiError.invalid(path, field.value, NEGATIVE_DETAIL),
        `${key} cannot be negative.`,
        field.node.range,
      ),
    );
  }
  return findings;
}

function progressDeadline(spec: YMap): Finding[] {
  const minReady = numberField(spec, 'minReadySeconds');
  const deadline = numberField(spec, 'progressDeadlineSeconds');
  const deadlinePair: YPair | undefined = getPair(spec, 'progressDeadlineSeconds');
  // A value that is written but not a number is the schema's to report.
  if (deadlinePair && !deadline) return [];
  const deadlineValue = deadline?.value ?? DEFAULT_PROGRESS_DEADLINE;
  if (!minReady || deadlineValue < 0 || deadlineValue > minReady.value) return [];
  const path = 'spec.progressDeadlineSeconds';
  return [
    finding(
      path,
      apiError.invalid(path, deadlineValue, 'must be greater than minReadySeconds'),
      deadline
        ? 'the rollout would be reported as stalled before a new pod could even count as available; raise progressDeadlineSeconds above minReadySeconds.'
        : `progressDeadlineSeconds defaults to ${DEFAULT_PROGRESS_DEADLINE}, which is not above this minReadySeconds; set progressDeadlineSeconds higher.`,
      (deadline ?? minReady).node.range,
    ),
  ];
}

function activeDeadlineInTemplate(pod: PodModel): Finding[] {
  const owner = ACTIVE_DEADLINE_OWNER[pod.kind];
  const pair = getPair(pod.spec, 'activeDeadlineSeconds');
  if (!owner || !pair || pair.value === null || (isScalar(pair.value) && pair.value.value === null)) return [];
  const path = `${pod.specPath}.activeDeadlineSeconds`;
  return [
    finding(
      path,
      apiError.forbidden(path, `activeDeadlineSeconds in ${owner} is not Supported`),
      `the pods of a ${pod.kind} run until replaced; a deadline would kill them and the controller would start them again. Remove it (Jobs have their own spec.activeDeadlineSeconds).`,
      pair.key.range,
    ),
  ];
}

export const invalidWorkloadSpec = defineRule({
  id: 'invalid-workload-spec',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'Deployment, StatefulSet, DaemonSet, ReplicaSet and ReplicationController specs: rollout strategy, non-negative counts, progress deadline, no activeDeadlineSeconds in the template.',
  check(pod, context): Finding[] {
    if (pod.shape.family !== 'controller') return [];
    const spec = mapAt(pod.root, ['spec']);
    if (!spec) return [];
    const findings = negativeFields(pod, spec);
    if (pod.kind === 'Deployment') findings.push(...deploymentStrategy(spec), ...progressDeadline(spec));
    if (pod.kind === 'DaemonSet') findings.push(...daemonSetStrategy(spec));
    if (pod.kind === 'StatefulSet') findings.push(...statefulSetStrategy(spec, context.settings));
    findings.push(...activeDeadlineInTemplate(pod));
    return findings;
  },
});

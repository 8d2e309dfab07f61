import type { PodModel } from '../../service/model/podModel';
import { getPair, isMap, isScalar, isSeq } from '../../service/yaml/nodes';
import { apiError, fieldFinding } from '../engine/apiMessages';
import { numberField } from '../engine/objectFields';
import { defineRule, type RuleFinding } from '../types';
import { qualifiedNameErrors } from './invalidLabels';

/**
 * Pod spec fields `ValidatePodSpec` (pkg/apis/core/validation/validation.go, the same from 1.27 to
 * 1.37) checks that no other rule covers:
 * - `activeDeadlineSeconds` is between 1 and 2147483647 (0 does not mean "no deadline"). Checked on
 *   Pods, pod templates and Jobs' templates; a controller's template may not set it at all
 *   (`invalid-workload-spec`).
 * - `readinessGates[].conditionType` is a qualified name (`validateReadinessGates`).
 * - `schedulingGates[].name` is a qualified name, each once (`validateSchedulingGates`, which
 *   reports on the list item's path, `schedulingGates[1]`, not on its `name`).
 *
 * data: `{ field: string }` (the API path of the finding)
 */
export interface InvalidPodSpecFieldData {
  readonly field: string;
}

type Finding = RuleFinding<InvalidPodSpecFieldData>;

const MAX_INT32 = 2147483647;

function activeDeadlineFindings(pod: PodModel): Finding[] {
  if (pod.shape.family === 'controller') return [];
  const deadline = numberField(pod.spec, 'activeDeadlineSeconds');
  if (!deadline || (deadline.value >= 1 && deadline.value <= MAX_INT32)) return [];
  const path = `${pod.specPath}.activeDeadlineSeconds`;
  return [
    fieldFinding(
      path,
      apiError.invalid(path, deadline.value, `must be between 1 and ${MAX_INT32}, inclusive`),
      deadline.value < 1
        ? 'a deadline of 0 or less does not switch it off: remove activeDeadlineSeconds for pods that may run as long as they need.'
        : 'the deadline is a 32-bit number of seconds.',
      deadline.node,
    ),
  ];
}

function readinessGateFindings(pod: PodModel): Finding[] {
  const gates = getPair(pod.spec, 'readinessGates')?.value;
  if (!isSeq(gates)) return [];
  return gates.items.flatMap((gate, index): Finding[] => {
    const type = isMap(gate) ? getPair(gate, 'conditionType')?.value : undefined;
    if (!isScalar(type) || typeof type.value !== 'string' || type.value === '') return [];
    const conditionType = type.value;
    const path = `${pod.specPath}.readinessGates[${index}].conditionType`;
    return qualifiedNameErrors(conditionType).map((detail) =>
      fieldFinding(
        path,
        apiError.invalid(path, conditionType, detail),
        'a readiness gate names a pod condition, whose type is a qualified name such as example.com/feature-ready.',
        type,
      ),
    );
  });
}

function schedulingGateFindings(pod: PodModel): Finding[] {
  const gates = getPair(pod.spec, 'schedulingGates')?.value;
  if (!isSeq(gates)) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  gates.items.forEach((gate, index) => {
    const name = isMap(gate) ? getPair(gate, 'name')?.value : undefined;
    if (!isScalar(name) || typeof name.value !== 'string' || name.value === '') return;
    const gateName = name.value;
    const path = `${pod.specPath}.schedulingGates[${index}]`;
    for (const detail of qualifiedNameErrors(gateName)) {
      findings.push(
        fieldFinding(
          path,
          apiError.invalid(path, gateName, detail),
          'a scheduling gate name is a qualified name such as example.com/quota-check.',
          name,
        ),
      );
    }
    if (seen.has(gateName)) {
      findings.push(
        fieldFinding(
          path,
          apiError.duplicate(path, gateName),
          `the scheduling gate "${gateName}" is listed twice; one entry holds the pod back until it is removed.`,
          name,
        ),
      );
    }
    seen.add(gateName);
  });
  return findings;
}

export const invalidPodSpecField = defineRule({
  id: 'invalid-pod-spec-field',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'activeDeadlineSeconds is between 1 and 2147483647; readiness gate condition types and scheduling gate names are qualified names, each scheduling gate once.',
  check(pod): Finding[] {
    if (!pod.spec) return [];
    return [...activeDeadlineFindings(pod), ...readinessGateFindings(pod), ...schedulingGateFindings(pod)];
  },
});

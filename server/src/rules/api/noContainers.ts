import { isScalar } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { defineRule, type RuleFinding } from '../types';

export interface NoContainersData {
  /** How many init containers the pod has (the containers list is empty or missing). */
  readonly initContainers: number;
}

/**
 * A pod needs at least one app container: init containers and sidecars alone are rejected.
 * A missing `containers` field is a missing required field (reported by the schema); this
 * catches the empty list and the null the schema lets through.
 *
 * data: `{ initContainers: number }`.
 */
export const noContainers = defineRule({
  id: 'no-containers',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'A pod needs at least one container in spec.containers.',
  check(pod): RuleFinding<NoContainersData>[] {
    const findings: RuleFinding<NoContainersData>[] = [];
    const pair = pod.containersPair;
    if (!pair) return findings;
    const value = pair.value;
    const empty =
      value === null || (isScalar(value) && value.value === null) || (value.kind === 'seq' && value.items.length === 0);
    if (!empty) return findings;
    const initCount = pod.containers.filter((container) => container.listKey === 'initContainers').length;
    findings.push({
      message: explain(
        apiError.required(`${pod.specPath}.containers`),
        initCount > 0
          ? 'init containers and sidecars only run beside app containers: the pod needs at least one container in containers.'
          : 'the pod runs nothing: add at least one container.',
      ),
      range: pair.key.range,
      data: { initContainers: initCount },
    });
    return findings;
  },
});

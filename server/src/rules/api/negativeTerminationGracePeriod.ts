import { isScalar } from '../../service/yaml/nodes';
import { explain } from '../engine/apiMessages';
import { specPair } from '../engine/podFacts';
import { defineRule, type RuleFinding } from '../types';

/**
 * A negative `terminationGracePeriodSeconds` is accepted with a warning and treated as 1 second.
 *
 * data: `{ value: number }`.
 */
export const negativeTerminationGracePeriod = defineRule({
  id: 'negative-termination-grace-period',
  category: 'api',
  defaultSeverity: 'warning',
  summary: 'terminationGracePeriodSeconds is negative; it is treated as 1 second.',
  check(pod): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const pair = specPair(pod, 'terminationGracePeriodSeconds');
    const value = pair?.value;
    if (!pair || !isScalar(value) || typeof value.value !== 'number' || value.value >= 0) return findings;
    findings.push({
      message: explain(
        `${pod.specPath}.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1`,
        `the containers get 1 second to stop, not ${value.value}; write 0 to stop them at once, or the number of seconds they need.`,
      ),
      range: value.range,
      data: { value: value.value },
    });
    return findings;
  },
});

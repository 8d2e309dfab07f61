import { getMap, getPair, isScalar } from '../../service/yaml/nodes';
import { gateMinor } from '../../service/versions/apiVersions';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer, specPair } from '../engine/podFacts';
import { targetMinor } from '../engine/version';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

/*
 * A `sleep` lifecycle hook (gate PodLifecycleSleepAction: alpha 1.29, on by default from 1.30,
 * from the API data), pkg/apis/core/validation/validation.go (kubernetes/kubernetes, read at
 * commit 000f2605, the 1.33 line) validateSleepAction: an error, not a warning. The seconds
 * must not exceed the pod's terminationGracePeriodSeconds (defaulted to 30 before validation)
 * and must be positive; with AllowPodLifecycleSleepActionZeroValue (gate
 * PodLifecycleSleepActionAllowZero, beta and on by default from 1.33 per the kubernetes.io
 * feature-gate page) zero is allowed. Reported on `lifecycle.<hook>.sleep`, as the source does.
 * Regular init containers cannot have hooks at all (init-container-probe).
 */

export interface InvalidSleepActionData extends ContainerRef {
  readonly hook: 'postStart' | 'preStop';
}

type Finding = RuleFinding<InvalidSleepActionData>;

const SLEEP_ON_MINOR = gateMinor('PodLifecycleSleepAction', 'enabled');
const ZERO_SLEEP_MINOR = 33;
const DEFAULT_GRACE_SECONDS = 30;

export const invalidSleepAction = defineRule({
  id: 'invalid-sleep-action',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'A sleep lifecycle hook must not sleep longer than terminationGracePeriodSeconds (nor less than 0; 0 only from 1.33).',
  check(pod, context): Finding[] {
    const minor = targetMinor(context.settings);
    if (minor < SLEEP_ON_MINOR) return [];
    const gracePair = specPair(pod, 'terminationGracePeriodSeconds');
    const written =
      isScalar(gracePair?.value) && typeof gracePair.value.value === 'number' ? gracePair.value.value : undefined;
    const grace = written ?? DEFAULT_GRACE_SECONDS;
    const zeroAllowed = minor >= ZERO_SLEEP_MINOR;
    const findings: Finding[] = [];
    for (const container of pod.containers) {
      if (container.group === 'init') continue;
      const lifecycle = container.lifecyclePair?.value;
      for (const hook of ['postStart', 'preStop'] as const) {
        const seconds = getPair(getMap(getMap(lifecycle, hook), 'sleep'), 'seconds');
        const value = isScalar(seconds?.value) ? seconds.value.value : undefined;
        if (!seconds?.value || typeof value !== 'number') continue;
        const tooSmall = zeroAllowed ? value < 0 : value <= 0;
        if (!tooSmall && value <= grace) continue;
        const detail = zeroAllowed
          ? `must be non-negative and less than terminationGracePeriodSeconds (${grace})`
          : `must be greater than 0 and less than terminationGracePeriodSeconds (${grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`;
        findings.push({
          message: explain(
            apiError.invalid(`${container.path}.lifecycle.${hook}.sleep`, value, detail),
            value > grace
              ? `the ${hook} hook of ${describeContainer(container)} would sleep ${value} s, but the pod is killed ${grace} s after termination starts${written === undefined ? ' (the default grace period)' : ''}; raise terminationGracePeriodSeconds or sleep less.`
              : `a sleep hook needs a ${zeroAllowed ? 'non-negative' : 'positive'} number of seconds.`,
          ),
          range: seconds.value.range,
          ...(gracePair ? { related: [{ range: gracePair.range, message: 'terminationGracePeriodSeconds' }] } : {}),
          data: { ...containerRefOf(container), hook },
        });
      }
    }
    return findings;
  },
});

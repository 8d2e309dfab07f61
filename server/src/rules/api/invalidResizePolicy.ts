import { getPair, getSeq, isMap, scalarText } from '../../service/yaml/nodes';
import { gateMinor } from '../../service/versions/apiVersions';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { targetMinor } from '../engine/version';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

/*
 * `resizePolicy` (in-place resize, gate InPlacePodVerticalScaling: alpha 1.27, beta and on by
 * default 1.33, GA 1.35 — from the API data). Before 1.33 a default API server drops the field
 * (field-version says so) and checks nothing. From 1.33, pkg/apis/core/validation/validation.go
 * (kubernetes/kubernetes, read at commit 000f2605, the 1.33 line):
 * - validateResizePolicy: with the pod's `restartPolicy: Never`, every entry's restartPolicy
 *   must be NotRequired (`spec.containers[0].resizePolicy: Invalid value: "RestartContainer":
 *   must be 'NotRequired' when `restartPolicy` is 'Never'`), for every container;
 * - validateInitContainers: with the gate on, init containers may carry a resize policy
 *   (AllowSidecarResizePolicy). From 1.34 a regular init container (not a native sidecar) may
 *   not ask for RestartContainer (`must not be set to 'RestartContainer' for non-sidecar
 *   initContainers`, on `resizePolicy[i].restartPolicy`): absent from the 1.33 source, present
 *   in the 1.34–1.35 sources the product's pod facts were gathered from.
 */

export interface InvalidResizePolicyData extends ContainerRef {
  readonly entryIndex: number;
}

type Finding = RuleFinding<InvalidResizePolicyData>;

const RESIZE_ON_MINOR = gateMinor('InPlacePodVerticalScaling', 'enabled');
/** The first minor whose validation refuses RestartContainer on a regular init container. */
const NON_SIDECAR_RESTART_MINOR = 34;

export const invalidResizePolicy = defineRule({
  id: 'invalid-resize-policy',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'resizePolicy: only NotRequired when the pod restartPolicy is Never; no RestartContainer on a regular init container (1.34+).',
  check(pod, context): Finding[] {
    const minor = targetMinor(context.settings);
    if (minor < RESIZE_ON_MINOR) return [];
    const findings: Finding[] = [];
    const podNever = pod.restartPolicy === 'Never';
    for (const container of pod.containers) {
      const policies = getSeq(container.map, 'resizePolicy');
      if (!policies) continue;
      policies.items.forEach((item, entryIndex) => {
        const pair = isMap(item) ? getPair(item, 'restartPolicy') : undefined;
        const value = scalarText(pair?.value);
        if (!pair?.value || value === undefined || value === '' || value === 'NotRequired') return;
        const data = { ...containerRefOf(container), entryIndex };
        if (container.group === 'init' && value === 'RestartContainer' && minor >= NON_SIDECAR_RESTART_MINOR) {
          const field = `${container.path}.resizePolicy[${entryIndex}].restartPolicy`;
          findings.push({
            message: explain(
              apiError.invalid(field, value, "must not be set to 'RestartContainer' for non-sidecar initContainers"),
              `${describeContainer(container)} runs once to completion and is never resized in place; restarting it would rerun it. Use NotRequired, or make it a native sidecar (restartPolicy: Always).`,
            ),
            range: pair.value.range,
            data,
          });
          return;
        }
        if (podNever) {
          findings.push({
            message: explain(
              apiError.invalid(
                `${container.path}.resizePolicy`,
                value,
                "must be 'NotRequired' when `restartPolicy` is 'Never'",
              ),
              `the pod's restartPolicy is Never, so ${describeContainer(container)} could not come back after a restart for a resize.`,
            ),
            range: pair.value.range,
            ...(pod.restartPolicyPair
              ? { related: [{ range: pod.restartPolicyPair.range, message: 'restartPolicy: Never' }] }
              : {}),
            data,
          });
        }
      });
    }
    return findings;
  },
});

import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { targetMinor } from '../engine/version';
import { CONTAINER_RESTART_RULES_MINOR, gateAt } from '../../service/versions/apiVersions';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';
import { moveToNativeSidecarFix } from '../../service/actions/fixes/moveToNativeSidecar';
import { containerOf, deletePairLines, podOf, replaceRange } from '../../service/actions/fixes/locate';
import type { FixCandidate, QuickFixer } from '../../service/actions/fixes/quickFix';

export interface InvalidRestartPolicyData extends ContainerRef {
  readonly restartPolicy: string;
  readonly containerName?: string;
}

/**
 * A container restartPolicy the API server rejects: on an init container, make it a
 * native sidecar (`Always`) or drop the field; on an app container, drop a value other
 * than `Always` (the pod-level policy decides).
 */
export const restartPolicyFix: QuickFixer<InvalidRestartPolicyData> = {
  description: 'Delete restartPolicy, or on an init container set it to Always (a native sidecar).',
  fixes(context) {
    const pod = podOf(context);
    const container = pod && containerOf(context, pod);
    const pair = container?.restartPolicyPair;
    if (!container || !pair) return [];
    const fixes: FixCandidate[] = [];
    const remove = deletePairLines(context, pair);
    if (container.listKey === 'initContainers') {
      if (pair.value)
        fixes.push({
          title: 'Set restartPolicy: Always (run it as a native sidecar)',
          edits: [replaceRange(context, pair.value.range.start, pair.value.range.end, 'Always')],
        });
      if (remove) fixes.push({ title: 'Remove restartPolicy (a regular init container)', edits: [remove] });
    } else if (container.restartPolicy !== 'Always' && remove) {
      fixes.push({
        title: 'Remove restartPolicy (the pod-level restartPolicy applies)',
        edits: [remove],
        preferred: true,
      });
    }
    return fixes;
  },
};

/**
 * Container-level `restartPolicy` (M10, M11). Before the ContainerRestartRules gate is on by
 * default (1.35, from the API data in service/versions), an init container accepts only `Always`
 * (a native sidecar) and an app container none at all; in 1.34 the alpha gate is off by default,
 * so a default cluster still rejects them. From 1.35 an app container may set any container
 * restart policy and an init container `Always` or `Never` (validation.go, validateInitContainerRestartPolicy
 * and validateContainers with the gate on).
 *
 * data: `{ containerIndex: number, listKey: 'initContainers' | 'containers', restartPolicy: string, containerName?: string }`
 * (quick fixes: on an app container with `Always`, move it to `initContainers`; otherwise delete the field).
 */
export const invalidRestartPolicy = defineRule<'invalid-restart-policy', InvalidRestartPolicyData>({
  id: 'invalid-restart-policy',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'Before Kubernetes 1.35 a container restartPolicy is only valid as "Always" on an init container (a native sidecar).',
  fixes: [moveToNativeSidecarFix, restartPolicyFix],
  check(pod, context): RuleFinding<InvalidRestartPolicyData>[] {
    const findings: RuleFinding<InvalidRestartPolicyData>[] = [];
    const minor = targetMinor(context.settings);
    const restartRules = gateAt('ContainerRestartRules', minor);
    const rulesOn = minor >= CONTAINER_RESTART_RULES_MINOR;
    const target = context.settings.kubernetesVersion;
    for (const container of pod.containers) {
      const pair = container.restartPolicyPair;
      if (!pair || container.restartPolicy === undefined) continue;
      const data = {
        ...containerRefOf(container),
        restartPolicy: container.restartPolicy,
        ...(container.name !== undefined ? { containerName: container.name } : {}),
      };
      const range = pair.value ? pair.value.range : pair.key.range;
      if (container.listKey === 'initContainers') {
        if (container.restartPolicy === 'Always' || (rulesOn && container.restartPolicy === 'Never')) continue;
        const gateNote =
          restartRules && !rulesOn
            ? ` Other values need the ${restartRules.stage} ContainerRestartRules feature gate, off by default in ${target} (on by default from 1.${CONTAINER_RESTART_RULES_MINOR}).`
            : '';
        findings.push({
          message: explain(
            apiError.unsupported(
              `${container.path}.restartPolicy`,
              container.restartPolicy,
              rulesOn ? ['Always', 'Never'] : ['Always'],
            ),
            `an init container's restartPolicy can only be Always, which makes ${describeContainer(container)} a native sidecar; remove the field to keep it a regular init container.${gateNote}`,
          ),
          range,
          data,
        });
        continue;
      }
      if (rulesOn) continue; // a container restart policy on an app container is accepted
      const advice =
        container.restartPolicy === 'Always'
          ? 'to keep a helper running beside the app, move it to initContainers with restartPolicy: Always (a native sidecar)'
          : 'the pod-level spec.restartPolicy decides restarts; remove the field';
      const gateNote = restartRules
        ? ` Kubernetes ${target} accepts it only with the ${restartRules.stage} ContainerRestartRules feature gate, which is off by default (on by default from 1.${CONTAINER_RESTART_RULES_MINOR}).`
        : '';
      findings.push({
        message: explain(
          apiError.forbidden(`${container.path}.restartPolicy`, 'may not be set for non-init containers'),
          `${describeContainer(container)} is an app container: ${advice}.${gateNote}`,
        ),
        range: pair.key.range,
        data,
      });
    }
    return findings;
  },
});

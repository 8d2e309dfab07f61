import type { YPair } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { targetsAtLeast } from '../engine/version';
import { containerRefOf, defineRule, type RuleFinding } from '../types';
import { initContainerProbeFix } from '../../service/actions/fixes/initContainerProbe';

/**
 * A regular init container (no `restartPolicy: Always`) runs to completion before the app
 * starts: the API server forbids `lifecycle` and probes on it (M8). Native sidecars may have them.
 *
 * data: `{ probe: 'lifecycle' | 'livenessProbe' | 'readinessProbe' | 'startupProbe', containerIndex: number, containerName?: string }`
 * (quick fixes: delete the field, or make the container a native sidecar with `restartPolicy: Always`).
 */
export const initContainerProbe = defineRule({
  id: 'init-container-probe',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'Probes and lifecycle hooks are not allowed on init containers unless they are native sidecars (restartPolicy: Always).',
  fixes: [initContainerProbeFix],
  check(pod, context): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const knowsSidecars = targetsAtLeast(context.settings, 28);
    for (const container of pod.containers) {
      if (container.group !== 'init') continue;
      const fields: { name: string; pair: YPair }[] = [];
      if (container.lifecyclePair) fields.push({ name: 'lifecycle', pair: container.lifecyclePair });
      for (const probe of container.probes) fields.push({ name: probe.kind, pair: probe.pair });
      for (const field of fields) {
        const detail = knowsSidecars ? 'may not be set for init containers without restartPolicy=Always' : 'may not be set for init containers';
        const remedy = knowsSidecars
          ? `remove it, or add restartPolicy: Always to make it a native sidecar that keeps running`
          : 'remove it';
        findings.push({
          message: explain(
            apiError.forbidden(`${container.path}.${field.name}`, detail),
            `${describeContainer(container)} runs to completion before the app containers start, so its ${field.name} would never be used: ${remedy}.`,
          ),
          range: field.pair.key.range,
          data: { ...containerRefOf(container), probe: field.name, ...(container.name !== undefined ? { containerName: container.name } : {}) },
        });
      }
    }
    return findings;
  },
});

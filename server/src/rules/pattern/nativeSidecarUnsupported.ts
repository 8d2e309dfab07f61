/**
 * native-sidecar-unsupported: an init container with `restartPolicy: Always` while the
 * target Kubernetes version is below 1.29 (alpha and off by default in 1.28; the field does
 * not exist before 1.28).
 *
 * Quick-fix data: `{ container: string | null, targetVersion: string, minimumVersion: '1.29' }`.
 */
import { minorOf } from '../../service/settings';
import { defineRule, type RuleFinding } from '../types';
import { containerLabel } from './support';

export const nativeSidecarUnsupported = defineRule({
  id: 'native-sidecar-unsupported',
  category: 'pattern',
  defaultSeverity: 'error',
  summary: 'Native sidecars (init containers with restartPolicy: Always) need Kubernetes 1.29 or later.',
  check(pod, context): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const target = context.settings.kubernetesVersion;
    const minor = minorOf(target);
    if (minor >= 29) return findings;
    for (const container of pod.containers) {
      if (container.group !== 'native-sidecar' || !container.restartPolicyPair) continue;
      const where = `${container.path}.restartPolicy`;
      const message =
        minor < 28
          ? `${containerLabel(container)} is a native sidecar, but Kubernetes ${target} has no restartPolicy field on containers: the API server rejects or drops ${where}, and the container then runs as a regular init container that never finishes. Native sidecars need 1.29 or later.`
          : `${containerLabel(container)} is a native sidecar, but in Kubernetes 1.28 they are alpha behind the SidecarContainers feature gate, off by default: without it ${where} is dropped or refused (kubelets report InitContainerRestartPolicyForbidden), and the container would block the pod like a regular init container that never finishes. Native sidecars are on by default from 1.29.`;
      findings.push({
        message,
        range: container.restartPolicyPair.range,
        data: { container: container.name ?? null, targetVersion: target, minimumVersion: '1.29' },
      });
    }
    return findings;
  },
});

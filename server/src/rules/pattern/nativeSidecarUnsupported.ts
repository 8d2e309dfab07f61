/**
 * native-sidecar-unsupported: an init container with `restartPolicy: Always` while the
 * target Kubernetes version is older than the one that turns native sidecars on by default.
 * Both versions come from the API data (service/versions): the field `Container.restartPolicy`
 * (added in 1.28) and the SidecarContainers gate (alpha and off in 1.28, on by default from 1.29).
 *
 * Quick-fix data: `{ container: string | null, targetVersion: string, minimumVersion: '1.29' }`.
 */
import { minorOf } from '../../service/settings';
import { fieldSince, gateAt, NATIVE_SIDECAR_MINOR } from '../../service/versions/apiVersions';
import { defineRule, type RuleFinding } from '../types';
import { containerLabel } from './support';

const FIELD_SINCE = fieldSince('Container', 'restartPolicy');

export const nativeSidecarUnsupported = defineRule({
  id: 'native-sidecar-unsupported',
  category: 'pattern',
  defaultSeverity: 'error',
  summary: `Native sidecars (init containers with restartPolicy: Always) need Kubernetes 1.${NATIVE_SIDECAR_MINOR} or later.`,
  check(pod, context): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const target = context.settings.kubernetesVersion;
    const minor = minorOf(target);
    if (minor >= NATIVE_SIDECAR_MINOR) return findings;
    const gate = gateAt('SidecarContainers', minor);
    for (const container of pod.containers) {
      if (container.group !== 'native-sidecar' || !container.restartPolicyPair) continue;
      const where = `${container.path}.restartPolicy`;
      const message =
        minor < FIELD_SINCE || !gate
          ? `${containerLabel(container)} is a native sidecar, but Kubernetes ${target} has no restartPolicy field on containers: the API server rejects or drops ${where}, and the container then runs as a regular init container that never finishes. Native sidecars need 1.${NATIVE_SIDECAR_MINOR} or later.`
          : `${containerLabel(container)} is a native sidecar, but in Kubernetes ${target} they are ${gate.stage} behind the SidecarContainers feature gate, off by default: without it ${where} is dropped or refused (kubelets report InitContainerRestartPolicyForbidden), and the container would block the pod like a regular init container that never finishes. Native sidecars are on by default from 1.${NATIVE_SIDECAR_MINOR}.`;
      findings.push({
        message,
        range: container.restartPolicyPair.range,
        data: { container: container.name ?? null, targetVersion: target, minimumVersion: `1.${NATIVE_SIDECAR_MINOR}` },
      });
    }
    return findings;
  },
});

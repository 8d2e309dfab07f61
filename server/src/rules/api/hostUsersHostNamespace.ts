import { apiError, explain } from '../engine/apiMessages';
import { specFlag, specPair } from '../engine/podFacts';
import { defineRule, type RuleFinding } from '../types';

/*
 * pkg/apis/core/validation/validation.go (kubernetes/kubernetes) validateHostUsers: with
 * `hostUsers: false` the pod may not share the node's network, PID or IPC namespace. The
 * paths are the API server's, capitals included (`HostPID`, `HostIPC`). Before 1.33 the
 * UserNamespacesSupport feature gate is off by default (alpha 1.25, beta off 1.30, beta on
 * 1.33), and with it off the API server drops `hostUsers` and checks nothing.
 */

export interface HostUsersHostNamespaceData {
  /** The spec key that shares a host namespace: `hostNetwork`, `hostPID` or `hostIPC`. */
  readonly namespaceKey: 'hostNetwork' | 'hostPID' | 'hostIPC';
}

const NAMESPACES = [
  { key: 'hostNetwork', pathKey: 'hostNetwork', noun: 'network' },
  { key: 'hostPID', pathKey: 'HostPID', noun: 'process (PID)' },
  { key: 'hostIPC', pathKey: 'HostIPC', noun: 'IPC' },
] as const;

/** A pod in its own user namespace (`hostUsers: false`) may not use the node's network, PID or IPC namespace. */
export const hostUsersHostNamespace = defineRule({
  id: 'host-users-host-namespace',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'hostUsers: false cannot be combined with hostNetwork, hostPID or hostIPC.',
  minVersion: '1.33',
  check(pod): RuleFinding<HostUsersHostNamespaceData>[] {
    const findings: RuleFinding<HostUsersHostNamespaceData>[] = [];
    const hostUsers = specPair(pod, 'hostUsers');
    if (!hostUsers || !(hostUsers.value?.kind === 'scalar' && hostUsers.value.value === false)) return findings;
    for (const namespace of NAMESPACES) {
      if (!specFlag(pod, namespace.key)) continue;
      findings.push({
        message: explain(
          apiError.forbidden(`${pod.specPath}.${namespace.pathKey}`, 'when `pod.Spec.HostUsers` is false'),
          `a pod in its own user namespace cannot share the node's ${namespace.noun} namespace: drop \`${namespace.key}\`, or \`hostUsers: false\`.`,
        ),
        range: specPair(pod, namespace.key)!.key.range,
        related: [{ range: hostUsers.range, message: 'hostUsers: false' }],
        data: { namespaceKey: namespace.key },
      });
    }
    return findings;
  },
});

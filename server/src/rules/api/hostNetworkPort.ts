import { apiError, explain } from '../engine/apiMessages';
import { describeContainer, isBarePod, specFlag } from '../engine/podFacts';
import type { Rule, RuleFinding } from '../types';

/**
 * With `hostNetwork: true` the container listens on the node itself, so a `hostPort` must equal
 * its `containerPort` (M14b). On a Pod an unset hostPort defaults to the containerPort; in a
 * template it may stay 0. The API server checks app containers only.
 *
 * data: `{ containerIndex: number, portIndex: number, containerPort: number, hostPort: number }`
 * (quick fix: set hostPort to containerPort, or delete hostPort).
 */
export const hostNetworkPort: Rule = {
  id: 'host-network-port',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'With hostNetwork, a hostPort must equal its containerPort.',
  fix: 'Set hostPort to data.containerPort, or delete it.',
  check(pod): RuleFinding[] {
    const findings: RuleFinding[] = [];
    if (!specFlag(pod, 'hostNetwork')) return findings;
    const template = !isBarePod(pod);
    for (const container of pod.containers) {
      if (container.listKey !== 'containers') continue;
      for (const port of container.ports) {
        if (port.containerPort === undefined || port.hostPort === undefined || !port.hostPortNode) continue;
        if (port.hostPort === port.containerPort || (template && port.hostPort === 0)) continue;
        findings.push({
          message: explain(
            apiError.invalid(`${port.path}.hostPort`, port.hostPort, 'must match `containerPort` when `hostNetwork` is true'),
            `the pod uses the node's network, so ${describeContainer(container)} listens on ${port.containerPort} on the node; hostPort ${port.hostPort} cannot remap it.`,
          ),
          range: port.hostPortNode.range,
          related: port.containerPortNode ? [{ range: port.containerPortNode.range, message: 'the containerPort' }] : undefined,
          data: { containerIndex: container.index, portIndex: port.index, containerPort: port.containerPort, hostPort: port.hostPort },
        });
      }
    }
    return findings;
  },
};

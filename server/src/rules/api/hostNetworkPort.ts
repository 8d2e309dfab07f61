import { apiError, explain } from '../engine/apiMessages';
import { describeContainer, isBarePod, specFlag } from '../engine/podFacts';
import { containerOf, podOf, replaceRange } from '../../service/actions/fixes/locate';
import type { QuickFixer } from '../../service/actions/fixes/quickFix';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

/**
 * With `hostNetwork: true` the container listens on the node itself, so a `hostPort` must equal
 * its `containerPort` (M14b). On a Pod an unset hostPort defaults to the containerPort; in a
 * template it may stay 0. The API server checks app containers only.
 */
export interface HostNetworkPortData extends ContainerRef {
  readonly portIndex: number;
  readonly containerPort: number;
  readonly hostPort: number;
}

const setHostPortToContainerPort: QuickFixer<HostNetworkPortData> = {
  description: 'Set hostPort to the containerPort (what the container listens on on the node anyway).',
  fixes(context) {
    const pod = podOf(context);
    const container = pod && containerOf(context, pod);
    const port = container?.ports.find((candidate) => candidate.index === context.data.portIndex);
    const value = port?.hostPortNode;
    // The data is the editor's copy: act only when it still describes the port the finding is on.
    if (
      !port ||
      port.containerPort === undefined ||
      !value ||
      value.range.start !== context.target.start - context.document.offset
    )
      return [];
    return [
      {
        title: `Set hostPort to ${port.containerPort}`,
        edits: [replaceRange(context, value.range.start, value.range.end, String(port.containerPort))],
        preferred: true,
      },
    ];
  },
};

export const hostNetworkPort = defineRule({
  id: 'host-network-port',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'With hostNetwork, a hostPort must equal its containerPort.',
  fixes: [setHostPortToContainerPort],
  check(pod): RuleFinding<HostNetworkPortData>[] {
    const findings: RuleFinding<HostNetworkPortData>[] = [];
    if (!specFlag(pod, 'hostNetwork')) return findings;
    const template = !isBarePod(pod);
    for (const container of pod.containers) {
      if (container.listKey !== 'containers') continue;
      for (const port of container.ports) {
        if (port.containerPort === undefined || port.hostPort === undefined || !port.hostPortNode) continue;
        if (port.hostPort === port.containerPort || (template && port.hostPort === 0)) continue;
        findings.push({
          message: explain(
            apiError.invalid(
              `${port.path}.hostPort`,
              port.hostPort,
              'must match `containerPort` when `hostNetwork` is true',
            ),
            `the pod uses the node's network, so ${describeContainer(container)} listens on ${port.containerPort} on the node; hostPort ${port.hostPort} cannot remap it.`,
          ),
          range: port.hostPortNode.range,
          related: port.containerPortNode
            ? [{ range: port.containerPortNode.range, message: 'the containerPort' }]
            : undefined,
          data: {
            ...containerRefOf(container),
            portIndex: port.index,
            containerPort: port.containerPort,
            hostPort: port.hostPort,
          },
        });
      }
    }
    return findings;
  },
});

import { getPair } from '../../service/yaml/nodes';
import { explain } from '../engine/apiMessages';
import { describeContainer, isBarePod, specFlag } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

export interface HostIpWithoutHostPortData extends ContainerRef {
  readonly portIndex: number;
  readonly hostIP: string;
}

/**
 * `hostIP` only means something for a port published on the node with `hostPort`; without it
 * the API server warns and the field does nothing.
 *
 * data: `{ containerIndex: number, listKey: string, portIndex: number, hostIP: string }`.
 */
export const hostIpWithoutHostPort = defineRule({
  id: 'host-ip-without-host-port',
  category: 'api',
  defaultSeverity: 'warning',
  summary: 'hostIP is set on a port without a hostPort, so it has no effect.',
  check(pod): RuleFinding<HostIpWithoutHostPortData>[] {
    // On a Pod with hostNetwork, hostPort defaults to containerPort, so the hostIP is used.
    const findings: RuleFinding<HostIpWithoutHostPortData>[] = [];
    const hostPortDefaulted = isBarePod(pod) && specFlag(pod, 'hostNetwork');
    for (const container of pod.containers) {
      for (const port of container.ports) {
        if (!port.hostIP || (port.hostPort ?? 0) !== 0 || (hostPortDefaulted && port.containerPort !== undefined))
          continue;
        const hostIPPair = port.node.kind === 'map' ? getPair(port.node, 'hostIP') : undefined;
        if (!hostIPPair) continue;
        const printed = `{Name:${port.name ?? ''} HostPort:0 ContainerPort:${port.containerPort ?? 0} Protocol:${port.protocol} HostIP:${port.hostIP}}`;
        findings.push({
          message: explain(
            `${port.path}: hostIP set without hostPort: ${printed}`,
            `hostIP ${port.hostIP} on a port of ${describeContainer(container)} does nothing unless the port is published on the node with hostPort.`,
          ),
          range: hostIPPair.key.range,
          data: { ...containerRefOf(container), portIndex: port.index, hostIP: port.hostIP },
        });
      }
    }
    return findings;
  },
});

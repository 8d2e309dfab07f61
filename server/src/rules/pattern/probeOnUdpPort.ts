/**
 * probe-on-udp-port: a probe's tcpSocket, httpGet or grpc handler aims at a port that its
 * container declares only as UDP. The API server checks nothing about it (validateTCPSocketAction
 * and ValidatePortNumOrName look at the port's syntax only, pkg/apis/core/validation), and the
 * kubelet connects over TCP whatever the declared protocol (pkg/kubelet/prober: a TCP dial for
 * tcpSocket, HTTP or gRPC over TCP for the others). A UDP-only service never accepts that
 * connection, so the probe fails on every run: a pattern warning, not an API-server finding.
 * Named ports resolve in the probe's own container (as the kubelet does); a number counts only
 * when the container declares it, and only with UDP.
 */
import { getMap, getPair, isScalar } from '../../service/yaml/nodes';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';
import { containerLabel } from './support';

const HANDLERS = ['tcpSocket', 'httpGet', 'grpc'] as const;

export interface ProbeOnUdpPortData extends ContainerRef {
  readonly port: string | number;
}

export const probeOnUdpPort = defineRule({
  id: 'probe-on-udp-port',
  category: 'pattern',
  defaultSeverity: 'warning',
  summary:
    'A tcpSocket, httpGet or grpc probe aims at a port its container declares only as UDP: the probe can never connect.',
  check(pod): RuleFinding<ProbeOnUdpPortData>[] {
    const findings: RuleFinding<ProbeOnUdpPortData>[] = [];
    for (const container of pod.containers) {
      if (container.group === 'init' || container.probes.length === 0 || container.ports.length === 0) continue;
      for (const probe of container.probes) {
        for (const handler of HANDLERS) {
          const portNode = getPair(getMap(probe.node, handler), 'port')?.value;
          if (!isScalar(portNode) || portNode.value === null) continue;
          const written = portNode.value;
          const named = typeof written === 'string' && !/^\d+$/.test(written);
          const matching = container.ports.filter((port) =>
            named ? port.name === written : port.containerPort === Number(written),
          );
          if (matching.length === 0 || matching.some((port) => port.protocol !== 'UDP')) continue;
          const port = typeof written === 'boolean' ? String(written) : written;
          findings.push({
            message: `The ${probe.kind} of ${containerLabel(container)} opens a TCP connection (${handler}) to port ${named ? `"${port}" (${matching[0]!.containerPort ?? '?'})` : port}, which ${containerLabel(container)} declares only as UDP: a UDP-only service never accepts it, so the probe fails on every run. Probe a TCP port, or use an exec probe for the UDP service.`,
            range: portNode.range,
            related: matching.map((candidate) => ({ range: candidate.node.range, message: 'declared as UDP' })),
            data: { ...containerRefOf(container), port },
          });
        }
      }
    }
    return findings;
  },
});

import type { ContainerModel, PodModel, PortModel } from '../../service/model/podModel';
import type { Range } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer, isBarePod, specFlag } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

interface HostPortUse {
  readonly container: ContainerModel;
  readonly port: PortModel;
  readonly hostPort: number;
  /** `TCP//8080`: the key the API server compares. */
  readonly key: string;
  readonly range: Range;
  /** True when hostPort was not written and comes from hostNetwork defaulting. */
  readonly defaulted: boolean;
}

/**
 * Host ports in use, after the API server's defaulting: with hostNetwork, an unset hostPort
 * becomes the containerPort (on a Pod when it is created; for a template, on each pod made from it).
 */
function hostPortsOf(pod: PodModel, container: ContainerModel): HostPortUse[] {
  const hostNetworkDefaulting = specFlag(pod, 'hostNetwork');
  const uses: HostPortUse[] = [];
  for (const port of container.ports) {
    let hostPort = port.hostPort ?? 0;
    let defaulted = false;
    if (hostPort === 0 && hostNetworkDefaulting && port.containerPort !== undefined) {
      hostPort = port.containerPort;
      defaulted = true;
    }
    const node = defaulted ? port.containerPortNode : port.hostPortNode;
    if (hostPort === 0 || !node) continue;
    uses.push({
      container,
      port,
      hostPort,
      key: `${port.protocol}/${port.hostIP ?? ''}/${hostPort}`,
      range: node.range,
      defaulted,
    });
  }
  return uses;
}

function where(use: HostPortUse): string {
  return `${describeContainer(use.container)} ports[${use.port.index}] (${use.port.protocol} ${use.port.hostIP ? `${use.port.hostIP}:` : ''}${use.hostPort}${use.defaulted ? ', defaulted from containerPort by hostNetwork' : ''})`;
}

export interface HostPortConflictData extends ContainerRef {
  readonly hostPort: number;
  readonly protocol: string;
  /** '' when the port sets none (all addresses). */
  readonly hostIP: string;
  readonly portIndex: number;
}

/**
 * Two ports of a pod cannot claim the same `protocol/hostIP/hostPort` on the node (M14). The API
 * server checks app containers together and each init container on its own; a native sidecar
 * and an app container run together too, so that clash is reported as a warning even though
 * the API server lets it through (the pod then fails on the node). So is a clash in a workload
 * template that only hostNetwork defaulting creates: the template is accepted, its pods are not.
 *
 * data: `{ hostPort: number, protocol: string, hostIP: string, containerIndex: number, listKey: string, portIndex: number }`
 */
export const hostPortConflict = defineRule({
  id: 'host-port-conflict',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'Two ports of containers that run together must not use the same hostPort, protocol and hostIP.',
  check(pod): RuleFinding<HostPortConflictData>[] {
    // Without hostNetwork only a written hostPort claims a node port, and most pods write none.
    const findings: RuleFinding<HostPortConflictData>[] = [];
    if (
      !specFlag(pod, 'hostNetwork') &&
      !pod.containers.some((container) => container.ports.some((port) => (port.hostPort ?? 0) !== 0))
    )
      return findings;
    const SIDECAR_CLASH =
      'the API server accepts this (it does not compare sidecars with app containers), but the pod cannot start on the node';
    const TEMPLATE_CLASH =
      "the API server accepts the template, but every pod made from it is rejected, because with hostNetwork a pod's hostPort defaults to its containerPort";
    /** `acceptedBecause` is set for clashes the API server lets through: a warning saying why it still fails. */
    const finding = (
      use: HostPortUse,
      other: HostPortUse,
      apiPath: string,
      acceptedBecause?: string,
    ): RuleFinding<HostPortConflictData> => ({
      message: acceptedBecause
        ? explain(
            `${use.port.path}.hostPort: ${JSON.stringify(use.key)} is also claimed by ${other.port.path}`,
            `${where(use)} and ${where(other)} run at the same time; ${acceptedBecause}.`,
          )
        : explain(
            apiError.duplicate(`${apiPath}.hostPort`, use.key),
            `${where(use)} and ${where(other)} claim the same port on the node${apiPath === use.port.path ? '' : ` (the API server names every init container initContainers[0] here; this is ${use.port.path})`}.`,
          ),
      range: use.range,
      related: [{ range: other.range, message: `${use.key} is also claimed by ${describeContainer(other.container)}` }],
      data: {
        hostPort: use.hostPort,
        protocol: use.port.protocol,
        hostIP: use.port.hostIP ?? '',
        ...containerRefOf(use.container),
        portIndex: use.port.index,
      },
      ...(acceptedBecause ? { severity: 'warning' as const } : {}),
    });

    // A template is validated before defaulting: a clash that only defaulting creates shows up on its pods.
    const templateOnly = (use: HostPortUse, other: HostPortUse): string | undefined =>
      !isBarePod(pod) && (use.defaulted || other.defaulted) ? TEMPLATE_CLASH : undefined;

    // App containers together.
    const appUses = new Map<string, HostPortUse>();
    for (const container of pod.containers) {
      if (container.listKey !== 'containers') continue;
      for (const use of hostPortsOf(pod, container)) {
        const other = appUses.get(use.key);
        if (other) findings.push(finding(use, other, use.port.path, templateOnly(use, other)));
        else appUses.set(use.key, use);
      }
    }
    // Each init container alone. The API server validates a one-element list here, so its
    // path always says initContainers[0]; we print what it prints.
    for (const container of pod.containers) {
      if (container.listKey !== 'initContainers') continue;
      const own = new Map<string, HostPortUse>();
      for (const use of hostPortsOf(pod, container)) {
        const other = own.get(use.key);
        if (other)
          findings.push(
            finding(
              use,
              other,
              use.port.path.replace(/initContainers\[\d+\]/, 'initContainers[0]'),
              templateOnly(use, other),
            ),
          );
        else own.set(use.key, use);
      }
    }
    // Native sidecars run beside the app containers and each other: clashes the API server does not catch.
    const sidecarUses = new Map<string, HostPortUse>();
    for (const container of pod.containers) {
      if (container.group !== 'native-sidecar') continue;
      for (const use of hostPortsOf(pod, container)) {
        const earlierSidecar = sidecarUses.get(use.key);
        const other = earlierSidecar && earlierSidecar.container !== container ? earlierSidecar : appUses.get(use.key);
        if (other) findings.push(finding(use, other, use.port.path, SIDECAR_CLASH));
        if (!earlierSidecar) sidecarUses.set(use.key, use);
      }
    }
    return findings;
  },
});

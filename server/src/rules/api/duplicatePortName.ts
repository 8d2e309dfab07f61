import type { ContainerModel, PortModel } from '../../service/model/podModel';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

interface NamedPort {
  readonly container: ContainerModel;
  readonly port: PortModel;
}

export interface DuplicatePortNameData extends ContainerRef {
  readonly name: string;
  readonly portIndex: number;
  /** The path of the port that declares the name first (it may be in another container). */
  readonly firstPath: string;
}

/**
 * Port names (M20). Within one container a repeated name is rejected. Across containers the
 * API server only warns: Services and probes that pick a port by name take the first one
 * (app containers are searched before native sidecars), so the second is unreachable by name.
 *
 * data: `{ name: string, containerIndex: number, listKey: string, portIndex: number, firstPath: string }`
 */
export const duplicatePortName = defineRule({
  id: 'duplicate-port-name',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'Port names must be unique within a container (an error) and should be unique across the pod (a warning).',
  check(pod): RuleFinding<DuplicatePortNameData>[] {
    // A duplicate takes two named ports, and most pods name at most one.
    const findings: RuleFinding<DuplicatePortNameData>[] = [];
    let namedPorts = 0;
    for (const container of pod.containers)
      for (const port of container.ports) if (port.name && port.nameNode) namedPorts++;
    if (namedPorts < 2) return findings;
    const dataOf = (named: NamedPort, first: NamedPort) => ({
      name: named.port.name!,
      ...containerRefOf(named.container),
      portIndex: named.port.index,
      firstPath: first.port.path,
    });

    for (const container of pod.containers) {
      const own = new Map<string, PortModel>();
      for (const port of container.ports) {
        if (!port.name || !port.nameNode) continue;
        const first = own.get(port.name);
        if (!first) {
          own.set(port.name, port);
          continue;
        }
        findings.push({
          message: explain(
            apiError.duplicate(`${port.path}.name`, port.name),
            `${describeContainer(container)} declares two ports named "${port.name}" (${first.containerPort ?? '?'} and ${port.containerPort ?? '?'}).`,
          ),
          range: port.nameNode.range,
          related: first.nameNode
            ? [{ range: first.nameNode.range, message: `"${port.name}" is first declared here` }]
            : undefined,
          data: dataOf({ container, port }, { container, port: first }),
        });
      }
    }

    // Across containers, in the order name lookups search: app containers, then native sidecars.
    const searchOrder = [
      ...pod.containers.filter((container) => container.group === 'app'),
      ...pod.containers.filter((container) => container.group === 'native-sidecar'),
    ];
    const firstByName = new Map<string, NamedPort>();
    for (const container of searchOrder) {
      const namesInThisContainer = new Set<string>();
      for (const port of container.ports) {
        if (!port.name || !port.nameNode || namesInThisContainer.has(port.name)) continue;
        namesInThisContainer.add(port.name);
        const first = firstByName.get(port.name);
        if (!first) {
          firstByName.set(port.name, { container, port });
          continue;
        }
        findings.push({
          severity: 'warning',
          message: explain(
            `${port.path}: duplicate port name "${port.name}" with ${first.port.path}, services and probes that select ports by name will use ${first.port.path}`,
            `${describeContainer(container)} and ${describeContainer(first.container)} both name a port "${port.name}"; a Service targetPort or probe asking for "${port.name}" always reaches ${describeContainer(first.container)}.`,
          ),
          range: port.nameNode.range,
          related: first.port.nameNode
            ? [
                {
                  range: first.port.nameNode.range,
                  message: `"${port.name}" in ${describeContainer(first.container)} wins name lookups`,
                },
              ]
            : undefined,
          data: dataOf({ container, port }, first),
        });
      }
    }
    return findings;
  },
});

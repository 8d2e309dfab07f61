/**
 * duplicate-container-port: two containers that run at the same time declare the same
 * containerPort and protocol. They share one network namespace, so the second process to
 * bind the port fails. Regular init containers run alone and are compared only with the
 * native sidecars declared before them.
 *
 * Quick-fix data: `{ port: number, protocol: string, otherContainer: string | null }`.
 */
import type { PortModel } from '../../service/model/podModel';
import type { ContainerModel } from '../../service/model/podModel';
import { defineRule, type RuleFinding } from '../types';
import { containerLabel, runTogether } from './support';

export interface DuplicateContainerPortData {
  readonly port: number;
  readonly protocol: string;
  /** The other container on the port; null when it has no name. */
  readonly otherContainer: string | null;
}

export const duplicateContainerPort = defineRule({
  id: 'duplicate-container-port',
  category: 'pattern',
  defaultSeverity: 'warning',
  summary: 'Two containers that run at the same time declare the same containerPort: the second cannot bind it.',
  check(pod): RuleFinding<DuplicateContainerPortData>[] {
    // A clash takes ports in two containers; most pods declare one or two ports in all.
    const findings: RuleFinding<DuplicateContainerPortData>[] = [];
    let declaredPorts = 0;
    for (const container of pod.containers) declaredPorts += container.ports.length;
    if (declaredPorts < 2) return findings;
    const seen: { container: ContainerModel; port: PortModel }[] = [];
    for (const container of pod.containers) {
      const reported = new Set<string>();
      for (const port of container.ports) {
        if (port.containerPort === undefined || !port.containerPortNode) continue;
        const clash = seen.find(
          (entry) =>
            entry.container !== container &&
            entry.port.containerPort === port.containerPort &&
            entry.port.protocol === port.protocol &&
            runTogether(pod, entry.container, container),
        );
        if (!clash) continue;
        const key = `${port.containerPort}/${port.protocol}`;
        if (!reported.has(key)) {
          reported.add(key);
          findings.push({
            message:
              `${containerLabel(container)} declares containerPort ${key}, which ${containerLabel(clash.container)} also declares: ` +
              `both run at the same time in the pod's one network namespace, so whichever starts second cannot bind it.`,
            range: port.containerPortNode.range,
            related: [
              {
                range: clash.port.containerPortNode!.range,
                message: `${containerLabel(clash.container)} declares ${key} here`,
              },
            ],
            data: { port: port.containerPort, protocol: port.protocol, otherContainer: clash.container.name ?? null },
          });
        }
      }
      for (const port of container.ports) seen.push({ container, port });
    }
    return findings;
  },
});

/**
 * init-container-ports: ports on a regular init container. It runs to completion before
 * the app starts and its ports are never added to a Service's endpoints.
 *
 * Quick-fix data: `{ container: string | null, containerIndex: number }` — remove the
 * `ports` key of `initContainers[containerIndex]` (or make it a native sidecar).
 */
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';
import { containerLabel } from './support';
import { containerOf, deletePairLines, podOf } from '../../service/actions/fixes/locate';
import type { QuickFixer } from '../../service/actions/fixes/quickFix';

export interface InitContainerPortsData extends ContainerRef {
  /** Its name; null when it has none. */
  readonly container: string | null;
}

/** Ports on a regular init container are never served: remove them. */
export const initContainerPortsFix: QuickFixer<InitContainerPortsData> = {
  description: 'Remove the ports of the init container.',
  fixes(context) {
    const pod = podOf(context);
    const container = pod && containerOf(context, pod);
    const remove =
      container?.group === 'init' && container.portsPair ? deletePairLines(context, container.portsPair) : undefined;
    return remove
      ? [{ title: `Remove the ports of init container "${container!.name ?? ''}"`, edits: [remove], preferred: true }]
      : [];
  },
};

export const initContainerPorts = defineRule({
  id: 'init-container-ports',
  category: 'pattern',
  defaultSeverity: 'warning',
  summary: 'Ports on a regular init container are never served to Services.',
  fixes: [initContainerPortsFix],
  check(pod): RuleFinding<InitContainerPortsData>[] {
    const findings: RuleFinding<InitContainerPortsData>[] = [];
    for (const container of pod.containers) {
      if (container.group !== 'init' || container.ports.length === 0 || !container.portsPair) continue;
      findings.push({
        message: `Init container ${containerLabel(container)} declares ports (${container.ports.map((port) => port.containerPort ?? '?').join(', ')}), but it runs to completion before the app containers start and Services never route to init container ports. Remove them, or make it a native sidecar (restartPolicy: Always) if it must keep serving.`,
        range: container.portsPair.key.range,
        data: { ...containerRefOf(container), container: container.name ?? null },
      });
    }
    return findings;
  },
});

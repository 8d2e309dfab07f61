/**
 * init-waits-on-later-container: a regular init container reaches a localhost port that only
 * an app container, or a native sidecar declared after it, serves. Init containers run one
 * by one before anything declared after them starts, so it waits forever.
 *
 * Quick-fix data: `{ port: number, servedBy: string | null, servedByGroup: 'init' |
 * 'native-sidecar' | 'app' }` — a fix makes the server a native sidecar declared before
 * the waiting init container.
 */
import { analyzePod } from '../../service/analysis/analyzePod';
import { defineRule, type RuleFinding } from '../types';
import type { ContainerGroup } from '../../service/model/podModel';
import { containerLabel, linkRange } from './support';

const WHY: Readonly<Record<string, string>> = {
  app: 'an app container, which starts only after every init container has finished',
  'native-sidecar': 'a native sidecar declared after it, which starts only once this init container has finished',
  init: 'another regular init container, which is not running while this one runs',
};

export interface InitWaitsOnLaterContainerData {
  readonly port: number;
  /** The container that listens on the port; null when it has no name. */
  readonly servedBy: string | null;
  readonly servedByGroup: ContainerGroup;
}

export const initWaitsOnLaterContainer = defineRule({
  id: 'init-waits-on-later-container',
  category: 'pattern',
  defaultSeverity: 'error',
  summary:
    'An init container waits for a localhost port that only a container started after it serves: the pod never starts.',
  check(pod, context): RuleFinding<InitWaitsOnLaterContainerData>[] {
    const findings: RuleFinding<InitWaitsOnLaterContainerData>[] = [];
    const analysis = analyzePod(pod);
    if (analysis.hostNetwork) return findings;
    const reported = new Set<string>();
    for (const link of analysis.links) {
      if (link.from.group !== 'init' || !link.to) continue;
      // One finding per container and port: the first reference stands for the others.
      const key = `${pod.containers.indexOf(link.from)}:${link.port}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const position = pod.containers.indexOf(link.from);
      const servers = analysis.servedPorts.filter((entry) => entry.port === link.port && entry.protocol !== 'UDP');
      const available = servers.some(
        (entry) =>
          entry.container === link.from ||
          (entry.container.group === 'native-sidecar' && pod.containers.indexOf(entry.container) < position),
      );
      if (available) continue;
      const server = servers[0]!;
      findings.push({
        message:
          `Init container ${containerLabel(link.from)} connects to ${link.text}, served only by ${containerLabel(server.container)}, ` +
          `${WHY[server.container.group]}: ${containerLabel(link.from)} never gets an answer and the pod never starts. ` +
          `Declare ${containerLabel(server.container)} as a native sidecar (initContainers, restartPolicy: Always) before it.`,
        range: linkRange(context.document.text, link),
        related: servers.map((entry) => ({
          range: entry.range,
          message: `${containerLabel(entry.container)} serves port ${entry.port}`,
        })),
        data: { port: link.port, servedBy: server.container.name ?? null, servedByGroup: server.container.group },
      });
    }
    return findings;
  },
});

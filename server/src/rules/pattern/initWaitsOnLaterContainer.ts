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
import { detectIndentStyle } from '../../service/edits/indentStyle';
import { UnsupportedLayout } from '../../service/edits/insertion';
import { lineBreakOf } from '../../service/edits/lines';
import { itemLines, moveItem } from '../../service/edits/moveItem';
import { shiftEdits } from '../../service/edits/textEdits';
import { restartPolicyAlways } from '../../service/actions/fixes/moveToNativeSidecar';
import { localOffset, podOf } from '../../service/actions/fixes/locate';
import { dataOf, type QuickFixer } from '../../service/actions/fixes/quickFix';
import { minorOf } from '../../service/settings';
import { NATIVE_SIDECAR_MINOR } from '../../service/versions/apiVersions';

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

/**
 * The fix the message asks for: the serving container becomes a native sidecar (restartPolicy:
 * Always) declared just above the waiting init container, so it is started, and its startup
 * probe passed, before the init container runs. An init container already above keeps its place.
 */
export const declareServerAsNativeSidecarFix: QuickFixer<InitWaitsOnLaterContainerData> = {
  description:
    'Declare the serving container as a native sidecar (restartPolicy: Always) before the waiting init container.',
  fixes(context) {
    const pod = podOf(context);
    const data = dataOf(context.target);
    if (!pod?.spec || typeof data.servedBy !== 'string') return [];
    if (minorOf(context.settings.kubernetesVersion) < NATIVE_SIDECAR_MINOR) return [];
    const at = localOffset(context);
    const waiting = pod.containers.find(
      (container) => container.group === 'init' && container.node.range.start <= at && at <= container.node.range.end,
    );
    const server = pod.containers.find(
      (container) => container.name === data.servedBy && container.group === data.servedByGroup,
    );
    if (!waiting || !server?.map || server === waiting) return [];
    const text = context.document.model.text;
    const style = detectIndentStyle(text, pod.root, lineBreakOf(text));
    const rewrite =
      server.group === 'native-sidecar' ? (itemText: string) => itemText : restartPolicyAlways(text, server, style);
    try {
      let edits;
      if (server.listKey === 'initContainers' && server.node.range.start < waiting.node.range.start) {
        // Already above the waiting container: only its restart policy changes.
        const lines = itemLines(text, server.node);
        edits = [
          { start: lines.start, end: lines.end, newText: rewrite(text.slice(lines.start, lines.end), lines.start) },
        ];
      } else {
        edits = moveItem(
          text,
          server.node,
          pod.spec,
          pod.initContainersPair,
          'initContainers',
          pod.containersPair,
          style,
          rewrite,
          waiting.node,
        );
      }
      return [
        {
          title: `Declare "${data.servedBy}" as a native sidecar before "${waiting.name ?? 'the init container'}" (restartPolicy: Always)`,
          edits: shiftEdits(edits, context.document.offset),
          preferred: true,
        },
      ];
    } catch (error) {
      if (error instanceof UnsupportedLayout) return [];
      throw error;
    }
  },
};

export const initWaitsOnLaterContainer = defineRule({
  id: 'init-waits-on-later-container',
  category: 'pattern',
  defaultSeverity: 'error',
  summary:
    'An init container waits for a localhost port that only a container started after it serves: the pod never starts.',
  fixes: [declareServerAsNativeSidecarFix],
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

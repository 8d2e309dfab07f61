/**
 * unshared-volume: in a multi-container pod, an emptyDir mounted by one container only.
 * The pod's volumes exist to pass files between its containers; a scratch emptyDir is
 * fine, so this is information.
 *
 * Quick-fix data: `{ volume: string, mountedBy: string | null, others: string[] }` — a fix
 * adds the same volumeMount to one of `others`.
 */
import { analyzePod } from '../../service/analysis/analyzePod';
import { someText } from '../../service/analysis/textSources';
import { escapeRegExp } from '../../service/analysis/localhostLinks';
import type { ContainerModel } from '../../service/model/podModel';
import { defineRule, type RuleFinding } from '../types';
import { containerLabel, fileKeyRefVolume } from './support';
import { detectIndentStyle } from '../../service/edits/indentStyle';
import { addPair, appendToSequence } from '../../service/edits/insertion';
import { lineBreakOf } from '../../service/edits/lines';
import { uniquePath } from '../../service/edits/names';
import { podOf, replaceRange } from '../../service/actions/fixes/locate';
import { dataOf, type FixCandidate, type QuickFixer } from '../../service/actions/fixes/quickFix';

export interface UnsharedVolumeData {
  readonly volume: string;
  /** The one container that mounts it; null when it has no name. */
  readonly mountedBy: string | null;
  readonly others: readonly string[];
}

/** An emptyDir only one container mounts: mount it in another one (the main container first). */
export const unsharedVolumeFix: QuickFixer<UnsharedVolumeData> = {
  description: 'Mount the volume in another container too (offered, never applied unasked).',
  fixes(context) {
    const pod = podOf(context);
    const volume = dataOf(context.target).volume;
    if (!pod || typeof volume !== 'string') return [];
    const analysis = analyzePod(pod);
    const sharing = analysis.volumes.find((candidate) => candidate.name === volume);
    const user = sharing?.mountedBy[0];
    if (!sharing || !user) return [];
    const text = context.document.model.text;
    const style = detectIndentStyle(text, pod.root, lineBreakOf(text));
    const others = pod.containers.filter(
      (container) => container !== user.container && container.map && !container.map.flow,
    );
    others.sort((a, b) => Number(b === analysis.main) - Number(a === analysis.main));
    // Never the preferred fix: whether the volume is scratch space or meant to be shared is the author's call.
    return others.map((container): FixCandidate => {
      const paths = new Set(container.volumeMounts.flatMap((mount) => (mount.mountPath ? [mount.mountPath] : [])));
      const mount = { name: volume, mountPath: uniquePath(user.mount.mountPath ?? `/${volume}`, paths) };
      const edit = container.volumeMountsPair
        ? appendToSequence(text, container.volumeMountsPair, [mount], style)
        : addPair(text, container.map!, 'volumeMounts', [mount], style);
      return {
        title: `Mount "${volume}" in "${container.name ?? 'container'}" at ${mount.mountPath}`,
        edits: [replaceRange(context, edit.start, edit.end, edit.newText)],
      };
    });
  },
};

/**
 * Whether `container` could be the other side of a file exchange through a volume mounted at
 * `mountPath`: any container that runs beside it, and a regular init container that mounts a
 * volume or names a path of that one. A setup step that tunes a sysctl or waits for a
 * Service shares no files, and a scratch volume beside it is nothing to report.
 */
function mayShareFiles(container: ContainerModel, mountPath: string | undefined): boolean {
  if (container.group !== 'init' || container.volumeMounts.length > 0) return true;
  const base = mountPath?.replace(/\/+$/, '');
  if (!base) return false;
  const mention = new RegExp(`(?:^|[\\s'"=:])${escapeRegExp(base)}(?:[/\\s'"]|$)`);
  return someText(container, (text) => mention.test(text));
}

export const unsharedVolume = defineRule({
  id: 'unshared-volume',
  category: 'pattern',
  defaultSeverity: 'information',
  summary: 'An emptyDir in a multi-container pod is mounted by one container only.',
  fixes: [unsharedVolumeFix],
  check(pod): RuleFinding<UnsharedVolumeData>[] {
    const findings: RuleFinding<UnsharedVolumeData>[] = [];
    if (pod.containers.length < 2) return findings;
    for (const sharing of analyzePod(pod).volumes) {
      if (sharing.type !== 'emptyDir' || !sharing.volume?.nameNode) continue;
      // Env files (`valueFrom.fileKeyRef`) read the volume without mounting it.
      const users = new Set<ContainerModel>();
      for (const use of sharing.mountedBy) users.add(use.container);
      // Readers can only add users: with two already the volume is shared.
      if (users.size < 2) {
        for (const container of pod.containers)
          if (container.env.some((entry) => fileKeyRefVolume(entry) === sharing.name)) users.add(container);
      }
      if (users.size !== 1) continue;
      const [user] = users;
      const mountPath = sharing.mountedBy.find((use) => use.container === user)?.mount.mountPath;
      const others = pod.containers.filter((container) => container !== user && mayShareFiles(container, mountPath));
      if (others.length === 0) continue;
      findings.push({
        message: `emptyDir "${sharing.name}" is mounted only by ${containerLabel(user!)}: the pod's other containers (${others.map(containerLabel).join(', ')}) cannot see what it holds. Fine for scratch space; to share files, mount it in the other container too.`,
        range: sharing.volume.nameNode.range,
        related: sharing.mountedBy.map((use) => ({
          range: use.mount.node.range,
          message: `mounted by ${containerLabel(use.container)} at ${use.mount.mountPath ?? '?'}`,
        })),
        data: {
          volume: sharing.name,
          mountedBy: user!.name ?? null,
          others: others.flatMap((container) => (container.name !== undefined ? [container.name] : [])),
        },
      });
    }
    return findings;
  },
});

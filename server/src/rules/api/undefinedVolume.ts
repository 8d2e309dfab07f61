import type { PodModel } from '../../service/model/podModel';
import { getIn, isSeq, scalarText } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { defineRule, type RuleFinding } from '../types';
import { detectIndentStyle } from '../../service/edits/indentStyle';
import { addPair, appendToSequence, UnsupportedLayout } from '../../service/edits/insertion';
import { lineBreakOf } from '../../service/edits/lines';
import { podOf, localOffset, replaceRange } from '../../service/actions/fixes/locate';
import { dataOf, type FixCandidate, type QuickFixer } from '../../service/actions/fixes/quickFix';
import { closestNames } from '../../service/text/closestNames';

/** A StatefulSet's `volumeClaimTemplates` become volumes of its pods, so mounts may name them. */
function claimTemplateNames(pod: PodModel): string[] {
  if (pod.kind !== 'StatefulSet') return [];
  const templates = getIn(pod.root, ['spec', 'volumeClaimTemplates']);
  if (!isSeq(templates)) return [];
  return templates.items.flatMap((item) => {
    const name = scalarText(getIn(item, ['metadata', 'name']));
    return name !== undefined ? [name] : [];
  });
}

/** Whether `spec.volumes` has a volume of this (non-empty) name. */
function declaresVolume(pod: PodModel, name: string): boolean {
  for (const volume of pod.volumes) if (volume.name === name) return true;
  return false;
}

function existingVolumesOf(pod: PodModel): { existingVolumes: string[]; known: Set<string> } {
  const existingVolumes = [
    ...pod.volumes.flatMap((volume) => (volume.name ? [volume.name] : [])),
    ...claimTemplateNames(pod),
  ];
  return { existingVolumes, known: new Set(existingVolumes) };
}

export interface UndefinedVolumeData {
  readonly volumeName: string;
  /** The names the pod declares (the "mount this instead" fixes). */
  readonly existingVolumes: readonly string[];
  readonly containerName?: string;
  readonly mountPath?: string;
}

/**
 * A mount names no volume: point the mount at an existing volume (preferred when one is a near
 * spelling of the name), or declare it as an emptyDir (preferred otherwise).
 */
export const undefinedVolumeFix: QuickFixer<UndefinedVolumeData> = {
  description: 'Declare the volume as an emptyDir, or mount an existing volume instead.',
  fixes(context) {
    const pod = podOf(context);
    const data = dataOf(context.target);
    if (!pod?.spec || typeof data.volumeName !== 'string') return [];
    const text = context.document.model.text;
    const at = localOffset(context);
    const mount = pod.containers
      .flatMap((container) => container.volumeMounts)
      .find(
        (candidate) => candidate.nameNode && candidate.nameNode.range.start <= at && at <= candidate.nameNode.range.end,
      );
    const fixes: FixCandidate[] = [];
    const existing = Array.isArray(data.existingVolumes)
      ? data.existingVolumes.filter((name): name is string => typeof name === 'string')
      : pod.volumes.flatMap((v) => (v.name ? [v.name] : []));
    // `log` mounted, `logs` declared: a typo. Mounting the declared volume is the fix; a new empty volume would hide it.
    const closest = mount?.nameNode ? closestNames(data.volumeName, existing, 1)[0] : undefined;
    if (mount?.nameNode) {
      for (const name of closest ? [closest, ...existing.filter((other) => other !== closest)] : existing) {
        fixes.push({
          title: `Mount volume "${name}" instead`,
          edits: [replaceRange(context, mount.nameNode.range.start, mount.nameNode.range.end, name)],
          ...(name === closest ? { preferred: true } : {}),
        });
      }
    }
    const style = detectIndentStyle(text, pod.root, lineBreakOf(text));
    const volume = { name: data.volumeName, emptyDir: {} };
    try {
      const edit = pod.volumesPair
        ? appendToSequence(text, pod.volumesPair, [volume], style)
        : addPair(text, pod.spec, 'volumes', [volume], style);
      const declare = {
        title: `Declare volume "${data.volumeName}" as an emptyDir`,
        edits: [replaceRange(context, edit.start, edit.end, edit.newText)],
        ...(closest ? {} : { preferred: true }),
      };
      // Preferred fixes come first: the declaration leads unless a declared volume is the likely meaning.
      if (closest) fixes.push(declare);
      else fixes.unshift(declare);
    } catch (error) {
      // `volumes` written as something we do not append to (a scalar, a non-empty flow list): the mount fixes remain.
      if (!(error instanceof UnsupportedLayout)) throw error;
    }
    return fixes;
  },
};

/**
 * Every `volumeMounts[].name` must name a volume in `spec.volumes` (M2), or for a StatefulSet
 * one of its `volumeClaimTemplates`.
 *
 * data: `{ volumeName: string, existingVolumes: string[], containerName?: string, mountPath?: string }`
 * (quick fixes: rename the mount to one of `existingVolumes`, or add an `emptyDir` volume named `volumeName`).
 */
export const undefinedVolume = defineRule({
  id: 'undefined-volume',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'A volume mount must name a volume declared in the pod.',
  fixes: [undefinedVolumeFix],
  check(pod): RuleFinding<UndefinedVolumeData>[] {
    // Most mounts name a volume of the pod: the full list is built only when one does not.
    const findings: RuleFinding<UndefinedVolumeData>[] = [];
    let existing: { existingVolumes: string[]; known: Set<string> } | undefined;
    for (const container of pod.containers) {
      for (const mount of container.volumeMounts) {
        if (!mount.name || !mount.nameNode || declaresVolume(pod, mount.name)) continue;
        const { existingVolumes, known } = (existing ??= existingVolumesOf(pod));
        if (known.has(mount.name)) continue;
        const declared =
          existingVolumes.length > 0
            ? `the pod declares ${existingVolumes.map((name) => `"${name}"`).join(', ')}`
            : 'the pod declares no volumes';
        findings.push({
          message: explain(
            apiError.notFound(`${mount.path}.name`, mount.name),
            `${describeContainer(container)} mounts volume "${mount.name}"${mount.mountPath ? ` at ${mount.mountPath}` : ''}, but no volume has that name (${declared}).`,
          ),
          range: mount.nameNode.range,
          related: pod.volumesPair
            ? [{ range: pod.volumesPair.key.range, message: "The pod's volumes are declared here" }]
            : undefined,
          data: {
            volumeName: mount.name,
            existingVolumes,
            ...(container.name !== undefined ? { containerName: container.name } : {}),
            ...(mount.mountPath !== undefined ? { mountPath: mount.mountPath } : {}),
          },
        });
      }
    }
    return findings;
  },
});

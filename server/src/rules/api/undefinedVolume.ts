import type { PodModel } from '../../service/model/podModel';
import { getIn, isSeq, scalarText } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { defineRule, type RuleFinding } from '../types';
import { undefinedVolumeFix } from '../../service/actions/fixes/undefinedVolume';

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
  const existingVolumes = [...pod.volumes.flatMap((volume) => (volume.name ? [volume.name] : [])), ...claimTemplateNames(pod)];
  return { existingVolumes, known: new Set(existingVolumes) };
}

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
  check(pod): RuleFinding[] {
    // Most mounts name a volume of the pod: the full list is built only when one does not.
    const findings: RuleFinding[] = [];
    let existing: { existingVolumes: string[]; known: Set<string> } | undefined;
    for (const container of pod.containers) {
      for (const mount of container.volumeMounts) {
        if (!mount.name || !mount.nameNode || declaresVolume(pod, mount.name)) continue;
        const { existingVolumes, known } = (existing ??= existingVolumesOf(pod));
        if (known.has(mount.name)) continue;
        const declared = existingVolumes.length > 0 ? `the pod declares ${existingVolumes.map((name) => `"${name}"`).join(', ')}` : 'the pod declares no volumes';
        findings.push({
          message: explain(
            apiError.notFound(`${mount.path}.name`, mount.name),
            `${describeContainer(container)} mounts volume "${mount.name}"${mount.mountPath ? ` at ${mount.mountPath}` : ''}, but no volume has that name (${declared}).`,
          ),
          range: mount.nameNode.range,
          related: pod.volumesPair ? [{ range: pod.volumesPair.key.range, message: 'The pod\'s volumes are declared here' }] : undefined,
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

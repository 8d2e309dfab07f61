import type { VolumeModel } from '../../service/model/podModel';
import { apiError, explain } from '../engine/apiMessages';
import { defineRule, type RuleFinding } from '../types';

export interface DuplicateVolumeNameData {
  readonly name: string;
  readonly volumeIndex: number;
  /** The volume that declares the name first. */
  readonly firstIndex: number;
}

/**
 * Volume names are unique within a pod.
 *
 * data: `{ name: string, volumeIndex: number, firstIndex: number }`
 */
export const duplicateVolumeName = defineRule({
  id: 'duplicate-volume-name',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'Volume names must be unique within a pod.',
  check(pod): RuleFinding<DuplicateVolumeNameData>[] {
    const findings: RuleFinding<DuplicateVolumeNameData>[] = [];
    const seen = new Map<string, VolumeModel>();
    for (const volume of pod.volumes) {
      if (!volume.name || !volume.nameNode) continue;
      const first = seen.get(volume.name);
      if (!first) {
        seen.set(volume.name, volume);
        continue;
      }
      findings.push({
        message: explain(
          apiError.duplicate(`${volume.path}.name`, volume.name),
          `two volumes are named "${volume.name}" (${first.type ?? 'no source'} and ${volume.type ?? 'no source'}); mounts could not tell them apart.`,
        ),
        range: volume.nameNode.range,
        related: first.nameNode
          ? [{ range: first.nameNode.range, message: `"${volume.name}" is first declared here` }]
          : undefined,
        data: { name: volume.name, volumeIndex: volume.index, firstIndex: first.index },
      });
    }
    return findings;
  },
});

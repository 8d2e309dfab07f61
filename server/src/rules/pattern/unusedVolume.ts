/**
 * unused-volume: a declared volume that no container mounts (nor uses as a block device or
 * an env file source).
 *
 * Quick-fix data: `{ volume: string, volumeIndex: number }` — remove `volumes[volumeIndex]`.
 */
import { getSeq, getString, isMap } from '../../service/yaml/nodes';
import { fileKeyRefVolume } from './support';
import { defineRule, type RuleFinding } from '../types';
import { analyzePod } from '../../service/analysis/analyzePod';
import { UnsupportedLayout } from '../../service/edits/insertion';
import { itemLines } from '../../service/edits/moveItem';
import { podOf, replaceRange } from '../../service/actions/fixes/locate';
import { dataOf, type QuickFixer } from '../../service/actions/fixes/quickFix';

export interface UnusedVolumeData {
  readonly volume: string;
  readonly volumeIndex: number;
}

/** A volume no container mounts: remove it (with the comments above it). */
export const unusedVolumeFix: QuickFixer<UnusedVolumeData> = {
  description: 'Remove the volume.',
  fixes(context) {
    const pod = podOf(context);
    const data = dataOf(context.target);
    const volume = pod?.volumes.find(
      (candidate) => candidate.index === data.volumeIndex && candidate.name === data.volume,
    );
    if (!pod || !volume) return [];
    try {
      const lines = itemLines(context.document.model.text, volume.node);
      // The last volume goes with its list key, or `volumes:` would be left holding null.
      if (pod.volumes.length === 1) return [];
      return [
        {
          title: `Remove the unused volume "${volume.name ?? ''}"`,
          edits: [replaceRange(context, lines.start, lines.end, '')],
        },
      ];
    } catch (error) {
      if (error instanceof UnsupportedLayout) return [];
      throw error;
    }
  },
};

export const unusedVolume = defineRule({
  id: 'unused-volume',
  category: 'pattern',
  defaultSeverity: 'warning',
  summary: 'A declared volume is mounted by no container.',
  fixes: [unusedVolumeFix],
  check(pod): RuleFinding<UnusedVolumeData>[] {
    const findings: RuleFinding<UnusedVolumeData>[] = [];
    const otherUses = new Set<string>();
    for (const container of pod.containers) {
      for (const device of getSeq(container.map, 'volumeDevices')?.items ?? []) {
        const name = getString(device, 'name');
        if (name !== undefined) otherUses.add(name);
      }
      for (const variable of container.env) {
        const name = fileKeyRefVolume(variable);
        if (name !== undefined) otherUses.add(name);
      }
    }
    for (const sharing of analyzePod(pod).volumes) {
      const volume = sharing.volume;
      if (!volume?.nameNode || sharing.mountedBy.length > 0 || otherUses.has(sharing.name) || !isMap(volume.node))
        continue;
      findings.push({
        message: `Volume "${sharing.name}" is declared but no container mounts it: add a volumeMount where it is needed, or remove it.`,
        range: volume.nameNode.range,
        tags: ['unnecessary'],
        data: { volume: sharing.name, volumeIndex: volume.index },
      });
    }
    return findings;
  },
});

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
import { unusedVolumeFix } from '../../service/actions/fixes/unusedVolume';

export const unusedVolume = defineRule({
  id: 'unused-volume',
  category: 'pattern',
  defaultSeverity: 'warning',
  summary: 'A declared volume is mounted by no container.',
  fixes: [unusedVolumeFix],
  check(pod): RuleFinding[] {
    const findings: RuleFinding[] = [];
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
      if (!volume?.nameNode || sharing.mountedBy.length > 0 || otherUses.has(sharing.name) || !isMap(volume.node)) continue;
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

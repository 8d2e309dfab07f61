/**
 * memory-volume-without-limit: an emptyDir with `medium: Memory` and no `sizeLimit`,
 * mounted by a container without a memory limit. Files in a tmpfs count as the writer's
 * memory; with no bound anywhere, filling it takes memory from the node.
 *
 * Quick-fix data: `{ volume: string, containers: string[] }` — add `sizeLimit` to the
 * emptyDir, or memory limits to `containers`.
 */
import { analyzePod } from '../../service/analysis/analyzePod';
import { getMap, getPair, getString } from '../../service/yaml/nodes';
import { defineRule, type RuleFinding } from '../types';
import { containerLabel } from './support';
import { memoryVolumeWithoutLimitFix } from '../../service/actions/fixes/memoryVolumeWithoutLimit';

export const memoryVolumeWithoutLimit = defineRule({
  id: 'memory-volume-without-limit',
  category: 'pattern',
  defaultSeverity: 'warning',
  summary: 'A memory-backed emptyDir has no sizeLimit and a container mounting it has no memory limit.',
  fixes: [memoryVolumeWithoutLimitFix],
  check(pod): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const sharing of analyzePod(pod).volumes) {
      if (sharing.type !== 'emptyDir' || !sharing.volume) continue;
      const emptyDir = getMap(sharing.volume.node, 'emptyDir');
      const medium = getPair(emptyDir, 'medium');
      if (getString(emptyDir, 'medium') !== 'Memory' || !medium || getPair(emptyDir, 'sizeLimit')) continue;
      const unbounded = [...new Set(sharing.mountedBy.map((use) => use.container))].filter((container) => !container.resources.limits?.values.has('memory'));
      if (unbounded.length === 0) continue;
      findings.push({
        message: `emptyDir "${sharing.name}" lives in memory with no sizeLimit, and ${unbounded.map(containerLabel).join(', ')} ${unbounded.length === 1 ? 'has' : 'have'} no memory limit: what they write there is unbounded node memory. Set emptyDir.sizeLimit or a memory limit.`,
        range: medium.range,
        data: { volume: sharing.name, containers: unbounded.flatMap((container) => (container.name !== undefined ? [container.name] : [])) },
      });
    }
    return findings;
  },
});

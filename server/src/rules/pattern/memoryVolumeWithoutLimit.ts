/**
 * memory-volume-without-limit: an emptyDir with `medium: Memory` and no `sizeLimit`,
 * mounted by a container without a memory limit. Files in a tmpfs count as the writer's
 * memory; with no bound anywhere, filling it takes memory from the node.
 *
 * Quick-fix data: `{ volume: string, containers: string[] }` — add `sizeLimit` to the
 * emptyDir, or memory limits to `containers`.
 */
import { analyzePod } from '../../service/analysis/analyzePod';
import { getMap, getPair, getString, isMap } from '../../service/yaml/nodes';
import { defineRule, type RuleFinding } from '../types';
import { containerLabel } from './support';
import { detectIndentStyle } from '../../service/edits/indentStyle';
import { addPair } from '../../service/edits/insertion';
import { lineBreakOf } from '../../service/edits/lines';
import { podOf, replaceRange } from '../../service/actions/fixes/locate';
import { dataOf, type QuickFixer } from '../../service/actions/fixes/quickFix';

export interface MemoryVolumeWithoutLimitData {
  readonly volume: string;
  /** The containers that mount it without a memory limit. */
  readonly containers: readonly string[];
}

/** A memory-backed emptyDir without a size limit: bound it (the size counts against memory). */
export const memoryVolumeWithoutLimitFix: QuickFixer<MemoryVolumeWithoutLimitData> = {
  description: 'Add sizeLimit: 64Mi to the emptyDir.',
  fixes(context) {
    const pod = podOf(context);
    const volume = pod?.volumes.find((candidate) => candidate.name === dataOf(context.target).volume);
    const emptyDir = volume && isMap(volume.node) ? getMap(volume.node, 'emptyDir') : undefined;
    if (!pod || !emptyDir || emptyDir.flow || getPair(emptyDir, 'sizeLimit')) return [];
    const text = context.document.model.text;
    const edit = addPair(text, emptyDir, 'sizeLimit', '64Mi', detectIndentStyle(text, pod.root, lineBreakOf(text)));
    return [
      {
        title: `Limit "${volume!.name ?? ''}" to 64Mi (sizeLimit)`,
        edits: [replaceRange(context, edit.start, edit.end, edit.newText)],
      },
    ];
  },
};

export const memoryVolumeWithoutLimit = defineRule({
  id: 'memory-volume-without-limit',
  category: 'pattern',
  defaultSeverity: 'warning',
  summary: 'A memory-backed emptyDir has no sizeLimit and a container mounting it has no memory limit.',
  fixes: [memoryVolumeWithoutLimitFix],
  check(pod): RuleFinding<MemoryVolumeWithoutLimitData>[] {
    const findings: RuleFinding<MemoryVolumeWithoutLimitData>[] = [];
    for (const sharing of analyzePod(pod).volumes) {
      if (sharing.type !== 'emptyDir' || !sharing.volume) continue;
      const emptyDir = getMap(sharing.volume.node, 'emptyDir');
      const medium = getPair(emptyDir, 'medium');
      if (getString(emptyDir, 'medium') !== 'Memory' || !medium || getPair(emptyDir, 'sizeLimit')) continue;
      const unbounded = [...new Set(sharing.mountedBy.map((use) => use.container))].filter(
        (container) => !container.resources.limits?.values.has('memory'),
      );
      if (unbounded.length === 0) continue;
      findings.push({
        message: `emptyDir "${sharing.name}" lives in memory with no sizeLimit, and ${unbounded.map(containerLabel).join(', ')} ${unbounded.length === 1 ? 'has' : 'have'} no memory limit: what they write there is unbounded node memory. Set emptyDir.sizeLimit or a memory limit.`,
        range: medium.range,
        data: {
          volume: sharing.name,
          containers: unbounded.flatMap((container) => (container.name !== undefined ? [container.name] : [])),
        },
      });
    }
    return findings;
  },
});

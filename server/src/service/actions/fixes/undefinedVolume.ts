import { detectIndentStyle } from '../../edits/indentStyle';
import { addPair, appendToSequence } from '../../edits/insertion';
import { lineBreakOf } from '../../edits/lines';
import { podOf, localOffset, replaceRange } from './locate';
import { dataOf, type FixCandidate, type QuickFixer } from './quickFix';

/** A mount names no volume: declare it as an emptyDir, or point the mount at an existing volume. */
export const undefinedVolumeFix: QuickFixer = {
  description: 'Declare the volume as an emptyDir, or mount an existing volume instead.',
  fixes(context) {
    const pod = podOf(context);
    const data = dataOf(context.target);
    if (!pod?.spec || typeof data.volumeName !== 'string') return [];
    const text = context.document.model.text;
    const at = localOffset(context);
    const mount = pod.containers.flatMap((container) => container.volumeMounts).find((candidate) => candidate.nameNode && candidate.nameNode.range.start <= at && at <= candidate.nameNode.range.end);
    const fixes: FixCandidate[] = [];
    const style = detectIndentStyle(text, pod.root, lineBreakOf(text));
    const volume = { name: data.volumeName, emptyDir: {} };
    const edit = pod.volumesPair ? appendToSequence(text, pod.volumesPair, [volume], style) : addPair(text, pod.spec, 'volumes', [volume], style);
    fixes.push({ title: `Declare volume "${data.volumeName}" as an emptyDir`, edits: [replaceRange(context, edit.start, edit.end, edit.newText)], preferred: true });
    if (mount?.nameNode) {
      const existing = Array.isArray(data.existingVolumes) ? data.existingVolumes.filter((name): name is string => typeof name === 'string') : pod.volumes.flatMap((v) => (v.name ? [v.name] : []));
      for (const name of existing) {
        fixes.push({ title: `Mount volume "${name}" instead`, edits: [replaceRange(context, mount.nameNode.range.start, mount.nameNode.range.end, name)] });
      }
    }
    return fixes;
  },
};

import { detectIndentStyle } from '../../edits/indentStyle';
import { addPair, appendToSequence } from '../../edits/insertion';
import { lineBreakOf } from '../../edits/lines';
import { uniquePath } from '../../edits/names';
import { analyzePod } from '../../analysis/analyzePod';
import { podOf, replaceRange } from './locate';
import { dataOf, type FixCandidate, type QuickFixer } from './quickFix';

/** An emptyDir only one container mounts: mount it in another one (the main container first). */
export const unsharedVolumeFix: QuickFixer = {
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
    const others = pod.containers.filter((container) => container !== user.container && container.map && !container.map.flow);
    others.sort((a, b) => Number(b === analysis.main) - Number(a === analysis.main));
    // Never the preferred fix: whether the volume is scratch space or meant to be shared is the author's call.
    return others.map((container): FixCandidate => {
      const paths = new Set(container.volumeMounts.flatMap((mount) => (mount.mountPath ? [mount.mountPath] : [])));
      const mount = { name: volume, mountPath: uniquePath(user.mount.mountPath ?? `/${volume}`, paths) };
      const edit = container.volumeMountsPair ? appendToSequence(text, container.volumeMountsPair, [mount], style) : addPair(text, container.map!, 'volumeMounts', [mount], style);
      return {
        title: `Mount "${volume}" in "${container.name ?? 'container'}" at ${mount.mountPath}`,
        edits: [replaceRange(context, edit.start, edit.end, edit.newText)],
      };
    });
  },
};

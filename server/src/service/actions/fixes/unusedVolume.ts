import { UnsupportedLayout } from '../../edits/insertion';
import { itemLines } from '../../edits/moveItem';
import { podOf, replaceRange } from './locate';
import { dataOf, type QuickFixer } from './quickFix';

/** A volume no container mounts: remove it (with the comments above it). */
export const unusedVolumeFix: QuickFixer = {
  description: 'Remove the volume.',
  fixes(context) {
    const pod = podOf(context);
    const data = dataOf(context.target);
    const volume = pod?.volumes.find((candidate) => candidate.index === data.volumeIndex && candidate.name === data.volume);
    if (!pod || !volume) return [];
    try {
      const lines = itemLines(context.document.model.text, volume.node);
      // The last volume goes with its list key, or `volumes:` would be left holding null.
      if (pod.volumes.length === 1) return [];
      return [{ title: `Remove the unused volume "${volume.name ?? ''}"`, edits: [replaceRange(context, lines.start, lines.end, '')] }];
    } catch (error) {
      if (error instanceof UnsupportedLayout) return [];
      throw error;
    }
  },
};

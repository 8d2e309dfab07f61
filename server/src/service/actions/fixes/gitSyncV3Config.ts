import { containerOf, podOf, replaceRange } from './locate';
import type { GitSyncV3ConfigData } from '../../../rules/practice/gitSyncV3Config';
import type { QuickFixer } from './quickFix';

/** Renames `GIT_SYNC_*` variables to their git-sync v4 names (`GITSYNC_*`, some renamed). */
export const gitSyncV3ConfigFix: QuickFixer<GitSyncV3ConfigData> = {
  description: 'Rename the GIT_SYNC_* variables to their git-sync v4 names (applied unasked only on a v4 image).',
  fixes(context) {
    const pod = podOf(context);
    const container = pod && containerOf(context, pod);
    const renames = context.data.renames;
    if (!container || !Array.isArray(renames) || renames.length === 0) return [];
    const edits = renames.flatMap((rename: Partial<GitSyncV3ConfigData['renames'][number]>) => {
      const entry = container.env.find((candidate) => candidate.index === rename.envIndex && candidate.name === rename.from);
      return entry?.nameNode && typeof rename.to === 'string' ? [replaceRange(context, entry.nameNode.range.start, entry.nameNode.range.end, rename.to)] : [];
    });
    if (edits.length === 0) return [];
    // v3 images do not read GITSYNC_*: the rename is the safe default only on v4.
    const v4 = /git-sync(?::|@)v?4\./.test(container.image ?? '');
    return [{ title: `Rename ${edits.length} GIT_SYNC_* variable${edits.length > 1 ? 's' : ''} to their git-sync v4 names`, edits, preferred: v4 }];
  },
};

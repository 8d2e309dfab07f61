/**
 * git-sync-v3-config: a git-sync v3 image or `GIT_SYNC_*` variables. v4 renamed the
 * variables to `GITSYNC_*` (some to new names), moved the default root from /tmp/git to
 * /git, and changed flags; the old names still work in v4 for now.
 */
import type { EnvVarModel } from '../../service/model/podModel';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';
import { containerLabel } from '../pattern/support';
import { mayBeGitSync, parseImage } from './imageReference';
import { containerOf, podOf, replaceRange } from '../../service/actions/fixes/locate';
import type { QuickFixer } from '../../service/actions/fixes/quickFix';

/** The quick fix renames `env[envIndex].name` from `from` to `to` in the container. */
export interface GitSyncV3ConfigData extends ContainerRef {
  readonly container: string | null;
  readonly renames: readonly { readonly from: string; readonly to: string; readonly envIndex: number }[];
}

/** v3 names whose v4 name is not simply `GITSYNC_` + the rest. */
const V4_NAMES: Readonly<Record<string, string>> = {
  GIT_SYNC_BRANCH: 'GITSYNC_REF',
  GIT_SYNC_REV: 'GITSYNC_REF',
  GIT_SYNC_DEST: 'GITSYNC_LINK',
  GIT_SYNC_WAIT: 'GITSYNC_PERIOD',
  GIT_SYNC_TIMEOUT: 'GITSYNC_SYNC_TIMEOUT',
  GIT_SYNC_MAX_SYNC_FAILURES: 'GITSYNC_MAX_FAILURES',
};

function isOldVariable(entry: EnvVarModel): boolean {
  return Boolean(entry.name?.startsWith('GIT_SYNC_') && entry.nameNode);
}

export function v4Name(name: string): string {
  return V4_NAMES[name] ?? name.replace(/^GIT_SYNC_/, 'GITSYNC_');
}

/** Renames `GIT_SYNC_*` variables to their git-sync v4 names (`GITSYNC_*`, some renamed). */
export const gitSyncV3ConfigFix: QuickFixer<GitSyncV3ConfigData> = {
  description: 'Rename the GIT_SYNC_* variables to their git-sync v4 names (applied unasked only on a v4 image).',
  fixes(context) {
    const pod = podOf(context);
    const container = pod && containerOf(context, pod);
    const renames = context.data.renames;
    if (!container || !Array.isArray(renames) || renames.length === 0) return [];
    const edits = renames.flatMap((rename: Partial<GitSyncV3ConfigData['renames'][number]>) => {
      const entry = container.env.find(
        (candidate) => candidate.index === rename.envIndex && candidate.name === rename.from,
      );
      return entry?.nameNode && typeof rename.to === 'string'
        ? [replaceRange(context, entry.nameNode.range.start, entry.nameNode.range.end, rename.to)]
        : [];
    });
    if (edits.length === 0) return [];
    // v3 images do not read GITSYNC_*: the rename is the safe default only on v4.
    const v4 = /git-sync(?::|@)v?4\./.test(container.image ?? '');
    return [
      {
        title: `Rename ${edits.length} GIT_SYNC_* variable${edits.length > 1 ? 's' : ''} to their git-sync v4 names`,
        edits,
        preferred: v4,
      },
    ];
  },
};

export const gitSyncV3Config = defineRule({
  id: 'git-sync-v3-config',
  category: 'practice',
  defaultSeverity: 'information',
  summary: 'git-sync v3 image or GIT_SYNC_* variables: v4 renamed them and changed defaults.',
  fixes: [gitSyncV3ConfigFix],
  check(pod): RuleFinding<GitSyncV3ConfigData>[] {
    const findings: RuleFinding<GitSyncV3ConfigData>[] = [];
    for (const container of pod.containers) {
      const image = container.image && mayBeGitSync(container.image) ? parseImage(container.image.trim()) : undefined;
      const isGitSync = image !== undefined && /(?:^|\/)git-sync$/.test(image.repository);
      const v3Image = isGitSync && /^v?3\./.test(image!.tag ?? '');
      if (!v3Image && !container.env.some(isOldVariable)) continue;
      const oldVariables = container.env.filter(isOldVariable);
      const renames = oldVariables.map((entry) => ({
        from: entry.name!,
        to: v4Name(entry.name!),
        envIndex: entry.index,
      }));
      const parts = [
        v3Image
          ? `${containerLabel(container)} runs git-sync ${image!.tag}`
          : `${containerLabel(container)} configures git-sync with v3 variables`,
        renames.length
          ? `v4 renames ${renames.map((rename) => `${rename.from} → ${rename.to}`).join(', ')}`
          : 'v4 renames GIT_SYNC_* variables to GITSYNC_*',
        'moves the default root from /tmp/git to /git (set --root or mount the volume there) and replaces --branch/--rev with --ref, --dest with --link, --wait with --period',
      ];
      findings.push({
        message: `${parts[0]}: ${parts[1]}, ${parts[2]}.`,
        range: v3Image ? container.imageNode!.range : oldVariables[0]!.nameNode!.range,
        related: oldVariables.map((entry) => ({
          range: entry.nameNode!.range,
          message: `${entry.name} → ${v4Name(entry.name!)} in v4`,
        })),
        data: { ...containerRefOf(container), container: container.name ?? null, renames },
      });
    }
    return findings;
  },
});

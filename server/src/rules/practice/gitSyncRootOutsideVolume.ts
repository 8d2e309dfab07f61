/**
 * git-sync-root-outside-volume: git-sync v4 with a volume mounted at /tmp/git (the v3
 * default root) and no root configured. v4 checks out under /git, outside the volume, so
 * the containers sharing the volume never see the files.
 *
 * Quick-fix data: `{ container: string | null, mountPath: '/tmp/git', rootArgument:
 * '--root=/tmp/git' }` — add the argument, or change the mountPath to /git.
 */
import { defineRule, type RuleFinding } from '../types';
import { containerLabel } from '../pattern/support';
import { containerImages, mayBeGitSync, parseImage } from './imageReference';

const V3_ROOT = '/tmp/git';

export interface GitSyncRootOutsideVolumeData {
  readonly container: string | null;
  readonly mountPath: string;
  /** The argument the fix adds. */
  readonly rootArgument: string;
}

export const gitSyncRootOutsideVolume = defineRule({
  id: 'git-sync-root-outside-volume',
  category: 'practice',
  defaultSeverity: 'warning',
  summary:
    'git-sync v4 mounts its volume at the old /tmp/git root without --root: the checkout lands outside the volume.',
  check(pod): RuleFinding<GitSyncRootOutsideVolumeData>[] {
    const findings: RuleFinding<GitSyncRootOutsideVolumeData>[] = [];
    for (const { container, image } of containerImages(pod)) {
      if (!mayBeGitSync(image)) continue;
      const { repository, tag } = parseImage(image);
      if (!/(?:^|\/)git-sync$/.test(repository) || !/^v?4\./.test(tag ?? '')) continue;
      const argv = [...container.command, ...container.args].join(' ');
      const rootSet =
        /(?:^|\s)--?root(?:=|\s)/.test(argv) ||
        container.env.some((entry) => entry.name === 'GITSYNC_ROOT' || entry.name === 'GIT_SYNC_ROOT');
      const mount = container.volumeMounts.find((entry) => entry.mountPath?.replace(/\/+$/, '') === V3_ROOT);
      if (rootSet || !mount?.mountPathNode) continue;
      findings.push({
        message: `${containerLabel(container)} runs git-sync ${tag} with volume "${mount.name ?? '?'}" mounted at ${V3_ROOT}, the v3 default root; v4 checks out under /git unless --root is set, so the files never reach the volume. Add --root=${V3_ROOT} or mount the volume at /git.`,
        range: mount.mountPathNode.range,
        data: { container: container.name ?? null, mountPath: V3_ROOT, rootArgument: `--root=${V3_ROOT}` },
      });
    }
    return findings;
  },
});

import type { VolumeMountModel } from '../../service/model/podModel';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

export interface DuplicateMountPathData extends ContainerRef {
  readonly mountPath: string;
  readonly mountIndex: number;
  /** The mount that uses the path first. */
  readonly firstMountIndex: number;
}

/**
 * A container cannot mount two volumes at the same `mountPath` (M3); the API server compares
 * the paths exactly as written and reports the later mount.
 *
 * data: `{ mountPath: string, containerIndex: number, listKey: string, mountIndex: number, firstMountIndex: number }`
 */
export const duplicateMountPath = defineRule({
  id: 'duplicate-mount-path',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'Two volume mounts of one container must not use the same mountPath.',
  check(pod): RuleFinding<DuplicateMountPathData>[] {
    const findings: RuleFinding<DuplicateMountPathData>[] = [];
    for (const container of pod.containers) {
      if (container.volumeMounts.length < 2) continue;
      const seen = new Map<string, VolumeMountModel>();
      for (const mount of container.volumeMounts) {
        if (mount.mountPath === undefined || !mount.mountPathNode || mount.mountPath === '') continue;
        const first = seen.get(mount.mountPath);
        if (!first) {
          seen.set(mount.mountPath, mount);
          continue;
        }
        findings.push({
          message: explain(
            apiError.invalid(`${mount.path}.mountPath`, mount.mountPath, 'must be unique'),
            `${describeContainer(container)} mounts both "${first.name ?? '?'}" and "${mount.name ?? '?'}" at ${mount.mountPath}; a path can hold one volume only.`,
          ),
          range: mount.mountPathNode.range,
          related: [
            {
              range: first.mountPathNode!.range,
              message: `${mount.mountPath} is first used by the mount of "${first.name ?? '?'}"`,
            },
          ],
          data: {
            mountPath: mount.mountPath,
            ...containerRefOf(container),
            mountIndex: mount.index,
            firstMountIndex: first.index,
          },
        });
      }
    }
    return findings;
  },
});

import type { VolumeMountModel } from '../../service/model/podModel';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

export interface DuplicateMountPathData extends ContainerRef {
  readonly mountPath: string;
  readonly mountIndex: number;
  /** The mount that uses the path first; absent when the path is empty (a `Required value` finding). */
  readonly firstMountIndex?: number;
}

/**
 * Every `mountPath` must be set, and a container cannot mount two volumes at the same path (M3).
 * pkg/apis/core/validation/validation.go (kubernetes/kubernetes, read at commit a7264f95, the
 * same since before 1.27) ValidateVolumeMounts, for every container kind: an empty `mountPath`
 * is `Required value` on that key; a repeated one is `must be unique`, compared exactly as
 * written and reported on the later mount. A missing `mountPath` is left to the schema, which
 * already reports the required field.
 *
 * data: `{ mountPath: string, containerIndex: number, listKey: string, mountIndex: number, firstMountIndex?: number }`
 */
export const duplicateMountPath = defineRule({
  id: 'duplicate-mount-path',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'A volume mount needs a mountPath, and two mounts of one container must not use the same one.',
  check(pod): RuleFinding<DuplicateMountPathData>[] {
    const findings: RuleFinding<DuplicateMountPathData>[] = [];
    for (const container of pod.containers) {
      for (const mount of container.volumeMounts) {
        if (mount.mountPath !== '' || !mount.mountPathNode) continue;
        findings.push({
          message: explain(
            apiError.required(`${mount.path}.mountPath`),
            `the mount of "${mount.name ?? '?'}" in ${describeContainer(container)} needs the directory to mount it at.`,
          ),
          range: mount.mountPathNode.range,
          data: { mountPath: '', ...containerRefOf(container), mountIndex: mount.index },
        });
      }
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

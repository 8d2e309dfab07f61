import type { ContainerModel } from '../../service/model/podModel';
import { get, getMap, getPair, isScalar, scalarText } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

function isPrivileged(container: ContainerModel): boolean {
  const privilegedNode = get(getMap(container.map, 'securityContext'), 'privileged');
  return isScalar(privilegedNode) && privilegedNode.value === true;
}

export interface InvalidMountOptionData extends ContainerRef {
  readonly mountIndex: number;
  /** `mountPropagation` or `recursiveReadOnly`. */
  readonly field: string;
}

/**
 * Volume mount options that need something else: `mountPropagation: Bidirectional` needs a
 * privileged container (M6); `recursiveReadOnly` (Enabled or IfPossible) needs `readOnly: true`
 * and no mount propagation other than None (M7).
 *
 * data: `{ containerIndex: number, listKey: string, mountIndex: number, field: 'mountPropagation' | 'recursiveReadOnly' }`
 */
export const invalidMountOption = defineRule({
  id: 'invalid-mount-option',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'Bidirectional mount propagation needs a privileged container; recursiveReadOnly needs readOnly: true.',
  check(pod): RuleFinding<InvalidMountOptionData>[] {
    const findings: RuleFinding<InvalidMountOptionData>[] = [];
    for (const container of pod.containers) {
      for (const mount of container.volumeMounts) {
        if (mount.node.kind !== 'map') continue;
        const propagationPair = getPair(mount.node, 'mountPropagation');
        const recursivePair = getPair(mount.node, 'recursiveReadOnly');
        // Both options are rare: a mount without them has nothing to check.
        if (!propagationPair && !recursivePair) continue;
        const data = (field: string) => ({ ...containerRefOf(container), mountIndex: mount.index, field });
        const propagation = scalarText(propagationPair?.value);
        const where = `the mount of "${mount.name ?? '?'}" in ${describeContainer(container)}`;
        if (propagation === 'Bidirectional' && !isPrivileged(container)) {
          findings.push({
            message: explain(
              apiError.forbidden(
                `${mount.path}.mountPropagation`,
                'Bidirectional mount propagation is available only to privileged containers',
              ),
              `${where} would propagate mounts back to the node; that needs securityContext.privileged: true (or use HostToContainer).`,
            ),
            range: propagationPair!.value!.range,
            data: data('mountPropagation'),
          });
        }
        const recursive = scalarText(recursivePair?.value);
        if (recursive !== 'Enabled' && recursive !== 'IfPossible') continue;
        if (!mount.readOnly) {
          findings.push({
            message: explain(
              apiError.forbidden(`${mount.path}.recursiveReadOnly`, 'may only be specified when readOnly is true'),
              `${where} asks for a recursively read-only mount; set readOnly: true as well.`,
            ),
            range: recursivePair!.value!.range,
            data: data('recursiveReadOnly'),
          });
        } else if (propagation !== undefined && propagation !== 'None') {
          findings.push({
            message: explain(
              apiError.forbidden(
                `${mount.path}.recursiveReadOnly`,
                'may only be specified when mountPropagation is None or not specified',
              ),
              `${where} cannot be recursively read-only while it propagates mounts.`,
            ),
            range: recursivePair!.value!.range,
            data: data('recursiveReadOnly'),
          });
        }
      }
    }
    return findings;
  },
});

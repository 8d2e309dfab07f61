import { getIn, getPair, isMap, isScalar, isSeq, type YMap, type YNode, type YScalar } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

const MAX_ID = 2147483647;

function flag(map: YMap, key: string): boolean | undefined {
  const value = getPair(map, key)?.value;
  return isScalar(value) && typeof value.value === 'boolean' ? value.value : undefined;
}

/** Its findings always carry data: the container's reference is added to it. */
function* idRangeFindings(
  map: YMap,
  path: string,
  owner: string,
): Iterable<RuleFinding<InvalidSecurityContextData> & { readonly data: InvalidSecurityContextData }> {
  for (const key of ['runAsUser', 'runAsGroup']) {
    const value = getPair(map, key)?.value;
    if (!isScalar(value) || typeof value.value !== 'number' || (value.value >= 0 && value.value <= MAX_ID)) continue;
    yield {
      message: explain(
        apiError.invalid(`${path}.${key}`, value.value, `must be between 0 and ${MAX_ID}, inclusive`),
        `${key} of ${owner} is not a valid Linux ID.`,
      ),
      range: value.range,
      data: { field: key, value: value.value },
    };
  }
}

/**
 * The pod-level group IDs (`validatePodSpecSecurityContext`, every release 1.27 to 1.37):
 * `fsGroup` and each `supplementalGroups` entry, like runAsGroup, within 0–2147483647.
 */
function* podGroupFindings(
  podContext: YMap,
  path: string,
): Iterable<RuleFinding<InvalidSecurityContextData> & { readonly data: InvalidSecurityContextData }> {
  const outOfRange = (node: YNode | null | undefined): node is YScalar & { readonly value: number } =>
    isScalar(node) && typeof node.value === 'number' && (node.value < 0 || node.value > MAX_ID);
  const fsGroup = getPair(podContext, 'fsGroup')?.value;
  if (outOfRange(fsGroup)) {
    yield {
      message: explain(
        apiError.invalid(`${path}.fsGroup`, fsGroup.value, `must be between 0 and ${MAX_ID}, inclusive`),
        'fsGroup of the pod is not a valid Linux group ID.',
      ),
      range: fsGroup.range,
      data: { field: 'fsGroup', value: fsGroup.value },
    };
  }
  const groups = getPair(podContext, 'supplementalGroups')?.value;
  if (!isSeq(groups)) return;
  for (const [index, group] of groups.items.entries()) {
    if (!outOfRange(group)) continue;
    yield {
      message: explain(
        apiError.invalid(
          `${path}.supplementalGroups[${index}]`,
          group.value,
          `must be between 0 and ${MAX_ID}, inclusive`,
        ),
        'a supplemental group of the pod is not a valid Linux group ID.',
      ),
      range: group.range,
      data: { field: 'supplementalGroups', value: group.value },
    };
  }
}

export interface InvalidSecurityContextData extends Partial<ContainerRef> {
  /** `runAsUser`, `runAsGroup`, `fsGroup`, `supplementalGroups`, `privileged` or `capabilities.add`; no container reference for the pod's own securityContext. */
  readonly field: string;
  /** The out-of-range ID. */
  readonly value?: number;
}

/**
 * Security-context combinations the API server refuses (C8): `allowPrivilegeEscalation: false`
 * with `privileged: true` or with the `CAP_SYS_ADMIN` capability (both always allow
 * escalation), and user or group IDs (runAsUser, runAsGroup, and the pod's fsGroup and
 * supplementalGroups) outside 0–2147483647.
 *
 * data: `{ field: string, containerIndex?: number, listKey?: string, value?: number }`
 */
export const invalidSecurityContext = defineRule({
  id: 'invalid-security-context',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'securityContext must not combine allowPrivilegeEscalation: false with privileged or CAP_SYS_ADMIN; IDs must be in range.',
  check(pod): RuleFinding<InvalidSecurityContextData>[] {
    const findings: RuleFinding<InvalidSecurityContextData>[] = [];
    const podContext = getPair(pod.spec, 'securityContext')?.value;
    if (isMap(podContext)) {
      for (const finding of idRangeFindings(podContext, `${pod.specPath}.securityContext`, 'the pod'))
        findings.push(finding);
      for (const finding of podGroupFindings(podContext, `${pod.specPath}.securityContext`)) findings.push(finding);
    }
    for (const container of pod.containers) {
      const pair = getPair(container.map, 'securityContext');
      if (!pair || !isMap(pair.value)) continue;
      const context = pair.value;
      const path = `${container.path}.securityContext`;
      const where = { ...containerRefOf(container) };
      for (const finding of idRangeFindings(context, path, describeContainer(container)))
        findings.push({ ...finding, data: { ...finding.data, ...where } });
      if (flag(context, 'allowPrivilegeEscalation') !== false) continue;
      const escalationPair = getPair(context, 'allowPrivilegeEscalation')!;
      const related = [{ range: escalationPair.range, message: 'allowPrivilegeEscalation: false' }];
      if (flag(context, 'privileged') === true) {
        findings.push({
          message: explain(
            apiError.invalidPrinted(
              path,
              '{"allowPrivilegeEscalation":false,"privileged":true}',
              'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
            ),
            `a privileged container can always gain privileges, so ${describeContainer(container)} cannot also forbid it; drop one of the two.`,
          ),
          range: getPair(context, 'privileged')!.key.range,
          related,
          data: { field: 'privileged', ...where },
        });
      }
      const added = getIn(context, ['capabilities', 'add']);
      if (isSeq(added)) {
        for (const item of added.items) {
          if (!isScalar(item) || item.value !== 'CAP_SYS_ADMIN') continue;
          findings.push({
            message: explain(
              apiError.invalidPrinted(
                path,
                '{"allowPrivilegeEscalation":false,"capabilities":{"add":["CAP_SYS_ADMIN"]}}',
                'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
              ),
              `CAP_SYS_ADMIN allows gaining privileges, so ${describeContainer(container)} cannot also forbid it.`,
            ),
            range: item.range,
            related,
            data: { field: 'capabilities.add', ...where },
          });
        }
      }
    }
    return findings;
  },
});

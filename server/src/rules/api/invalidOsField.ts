import { getMap, getPair, getString, type YMap, type YPair } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer, specFlag, specPair } from '../engine/podFacts';
import { defineRule, type RuleFinding } from '../types';

/*
 * `spec.os.name`, pkg/apis/core/validation/validation.go (kubernetes/kubernetes, read at commit
 * 000f2605, the 1.33 line) ValidatePodSpec → validateWindows / validateLinux (PodOS is GA since
 * 1.25):
 * - a windows pod may not set, in the pod securityContext, appArmorProfile, seLinuxOptions,
 *   seccompProfile, fsGroup, fsGroupChangePolicy, sysctls, runAsUser, runAsGroup,
 *   supplementalGroups, supplementalGroupsPolicy or seLinuxChangePolicy; nor hostUsers,
 *   hostPID, hostIPC or shareProcessNamespace in the spec (reported on `spec.<field>`); nor, in
 *   any container's securityContext, appArmorProfile, seLinuxOptions, seccompProfile,
 *   capabilities, readOnlyRootFilesystem, privileged, allowPrivilegeEscalation, procMount,
 *   runAsUser or runAsGroup: each is `Forbidden: cannot be set for a windows pod`;
 * - a linux pod may not set windowsOptions (pod or container): `Forbidden: windows options
 *   cannot be set for a linux pod`.
 * Fields a target version lacks are field-version's; the lists are applied as the source has them.
 * hostPID and hostIPC count only when true (booleans the server cannot tell from unset);
 * the other fields count when present.
 */

export interface InvalidOsFieldData {
  /** The API path of the forbidden field. */
  readonly field: string;
}

type Finding = RuleFinding<InvalidOsFieldData>;

const WINDOWS_POD_SECURITY_FIELDS = [
  'appArmorProfile',
  'seLinuxOptions',
  'seccompProfile',
  'fsGroup',
  'fsGroupChangePolicy',
  'sysctls',
  'runAsUser',
  'runAsGroup',
  'supplementalGroups',
  'supplementalGroupsPolicy',
  'seLinuxChangePolicy',
] as const;
const WINDOWS_SPEC_FIELDS = ['hostUsers', 'hostPID', 'hostIPC', 'shareProcessNamespace'] as const;
const WINDOWS_FLAG_FIELDS: ReadonlySet<string> = new Set(['hostPID', 'hostIPC']);
const WINDOWS_CONTAINER_SECURITY_FIELDS = [
  'appArmorProfile',
  'seLinuxOptions',
  'seccompProfile',
  'capabilities',
  'readOnlyRootFilesystem',
  'privileged',
  'allowPrivilegeEscalation',
  'procMount',
  'runAsUser',
  'runAsGroup',
] as const;

/** A field the API server sees as set: present with a value (`null` is unset). */
function setPair(map: YMap | undefined, key: string): YPair | undefined {
  const pair = getPair(map, key);
  if (!pair?.value || (pair.value.kind === 'scalar' && pair.value.value === null)) return undefined;
  return pair;
}

function forbidden(field: string, pair: YPair, detail: string, explanation: string): Finding {
  return { message: explain(apiError.forbidden(field, detail), explanation), range: pair.key.range, data: { field } };
}

const WINDOWS_DETAIL = 'cannot be set for a windows pod';

export const invalidOsField = defineRule({
  id: 'invalid-os-field',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'A pod with spec.os.name windows cannot set Linux-only fields (seccomp, SELinux, AppArmor, user and group IDs, capabilities, …); a linux pod cannot set windowsOptions.',
  check(pod): Finding[] {
    const os = getString(getMap(pod.spec, 'os'), 'name');
    if (os !== 'windows' && os !== 'linux') return [];
    const osPair = getPair(getMap(pod.spec, 'os'), 'name')!;
    const related = [{ range: osPair.range, message: `os.name: ${os}` }];
    const findings: Finding[] = [];
    const podSecurity = getMap(pod.spec, 'securityContext');
    const base = pod.specPath;
    if (os === 'linux') {
      const pair = setPair(podSecurity, 'windowsOptions');
      if (pair)
        findings.push({
          ...forbidden(
            `${base}.securityContext.windowsOptions`,
            pair,
            'windows options cannot be set for a linux pod',
            'windowsOptions configure Windows containers; remove them, or set os.name: windows.',
          ),
          related,
        });
      for (const container of pod.containers) {
        const containerPair = setPair(getMap(container.map, 'securityContext'), 'windowsOptions');
        if (containerPair)
          findings.push({
            ...forbidden(
              `${container.path}.securityContext.windowsOptions`,
              containerPair,
              'windows options cannot be set for a linux pod',
              `${describeContainer(container)} runs on Linux; windowsOptions only apply to Windows containers.`,
            ),
            related,
          });
      }
      return findings;
    }
    for (const key of WINDOWS_POD_SECURITY_FIELDS) {
      const pair = setPair(podSecurity, key);
      if (pair)
        findings.push({
          ...forbidden(
            `${base}.securityContext.${key}`,
            pair,
            WINDOWS_DETAIL,
            `${key} is a Linux setting; Windows pods use securityContext.windowsOptions.`,
          ),
          related,
        });
    }
    for (const key of WINDOWS_SPEC_FIELDS) {
      const pair = WINDOWS_FLAG_FIELDS.has(key)
        ? specFlag(pod, key)
          ? specPair(pod, key)
          : undefined
        : setPair(pod.spec, key);
      if (pair)
        findings.push({
          ...forbidden(
            `${base}.${key}`,
            pair,
            WINDOWS_DETAIL,
            `Windows containers have no Linux ${key === 'hostUsers' ? 'user namespaces' : 'PID and IPC namespaces'} to share or separate.`,
          ),
          related,
        });
    }
    for (const container of pod.containers) {
      const security = getMap(container.map, 'securityContext');
      for (const key of WINDOWS_CONTAINER_SECURITY_FIELDS) {
        const pair = setPair(security, key);
        if (pair)
          findings.push({
            ...forbidden(
              `${container.path}.securityContext.${key}`,
              pair,
              WINDOWS_DETAIL,
              `${key} is a Linux setting of ${describeContainer(container)}; Windows containers use securityContext.windowsOptions.`,
            ),
            related,
          });
      }
    }
    return findings;
  },
});

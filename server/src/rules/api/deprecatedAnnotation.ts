import type { PodModel } from '../../service/model/podModel';
import { getIn, isMap } from '../../service/yaml/nodes';
import { explain } from '../engine/apiMessages';
import { isBarePod } from '../engine/podFacts';
import { defineRule, type RuleFinding } from '../types';

const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

const FIXED: Readonly<Record<string, string>> = {
  'scheduler.alpha.kubernetes.io/critical-pod': 'non-functional in v1.16+; use the "priorityClassName" field instead',
  'security.alpha.kubernetes.io/sysctls': 'non-functional in v1.11+; use the "sysctls" field instead',
  'security.alpha.kubernetes.io/unsafe-sysctls': 'non-functional in v1.11+; use the "sysctls" field instead',
};

function hasField(pod: PodModel, containerName: string | undefined, field: string): boolean {
  if (isMap(getIn(pod.spec, ['securityContext', field]))) return true;
  const container = pod.containers.find((candidate) => candidate.name === containerName);
  return container !== undefined && isMap(getIn(container.map, ['securityContext', field]));
}

export interface DeprecatedAnnotationData {
  readonly annotation: string;
  /** The field that replaces the annotation. */
  readonly replacement: string;
}

/**
 * Annotations that were replaced by fields: the API server warns, and the old ones no longer
 * do anything (seccomp annotations since 1.27, the critical-pod annotation since 1.16), so the
 * pod runs without the protection they seem to give. AppArmor annotations still work but are
 * deprecated since 1.30 (the API server warns about them on templates).
 *
 * data: `{ annotation: string, replacement: string }`
 */
export const deprecatedAnnotation = defineRule({
  id: 'deprecated-annotation',
  category: 'api',
  defaultSeverity: 'warning',
  summary: 'The pod uses an annotation that was replaced by a field (seccomp, AppArmor, sysctls, critical-pod).',
  check(pod): RuleFinding<DeprecatedAnnotationData>[] {
    const findings: RuleFinding<DeprecatedAnnotationData>[] = [];
    for (const [key, pair] of pod.annotations.pairs) {
      let note = FIXED[key];
      let replacement = note?.match(/"([^"]+)"/)?.[1] ?? '';
      if (key === SECCOMP_POD && !hasField(pod, undefined, 'seccompProfile')) {
        note = 'non-functional in v1.27+; use the "seccompProfile" field instead';
        replacement = 'securityContext.seccompProfile';
      } else if (
        key.startsWith(SECCOMP_CONTAINER_PREFIX) &&
        !hasField(pod, key.slice(SECCOMP_CONTAINER_PREFIX.length), 'seccompProfile')
      ) {
        note = 'non-functional in v1.27+; use the "seccompProfile" field instead';
        replacement = 'securityContext.seccompProfile';
      } else if (
        key.startsWith(APPARMOR_CONTAINER_PREFIX) &&
        !isBarePod(pod) &&
        !hasField(pod, key.slice(APPARMOR_CONTAINER_PREFIX.length), 'appArmorProfile')
      ) {
        note = 'deprecated since v1.30; use the "appArmorProfile" field instead';
        replacement = 'securityContext.appArmorProfile';
      }
      if (!note) continue;
      const base = `${pod.shape.podMetadataPath.join('.')}.annotations`;
      findings.push({
        message: explain(
          `${base}[${key}]: ${note}`,
          `set ${replacement} instead; the annotation ${note.startsWith('deprecated') ? 'is on its way out' : 'no longer has any effect'}.`,
        ),
        range: pair.key.range,
        tags: ['deprecated'],
        data: { annotation: key, replacement },
      });
    }
    return findings;
  },
});

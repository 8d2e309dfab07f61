/**
 * default-container-missing: the `kubectl.kubernetes.io/default-container` annotation
 * names no container of the pod, so `kubectl logs` and `kubectl exec` fall back to the
 * first container (often an injected proxy).
 *
 * Quick-fix data: `{ value: string, names: string[] }` — replace the annotation value with
 * one of `names` (app containers first).
 */
import { DEFAULT_CONTAINER_ANNOTATION } from '../../service/analysis/roles';
import { defineRule, type RuleFinding } from '../types';
import { defaultContainerMissingFix } from '../../service/actions/fixes/defaultContainerMissing';

export const defaultContainerMissing = defineRule({
  id: 'default-container-missing',
  category: 'pattern',
  defaultSeverity: 'error',
  summary: 'The kubectl.kubernetes.io/default-container annotation names no container of the pod.',
  fixes: [defaultContainerMissingFix],
  check(pod): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const pair = pod.annotations.pairs.get(DEFAULT_CONTAINER_ANNOTATION);
    const value = pod.annotations.values.get(DEFAULT_CONTAINER_ANNOTATION);
    if (!pair || value === undefined) return findings;
    const apps = pod.containers.filter((container) => container.group === 'app');
    const names = [...apps, ...pod.containers.filter((container) => container.group !== 'app')].flatMap((container) => (container.name !== undefined ? [container.name] : []));
    if (names.includes(value)) return findings;
    findings.push({
      message: `${DEFAULT_CONTAINER_ANNOTATION} names "${value}", but the pod has no such container (${names.map((name) => `"${name}"`).join(', ') || 'none'}): kubectl logs and exec will pick the first container instead.`,
      range: pair.value?.range ?? pair.key.range,
      data: { value, names },
    });
    return findings;
  },
});

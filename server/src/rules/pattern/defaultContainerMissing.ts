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
import { podOf, replaceRange, localOffset } from '../../service/actions/fixes/locate';
import { dataOf, type QuickFixer } from '../../service/actions/fixes/quickFix';

const ANNOTATION = 'kubectl.kubernetes.io/default-container';

export interface DefaultContainerMissingData {
  /** The annotation value, a name no container has. */
  readonly value: string;
  /** The names of the pod's containers (the replacement fixes). */
  readonly names: readonly string[];
}

/** Points the default-container annotation at a real container, app containers first. */
export const defaultContainerMissingFix: QuickFixer<DefaultContainerMissingData> = {
  description: 'Point the annotation at an existing container (app containers first).',
  fixes(context) {
    const pod = podOf(context);
    const pair = pod?.annotations.pairs.get(ANNOTATION);
    if (!pod || !pair?.value) return [];
    const data = dataOf(context.target);
    const names = Array.isArray(data.names)
      ? data.names.filter((name): name is string => typeof name === 'string')
      : pod.containers
          .filter((container) => container.group === 'app')
          .flatMap((container) => (container.name ? [container.name] : []));
    const at = localOffset(context);
    if (at < pair.range.start || at > pair.range.end) return [];
    return names.map((name, index) => ({
      title: `Set the default container to "${name}"`,
      edits: [replaceRange(context, pair.value!.range.start, pair.value!.range.end, name)],
      preferred: index === 0,
    }));
  },
};

export const defaultContainerMissing = defineRule({
  id: 'default-container-missing',
  category: 'pattern',
  defaultSeverity: 'error',
  summary: 'The kubectl.kubernetes.io/default-container annotation names no container of the pod.',
  fixes: [defaultContainerMissingFix],
  check(pod): RuleFinding<DefaultContainerMissingData>[] {
    const findings: RuleFinding<DefaultContainerMissingData>[] = [];
    const pair = pod.annotations.pairs.get(DEFAULT_CONTAINER_ANNOTATION);
    const value = pod.annotations.values.get(DEFAULT_CONTAINER_ANNOTATION);
    if (!pair || value === undefined) return findings;
    const apps = pod.containers.filter((container) => container.group === 'app');
    const names = [...apps, ...pod.containers.filter((container) => container.group !== 'app')].flatMap((container) =>
      container.name !== undefined ? [container.name] : [],
    );
    if (names.includes(value)) return findings;
    findings.push({
      message: `${DEFAULT_CONTAINER_ANNOTATION} names "${value}", but the pod has no such container (${names.map((name) => `"${name}"`).join(', ') || 'none'}): kubectl logs and exec will pick the first container instead.`,
      range: pair.value?.range ?? pair.key.range,
      data: { value, names },
    });
    return findings;
  },
});

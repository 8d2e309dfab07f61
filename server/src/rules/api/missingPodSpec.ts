import { getIn, getPair, isMap, type YPair } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { hasValue } from '../engine/ranges';
import { defineRule, type RuleFinding } from '../types';

/**
 * A pod-bearing object whose pod spec is missing (a Pod without `spec`, a template without its
 * `spec`) or not a map: the API server validates an empty pod spec and answers that it has no
 * containers (pkg/apis/core/validation `validateContainers`: "Required value"). A missing
 * `template` or `jobTemplate` is a missing required field, which the schema reports.
 *
 * data: `{ path: string }` (the API path of the missing pod spec)
 */
export interface MissingPodSpecData {
  readonly path: string;
}

export const missingPodSpec = defineRule({
  id: 'missing-pod-spec',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'A Pod needs a spec, and a pod template its spec: without one the pod has no containers.',
  check(pod): RuleFinding<MissingPodSpecData>[] {
    if (pod.spec) return [];
    const path = pod.shape.specPath;
    const parentPath = path.slice(0, -1);
    const parent = parentPath.length > 0 ? getIn(pod.root, parentPath) : pod.root;
    // No template at all: the schema's missing required field says it better.
    if (!isMap(parent)) return [];
    const specPair = getPair(parent, path[path.length - 1]!);
    // A spec written as a list or a scalar is a type error, which the schema reports.
    if (hasValue(specPair)) return [];
    const grandParent = parentPath.length > 1 ? getIn(pod.root, parentPath.slice(0, -1)) : pod.root;
    const parentPair =
      parentPath.length > 0 && isMap(grandParent)
        ? getPair(grandParent, parentPath[parentPath.length - 1]!)
        : undefined;
    const anchor: YPair = specPair ?? parentPair ?? pod.kindPair;
    const specPathText = path.join('.');
    return [
      {
        message: explain(
          apiError.required(`${specPathText}.containers`),
          specPair
            ? `${specPathText} is empty: a pod needs at least one container.`
            : `there is no ${specPathText}: a pod needs a spec with at least one container.`,
        ),
        range: anchor.key.range,
        data: { path: specPathText },
      },
    ];
  },
});

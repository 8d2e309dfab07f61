import { podOf, replaceRange, localOffset } from './locate';
import { dataOf, type QuickFixer } from './quickFix';

const ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** Points the default-container annotation at a real container, app containers first. */
export const defaultContainerMissingFix: QuickFixer = {
  description: 'Point the annotation at an existing container (app containers first).',
  fixes(context) {
    const pod = podOf(context);
    const pair = pod?.annotations.pairs.get(ANNOTATION);
    if (!pod || !pair?.value) return [];
    const data = dataOf(context.target);
    const names = Array.isArray(data.names)
      ? data.names.filter((name): name is string => typeof name === 'string')
      : pod.containers.filter((container) => container.group === 'app').flatMap((container) => (container.name ? [container.name] : []));
    const at = localOffset(context);
    if (at < pair.range.start || at > pair.range.end) return [];
    return names.map((name, index) => ({
      title: `Set the default container to "${name}"`,
      edits: [replaceRange(context, pair.value!.range.start, pair.value!.range.end, name)],
      preferred: index === 0,
    }));
  },
};

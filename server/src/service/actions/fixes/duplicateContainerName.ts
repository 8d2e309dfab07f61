import { uniqueName } from '../../edits/names';
import { containerOf, podOf, replaceRange } from './locate';
import { dataOf, type QuickFixer } from './quickFix';

/** Renames the later of two containers with one name. */
export const duplicateContainerNameFix: QuickFixer = {
  description: 'Rename the later container to a free name.',
  fixes(context) {
    const pod = podOf(context);
    const container = pod && containerOf(context, pod);
    if (!pod || !container?.nameNode || !container.name) return [];
    const taken = new Set(pod.containers.flatMap((candidate) => (candidate.name ? [candidate.name] : [])));
    const suggested = dataOf(context.target).suggestion;
    const name = typeof suggested === 'string' && !taken.has(suggested) ? suggested : uniqueName(container.name, taken);
    return [{ title: `Rename to "${name}"`, edits: [replaceRange(context, container.nameNode.range.start, container.nameNode.range.end, name)], preferred: true }];
  },
};

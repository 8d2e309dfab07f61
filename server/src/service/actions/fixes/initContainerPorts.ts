import { containerOf, deletePairLines, podOf } from './locate';
import type { QuickFixer } from './quickFix';

/** Ports on a regular init container are never served: remove them. */
export const initContainerPortsFix: QuickFixer = {
  description: 'Remove the ports of the init container.',
  fixes(context) {
    const pod = podOf(context);
    const container = pod && containerOf(context, pod);
    const remove = container?.group === 'init' && container.portsPair ? deletePairLines(context, container.portsPair) : undefined;
    return remove ? [{ title: `Remove the ports of init container "${container!.name ?? ''}"`, edits: [remove], preferred: true }] : [];
  },
};

import { containerOf, deletePairLines, podOf, replaceRange } from './locate';
import type { FixCandidate, QuickFixer } from './quickFix';

/**
 * A container restartPolicy the API server rejects: on an init container, make it a
 * native sidecar (`Always`) or drop the field; on an app container, drop a value other
 * than `Always` (the pod-level policy decides).
 */
export const restartPolicyFix: QuickFixer = {
  description: 'Delete restartPolicy, or on an init container set it to Always (a native sidecar).',
  fixes(context) {
    const pod = podOf(context);
    const container = pod && containerOf(context, pod);
    const pair = container?.restartPolicyPair;
    if (!container || !pair) return [];
    const fixes: FixCandidate[] = [];
    const remove = deletePairLines(context, pair);
    if (container.listKey === 'initContainers') {
      if (pair.value) fixes.push({ title: 'Set restartPolicy: Always (run it as a native sidecar)', edits: [replaceRange(context, pair.value.range.start, pair.value.range.end, 'Always')] });
      if (remove) fixes.push({ title: 'Remove restartPolicy (a regular init container)', edits: [remove] });
    } else if (container.restartPolicy !== 'Always' && remove) {
      fixes.push({ title: 'Remove restartPolicy (the pod-level restartPolicy applies)', edits: [remove], preferred: true });
    }
    return fixes;
  },
};

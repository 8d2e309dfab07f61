import { detectIndentStyle } from '../../edits/indentStyle';
import { addPair } from '../../edits/insertion';
import { lineBreakOf } from '../../edits/lines';
import { containerOf, deletePairLines, localOffset, podOf, replaceRange } from './locate';
import { dataOf, type FixCandidate, type QuickFixer } from './quickFix';

/** Probes or lifecycle on a regular init container: remove them, or make it a native sidecar. */
export const initContainerProbeFix: QuickFixer = {
  description: 'Remove the probe or hook, or add restartPolicy: Always to make the container a native sidecar.',
  fixes(context) {
    const pod = podOf(context);
    const container = pod && containerOf(context, pod);
    if (!pod || !container?.map || container.group !== 'init') return [];
    const field = dataOf(context.target).probe;
    const at = localOffset(context);
    const pair =
      container.map.pairs.find((candidate) => candidate.key.value === field) ??
      container.map.pairs.find((candidate) => candidate.range.start <= at && at <= candidate.range.end && /Probe$|^lifecycle$/.test(String(candidate.key.value)));
    const fixes: FixCandidate[] = [];
    const remove = pair && deletePairLines(context, pair);
    if (remove) fixes.push({ title: `Remove ${String(pair.key.value)} from init container "${container.name ?? ''}"`, edits: [remove], preferred: true });
    if (!container.restartPolicyPair) {
      const text = context.document.model.text;
      const edit = addPair(text, container.map, 'restartPolicy', 'Always', detectIndentStyle(text, pod.root, lineBreakOf(text)));
      fixes.push({ title: `Make "${container.name ?? 'it'}" a native sidecar (restartPolicy: Always)`, edits: [replaceRange(context, edit.start, edit.end, edit.newText)] });
    }
    return fixes;
  },
};

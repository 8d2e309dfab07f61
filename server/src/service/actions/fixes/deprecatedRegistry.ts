import { podOf, containerOf, replaceRange } from './locate';
import type { DeprecatedRegistryData } from '../../../rules/practice/deprecatedRegistry';
import type { QuickFixer } from './quickFix';

/** `k8s.gcr.io/x` → `registry.k8s.io/x`, inside the image value as written (quotes kept). */
export const deprecatedRegistryFix: QuickFixer<DeprecatedRegistryData> = {
  description: 'Replace the deprecated registry with registry.k8s.io.',
  fixes(context) {
    const data = context.data;
    const pod = podOf(context);
    const container = pod && containerOf(context, pod);
    const node = container?.imageNode;
    if (!node || typeof data.image !== 'string' || typeof data.replacement !== 'string') return [];
    const written = context.document.model.text.slice(node.range.start, node.range.end);
    const at = written.indexOf(data.image);
    if (at < 0) return [];
    return [{
      title: `Use ${data.replacement}`,
      edits: [replaceRange(context, node.range.start + at, node.range.start + at + data.image.length, data.replacement)],
      preferred: true,
    }];
  },
};

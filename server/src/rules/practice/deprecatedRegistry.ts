/**
 * deprecated-registry: an image from `k8s.gcr.io` or `gcr.io/google_containers`, frozen
 * since April 2023 and being phased out in favour of `registry.k8s.io`.
 */
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';
import { containerLabel } from '../pattern/support';
import { containerImages } from './imageReference';
import { podOf, containerOf, replaceRange } from '../../service/actions/fixes/locate';
import type { QuickFixer } from '../../service/actions/fixes/quickFix';

/** The quick fix replaces `image` with `replacement` inside the container's image value. */
export interface DeprecatedRegistryData extends ContainerRef {
  readonly image: string;
  readonly replacement: string;
}

const OLD_PREFIXES = ['k8s.gcr.io/', 'gcr.io/google_containers/', 'gcr.io/google-containers/'];

export function replacementImage(image: string): string | undefined {
  const prefix = OLD_PREFIXES.find((candidate) => image.startsWith(candidate));
  return prefix ? `registry.k8s.io/${image.slice(prefix.length)}` : undefined;
}

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
    return [
      {
        title: `Use ${data.replacement}`,
        edits: [
          replaceRange(context, node.range.start + at, node.range.start + at + data.image.length, data.replacement),
        ],
        preferred: true,
      },
    ];
  },
};

export const deprecatedRegistry = defineRule({
  id: 'deprecated-registry',
  category: 'practice',
  defaultSeverity: 'warning',
  summary: 'The image comes from the frozen k8s.gcr.io registry; use registry.k8s.io.',
  fixes: [deprecatedRegistryFix],
  check(pod): RuleFinding<DeprecatedRegistryData>[] {
    const findings: RuleFinding<DeprecatedRegistryData>[] = [];
    for (const { container, image, node } of containerImages(pod)) {
      const replacement = replacementImage(image);
      if (!replacement) continue;
      findings.push({
        message: `${containerLabel(container)} pulls "${image}" from ${image.slice(0, image.indexOf('/', image.startsWith('gcr.io/') ? 7 : 0))}, frozen since April 2023 and being phased out: use "${replacement}".`,
        range: node.range,
        tags: ['deprecated'],
        data: { ...containerRefOf(container), image, replacement },
      });
    }
    return findings;
  },
});

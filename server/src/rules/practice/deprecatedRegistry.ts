/**
 * deprecated-registry: an image from `k8s.gcr.io` or `gcr.io/google_containers`, frozen
 * since April 2023 and being phased out in favour of `registry.k8s.io`.
 *
 * Quick-fix data: `{ image: string, replacement: string }` — replace the image value.
 */
import type { Rule, RuleFinding } from '../types';
import { containerLabel } from '../pattern/support';
import { containerImages } from './imageReference';

const OLD_PREFIXES = ['k8s.gcr.io/', 'gcr.io/google_containers/', 'gcr.io/google-containers/'];

export function replacementImage(image: string): string | undefined {
  const prefix = OLD_PREFIXES.find((candidate) => image.startsWith(candidate));
  return prefix ? `registry.k8s.io/${image.slice(prefix.length)}` : undefined;
}

export const deprecatedRegistry: Rule = {
  id: 'deprecated-registry',
  category: 'practice',
  defaultSeverity: 'warning',
  summary: 'The image comes from the frozen k8s.gcr.io registry; use registry.k8s.io.',
  check(pod): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const { container, image, node } of containerImages(pod)) {
      const replacement = replacementImage(image);
      if (!replacement) continue;
      findings.push({
        message: `${containerLabel(container)} pulls "${image}" from ${image.slice(0, image.indexOf('/', image.startsWith('gcr.io/') ? 7 : 0))}, frozen since April 2023 and being phased out: use "${replacement}".`,
        range: node.range,
        tags: ['deprecated'],
        data: { image, replacement },
      });
    }
    return findings;
  },
};

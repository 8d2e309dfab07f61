/**
 * latest-image-tag: an image without a tag or with `:latest`, and no digest. What runs
 * changes whenever the tag moves, and the pull policy defaults to Always.
 *
 * Quick-fix data: `{ image: string, tag: 'latest' | null }` (null: no tag written).
 */
import { defineRule, type RuleFinding } from '../types';
import { containerLabel } from '../pattern/support';
import { containerImages, parseImage } from './imageReference';
import { latestImageTagFix } from '../../service/actions/fixes/latestImageTag';

export const latestImageTag = defineRule({
  id: 'latest-image-tag',
  category: 'practice',
  defaultSeverity: 'warning',
  summary: 'An image has no tag or uses :latest, and no digest.',
  fixes: [latestImageTagFix],
  check(pod): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const { container, image, node } of containerImages(pod)) {
      if (/\$[({]/.test(image)) continue;
      const { tag, digest } = parseImage(image);
      if (digest !== undefined || (tag !== undefined && tag !== 'latest')) continue;
      findings.push({
        message: `${containerLabel(container)} runs "${image}" ${tag === undefined ? 'without a tag, which means :latest' : 'with :latest'}: the image changes whenever the tag moves and imagePullPolicy defaults to Always. Pin a version tag or a digest.`,
        range: node.range,
        data: { image, tag: tag ?? null },
      });
    }
    return findings;
  },
});

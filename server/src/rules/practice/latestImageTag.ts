/**
 * latest-image-tag: an image without a tag or with `:latest`, and no digest. What runs
 * changes whenever the tag moves, and the pull policy defaults to Always.
 *
 * Quick-fix data: `{ image: string, tag: 'latest' | null }` (null: no tag written).
 */
import { defineRule, type RuleFinding } from '../types';
import { containerLabel } from '../pattern/support';
import { containerImages, parseImage } from './imageReference';
import { IMAGES } from '../../service/actions/insert/template';
import { dataOf, type QuickFixer } from '../../service/actions/fixes/quickFix';

/** `docker.io/library/nginx`, `library/nginx` and `nginx` name one repository. */
function repositoryKey(image: string): string {
  const withoutTag = image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
  return withoutTag.replace(/^(?:docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
}

/**
 * An untagged or `:latest` image of a repository the product pins elsewhere (snippets,
 * templates): offer that pinned version. Never applied unasked: the version is a choice.
 */
export const latestImageTagFix: QuickFixer = {
  description: "Pin the image to the version the product's snippets use (offered, never applied unasked).",
  fixes({ analysis, target }) {
    const image = dataOf(target).image;
    if (typeof image !== 'string') return [];
    const pinned = Object.values(IMAGES).find((candidate) => repositoryKey(candidate) === repositoryKey(image));
    const written = analysis.text.slice(target.start, target.end);
    const at = written.indexOf(image);
    if (!pinned || at < 0) return [];
    const start = target.start + at;
    return [{ title: `Pin to ${pinned}`, edits: [{ start, end: start + image.length, newText: pinned }] }];
  },
};

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

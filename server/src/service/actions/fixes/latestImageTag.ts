import { IMAGES } from '../insert/template';
import { dataOf, type QuickFixer } from './quickFix';

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

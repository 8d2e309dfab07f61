/**
 * Where the product's documentation lives: the rule pages, a page per pattern, the lifecycle
 * page. The service links findings and roles here; the VS Code client opens the copy shipped in
 * the extension instead, so the links work offline.
 */
export const DOCS_BASE_URL = 'https://github.com/pod-patterns/pod-patterns/blob/main/docs';

/** A documentation page's path below `docs/` (`rules/x.md`, `patterns/init.md`, `lifecycle.md`), if the URL is one. */
export function docsPathOf(url: string): string | undefined {
  if (!url.startsWith(`${DOCS_BASE_URL}/`)) return undefined;
  const rest = url.slice(DOCS_BASE_URL.length + 1).replace(/#.*$/, '');
  return /^(?:(?:rules|patterns)\/)?[a-zA-Z0-9-]+\.md$/.test(rest) ? rest : undefined;
}

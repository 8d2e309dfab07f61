import { DOCS_BASE_URL } from '../shared/docs';
import type { ContainerRole } from '../shared/vocabulary';

export { DOCS_BASE_URL };

/** Where a finding's documentation lives: one page per rule, one for schema and syntax. */
export function ruleDocsUrl(code: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(code)) return undefined;
  return `${DOCS_BASE_URL}/rules/${code}.md`;
}

const PATTERN_PAGES: Readonly<Record<ContainerRole, { readonly page: string; readonly title: string }>> = {
  init: { page: 'init.md', title: 'init containers' },
  'native-sidecar': { page: 'native-sidecar.md', title: 'native sidecars' },
  main: { page: 'README.md', title: 'multi-container pod patterns' },
  sidecar: { page: 'sidecar.md', title: 'sidecars' },
  adapter: { page: 'adapter.md', title: 'adapters' },
  ambassador: { page: 'ambassador.md', title: 'ambassadors' },
};

/** The page about the pattern a role plays (`docs/patterns/`), for role hovers. */
export function patternDocs(role: ContainerRole): { readonly url: string; readonly title: string } {
  const { page, title } = PATTERN_PAGES[role];
  return { url: `${DOCS_BASE_URL}/patterns/${page}`, title };
}

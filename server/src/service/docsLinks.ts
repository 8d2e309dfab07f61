/** Where a finding's documentation lives: one page per rule, one for schema and syntax. */
export const DOCS_BASE_URL = 'https://github.com/pod-patterns/pod-patterns/blob/main/docs';

export function ruleDocsUrl(code: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(code)) return undefined;
  return `${DOCS_BASE_URL}/rules/${code}.md`;
}

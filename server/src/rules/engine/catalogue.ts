import type { Severity } from '../../service/findings/finding';
import type { Rule, RuleCategory } from '../types';

/** What the docs, the README and `pod-patterns rules` say about each rule. */
export interface RuleCatalogueEntry {
  readonly id: string;
  readonly category: RuleCategory;
  readonly severity: Severity;
  readonly summary: string;
  readonly minVersion?: string;
  readonly maxVersion?: string;
  /** What the quick fixes do: the descriptions of the rule's fixers, absent when it has none. */
  readonly fix?: string;
}

export function catalogueOf(rules: readonly Rule<object>[]): RuleCatalogueEntry[] {
  return rules.map((rule) => ({
    id: rule.id,
    category: rule.category,
    severity: rule.defaultSeverity,
    summary: rule.summary,
    ...(rule.minVersion !== undefined ? { minVersion: rule.minVersion } : {}),
    ...(rule.maxVersion !== undefined ? { maxVersion: rule.maxVersion } : {}),
    ...(rule.fixes?.length ? { fix: rule.fixes.map((fixer) => fixer.description).join(' ') } : {}),
  }));
}

const CATEGORY_HEADINGS: Readonly<Record<RuleCategory, string>> = {
  api: 'API server (rejected or warned about)',
  pattern: 'Multi-container patterns',
  practice: 'Practice',
};

/** The README's rule tables (`npm run gen:readme-rules` writes them between the markers). */
export function renderRuleTables(catalogue: readonly RuleCatalogueEntry[]): string {
  const sections = (Object.keys(CATEGORY_HEADINGS) as RuleCategory[]).map((category) => {
    const rows = catalogue
      .filter((entry) => entry.category === category)
      .map(
        (entry) =>
          `| [\`${entry.id}\`](docs/rules/${entry.id}.md) | ${entry.severity} | ${entry.summary.replace(/\|/g, '\\|')} |`,
      );
    return [
      `**${CATEGORY_HEADINGS[category]}**`,
      '',
      '| Rule | Severity | What it catches |',
      '|---|---|---|',
      ...rows,
    ].join('\n');
  });
  return `${sections.join('\n\n')}\n`;
}

const START_MARKER = /<!-- rules:start[^>]*-->\n/;
const END_MARKER = '<!-- rules:end -->';

/** `readme` with the text between its rule-table markers replaced by `tables`. */
export function replaceGeneratedSection(readme: string, tables: string): string {
  const start = START_MARKER.exec(readme);
  const end = readme.indexOf(END_MARKER);
  if (!start || end < start.index)
    throw new Error('README.md lacks the <!-- rules:start --> … <!-- rules:end --> markers');
  const from = start.index + start[0].length;
  return `${readme.slice(0, from)}${tables}${readme.slice(end)}`;
}

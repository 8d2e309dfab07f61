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

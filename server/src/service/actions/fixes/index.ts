import { disableComment } from './disableComment';
import type { QuickFixer } from './quickFix';
import { valueSuggestions } from './valueSuggestions';

/** The finding codes that are not rules: the YAML reader's, the schema's and the target version's. */
export const NON_RULE_CODES = [
  'yaml-syntax',
  'duplicate-key',
  'schema',
  'field-version',
  'target-version',
  'template-skipped',
] as const;

export type NonRuleCode = (typeof NON_RULE_CODES)[number];

export function isNonRuleCode(code: string): code is NonRuleCode {
  return (NON_RULE_CODES as readonly string[]).includes(code);
}

/**
 * The fixes of the non-rule codes, the counterpart of `Rule.fixes` (rules list theirs in
 * their own file): every code is listed, so a new one has to decide.
 */
export const NON_RULE_FIXES: Readonly<Record<NonRuleCode, readonly QuickFixer[]>> = {
  'yaml-syntax': [],
  'duplicate-key': [],
  schema: [valueSuggestions],
  'field-version': [],
  'target-version': [],
  'template-skipped': [],
};

/** Offered for every rule finding after its own fixes: the suppression comment. */
export const EVERY_FINDING_FIXES: readonly QuickFixer[] = [disableComment];

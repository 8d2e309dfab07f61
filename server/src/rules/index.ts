import type { Finding } from '../service/findings/finding';
import type { PodModel } from '../service/model/podModel';
import { API_RULES } from './api';
import { catalogueOf, type RuleCatalogueEntry } from './engine/catalogue';
import { runRuleSet } from './engine/runRule';
import { PATTERN_RULES } from './pattern';
import { PRACTICE_RULES } from './practice';
import type { Rule, RuleContext } from './types';

export type { RuleCatalogueEntry } from './engine/catalogue';

/** Every rule, in the order their findings are reported. */
export const RULES: readonly Rule[] = [...API_RULES, ...PATTERN_RULES, ...PRACTICE_RULES];

/** The rule list for docs, the README and `pod-patterns rules`. */
export const RULE_CATALOGUE: readonly RuleCatalogueEntry[] = catalogueOf(RULES);

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

export function runRules(pod: PodModel, context: RuleContext): Finding[] {
  return runRuleSet(RULES, pod, context);
}

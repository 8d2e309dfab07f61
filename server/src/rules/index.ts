import type { Finding } from '../service/findings/finding';
import type { PodModel } from '../service/model/podModel';
import { API_RULES } from './api';
import { catalogueOf, type RuleCatalogueEntry } from './engine/catalogue';
import { runRuleSet } from './engine/runRule';
import { PATTERN_RULES } from './pattern';
import { PRACTICE_RULES } from './practice';
import type { Rule, RuleContext } from './types';

export type { RuleCatalogueEntry } from './engine/catalogue';

/** Every rule id: the codes of rule findings (the other codes are `NON_RULE_CODES`). */
export type RuleId =
  (typeof API_RULES)[number]['id'] | (typeof PATTERN_RULES)[number]['id'] | (typeof PRACTICE_RULES)[number]['id'];

/** Every rule, in the order their findings are reported. */
export const RULES: readonly Rule<object, RuleId>[] = [...API_RULES, ...PATTERN_RULES, ...PRACTICE_RULES];

/** The rule list for docs, the README and `pod-patterns rules`. */
export const RULE_CATALOGUE: readonly RuleCatalogueEntry[] = catalogueOf(RULES);

const RULES_BY_ID: ReadonlyMap<string, Rule<object, RuleId>> = new Map(RULES.map((rule) => [rule.id, rule]));

export function findRule(id: string): Rule<object, RuleId> | undefined {
  return RULES_BY_ID.get(id);
}

export function isRuleId(id: string): id is RuleId {
  return RULES_BY_ID.has(id);
}

export function runRules(pod: PodModel, context: RuleContext): Finding[] {
  return runRuleSet(RULES, pod, context);
}

import { RULES } from '../../../server/src/rules';
import { API_RULES } from '../../../server/src/rules/api';
import { testRuleFixtures } from '../../support/ruleFixtures';

const API_RULE_IDS = new Set<string>(API_RULES.map((rule) => rule.id));

for (const rule of RULES) testRuleFixtures(rule, API_RULE_IDS);

import { PATTERN_RULES } from '../../../../server/src/rules/pattern';
import { testRuleFixtures } from './ruleFixtures';

for (const rule of PATTERN_RULES) testRuleFixtures(rule.id);

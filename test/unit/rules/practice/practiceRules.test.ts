import { PRACTICE_RULES } from '../../../../server/src/rules/practice';
import { testRuleFixtures } from '../pattern/ruleFixtures';

for (const rule of PRACTICE_RULES) testRuleFixtures(rule.id);

import type { Finding } from '../service/findings/finding';
import type { PodModel } from '../service/model/podModel';
import { API_RULES } from './api';
import { PATTERN_RULES } from './pattern';
import { PRACTICE_RULES } from './practice';
import type { Rule, RuleContext } from './types';

/** Every rule, in the order their findings are reported. */
export const RULES: readonly Rule[] = [...API_RULES, ...PATTERN_RULES, ...PRACTICE_RULES];

export function runRules(pod: PodModel, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const level = context.settings.rules[rule.id];
    if (level === 'off') continue;
    for (const finding of rule.check(pod, context)) {
      findings.push({ ...finding, code: rule.id, severity: level ?? finding.severity ?? rule.defaultSeverity });
    }
  }
  return findings;
}

import type { Finding } from '../service/findings/finding';
import type { PodModel } from '../service/model/podModel';
import type { Rule, RuleContext } from './types';

/** Every rule, in the order their findings are reported. */
export const RULES: readonly Rule[] = [];

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

import type { Finding, Severity } from '../../service/findings/finding';
import type { DocumentModel } from '../../service/model/documentModel';
import type { PodModel } from '../../service/model/podModel';
import type { RuleLevel } from '../../service/settings';
import type { FindingData, Rule, RuleContext } from '../types';
import { NOTHING_SUPPRESSED, parseSuppressions, type Suppressions } from './suppressions';
import { groupedPerPod, groupFindings, presetLevel } from './presets';
import { ruleAppliesTo } from './version';
import { setSlot, slotOf } from '../../service/slots';

const SUPPRESSIONS = Symbol('suppressions');

/**
 * Suppression comments are read once per document text (models are reused while the text is
 * unchanged). Only documents that have such a comment are remembered: for the others (nearly
 * all) the text search is cheaper than keeping a slot per document.
 */
export function suppressionsOf(document: DocumentModel): Suppressions {
  const remembered = slotOf<Suppressions>(document, SUPPRESSIONS);
  if (remembered) return remembered;
  const suppressions = parseSuppressions(document.text);
  return suppressions === NOTHING_SUPPRESSED ? suppressions : setSlot(document, SUPPRESSIONS, suppressions);
}

/**
 * The severity a finding is reported with: the user's level for the rule wins (else the
 * preset's), then what the rule chose for this finding (a warning-grade variant), then the
 * rule's default.
 */
export function effectiveSeverity(
  rule: Rule<object>,
  level: RuleLevel | undefined,
  findingSeverity: Severity | undefined,
): Severity | undefined {
  if (level === 'off') return undefined;
  return level ?? findingSeverity ?? rule.defaultSeverity;
}

/** Runs the rules on one pod: version gating, severity levels, suppression comments, codes. */
export function runRuleSet(rules: readonly Rule<object>[], pod: PodModel, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const suppressions = suppressionsOf(context.document);
  const { preset } = context.settings;
  for (const rule of rules) {
    const level = context.settings.rules[rule.id] ?? presetLevel(rule.id, preset);
    if (level === 'off' || !ruleAppliesTo(rule, context.settings)) continue;
    const reported = rule.check(pod, context);
    for (const finding of groupedPerPod(rule.id, preset) ? groupFindings(rule.id, [...reported]) : reported) {
      const severity = effectiveSeverity(rule, level, finding.severity);
      if (!severity || suppressions.isSuppressed(rule.id, finding.range.start)) continue;
      // Rule data is typed per rule; once reported it is the plain JSON every finding carries.
      findings.push({ ...finding, data: finding.data as FindingData | undefined, code: rule.id, severity });
    }
  }
  return findings;
}

import { writeFileSync } from 'node:fs';
import { applyEdits, type LanguageService, type ServiceSettings } from '../service';
import type { CliIO } from './io';

/** Fixes can reveal or shift others (a moved container, a renamed name): a few passes settle them. */
const MAX_PASSES = 5;

export interface FixOutcome {
  readonly text: string;
  /** Rule id → how many findings of it were fixed. */
  readonly fixed: ReadonlyMap<string, number>;
}

/** Applies the preferred safe fix of every finding that has one, pass after pass. */
export function fixText(service: LanguageService, text: string, settings: ServiceSettings): FixOutcome {
  const fixed = new Map<string, number>();
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const file = service.parseFile(current);
    const findings = service.findings(file, settings).map((finding) => ({ code: finding.code, start: finding.range.start, end: finding.range.end, data: finding.data }));
    const before = new Map<string, number>();
    for (const finding of findings) before.set(finding.code, (before.get(finding.code) ?? 0) + 1);
    const { edits, count } = service.preferredFixes(file, findings, settings);
    if (count === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    // Count what the pass removed, per rule, rather than trusting that each fix worked.
    const after = new Map<string, number>();
    for (const finding of service.findings(service.parseFile(next), settings)) after.set(finding.code, (after.get(finding.code) ?? 0) + 1);
    for (const [code, n] of before) {
      const gone = n - (after.get(code) ?? 0);
      if (gone > 0) fixed.set(code, (fixed.get(code) ?? 0) + gone);
    }
    current = next;
  }
  return { text: current, fixed };
}

/** `lint --fix` on one input: rewrites the file when something changed and says what. */
export function fixInput(service: LanguageService, path: string, text: string, settings: ServiceSettings, io: CliIO, toStderr: boolean): string {
  const outcome = fixText(service, text, settings);
  if (outcome.text === text) return text;
  const summary = [...outcome.fixed].map(([code, count]) => `${code} ×${count}`).join(', ') || 'formatting only';
  writeFileSync(path, outcome.text);
  (toStderr ? io.stderr : io.stdout)(`${path}: fixed ${summary}\n`);
  return outcome.text;
}

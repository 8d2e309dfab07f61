import type { ParsedFile } from '../parsedFile';
import type { ServiceSettings } from '../settings';
import type { ServiceCodeAction } from './codeAction';
import { findRule } from '../../rules';
import { EVERY_FINDING_FIXES, isNonRuleCode, NON_RULE_FIXES } from './fixes';
import { dataOf, type FixCandidate, type FixTarget, type QuickFixer } from './fixes/quickFix';
import { SILENT_LOGGER, type Logger } from '../logger';
import { insertPatternActions } from './insertPatternActions';
import type { OffsetEdit } from '../edits/textEdits';
import { currentFindingFor } from './currentTarget';

export type { ServiceCodeAction } from './codeAction';
export type { FixTarget } from './fixes/quickFix';

export interface CodeActionRequest {
  /** The selection, in file offsets. */
  readonly start: number;
  readonly end: number;
  /** The diagnostics the editor sends with the request (ours carry `source: pod-patterns`). */
  readonly diagnostics: readonly (FixTarget & { readonly source?: string })[];
  /** Kinds the editor asked for (`quickfix`, `refactor`, …); all when absent. */
  readonly only?: readonly string[];
}

function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
}

/**
 * The fixers of one finding code: the rule's own (`Rule.fixes`), or those of a non-rule code,
 * then the suppression comment. Codes neither knows (from another tool) get nothing.
 */
function fixersOf(code: string): readonly QuickFixer[] {
  const rule = findRule(code);
  // A rule's fixers read the data its check wrote; here the data is the editor's copy of it.
  if (rule) return [...((rule.fixes ?? []) as readonly QuickFixer[]), ...EVERY_FINDING_FIXES];
  return isNonRuleCode(code) ? NON_RULE_FIXES[code] : [];
}

/**
 * The fixes for one finding, preferred first. A fixer that throws offers nothing, and the
 * logger hears about it (tests inject one that rethrows, so no bug hides behind the menu).
 */
export function fixesFor(
  analysis: ParsedFile,
  target: FixTarget,
  settings: ServiceSettings,
  logger: Logger = SILENT_LOGGER,
): FixCandidate[] {
  const document = analysis.documentAt(target.start);
  if (!document) return [];
  const out: FixCandidate[] = [];
  const data = dataOf(target);
  for (const fixer of fixersOf(target.code)) {
    try {
      out.push(...fixer.fixes({ analysis, document, target, data, settings, logger }));
    } catch (error) {
      logger.error(`The quick fix "${fixer.description}" failed on a ${target.code} finding`, error);
    }
  }
  return out;
}

/** Every code action for a selection: quick fixes of its diagnostics, then refactorings. */
export function codeActionsFor(
  analysis: ParsedFile,
  request: CodeActionRequest,
  settings: ServiceSettings,
  logger: Logger = SILENT_LOGGER,
): ServiceCodeAction[] {
  const actions: ServiceCodeAction[] = [];
  if (wanted(request.only, 'quickfix')) {
    const current = request.diagnostics.length > 0 ? analysis.findings(settings) : [];
    request.diagnostics.forEach((echoed, index) => {
      if (echoed.source !== undefined && echoed.source !== 'pod-patterns') return;
      // Fixes are computed from the finding as it is now, never at the range the editor echoes.
      const diagnostic = currentFindingFor(echoed, current);
      if (!diagnostic) return;
      for (const fix of fixesFor(analysis, diagnostic, settings, logger)) {
        actions.push({
          title: fix.title,
          kind: 'quickfix',
          edits: fix.edits,
          isPreferred: fix.preferred,
          fixes: [index],
        });
      }
      const all = fixAllOfKind(analysis, diagnostic.code, settings, logger);
      if (all && all.count > 1) {
        actions.push({
          title: `Fix all ${diagnostic.code} findings in the file (${all.count})`,
          kind: 'quickfix',
          edits: all.edits,
          fixes: [index],
        });
      }
    });
  }
  if (wanted(request.only, 'refactor.rewrite'))
    actions.push(...insertPatternActions(analysis, request.start, settings));
  // Only on request (editor.codeActionsOnSave, "Fix All"): it touches the whole file.
  if (request.only?.some((kind) => kind === 'source' || kind === 'source.fixAll')) {
    const findings = analysis.findings(settings).map((finding) => ({
      code: finding.code,
      start: finding.range.start,
      end: finding.range.end,
      data: finding.data,
    }));
    const all = combinePreferredFixes(analysis, findings, settings, logger);
    if (all.count > 0)
      actions.push({
        title: `Fix all auto-fixable Pod Patterns problems (${all.count})`,
        kind: 'source.fixAll',
        edits: all.edits,
      });
  }
  return actions;
}

/**
 * The preferred fix of every finding of one code in the file, when they do not overlap;
 * undefined when this code has no safe fix.
 */
export function fixAllOfKind(
  analysis: ParsedFile,
  code: string,
  settings: ServiceSettings,
  logger: Logger = SILENT_LOGGER,
): { edits: OffsetEdit[]; count: number } | undefined {
  const findings = analysis
    .findings(settings)
    .filter((finding) => finding.code === code)
    .map((finding) => ({ code: finding.code, start: finding.range.start, end: finding.range.end, data: finding.data }));
  const chosen = combinePreferredFixes(analysis, findings, settings, logger);
  return chosen.count > 0 ? chosen : undefined;
}

/** Preferred fixes of the given findings that can be applied together (no overlapping edits). */
export function combinePreferredFixes(
  analysis: ParsedFile,
  findings: readonly FixTarget[],
  settings: ServiceSettings,
  logger: Logger = SILENT_LOGGER,
): { edits: OffsetEdit[]; count: number } {
  const edits: OffsetEdit[] = [];
  // Kept sorted by start, so each new edit is checked against its neighbours only (big files have thousands).
  const taken: OffsetEdit[] = [];
  let count = 0;
  for (const finding of findings) {
    const preferred = fixesFor(
      analysis,
      { code: finding.code, start: finding.start, end: finding.end, data: finding.data },
      settings,
      logger,
    ).find((fix) => fix.preferred);
    if (!preferred) continue;
    // Two findings about one thing (a volume mounted twice, say) need its fix once.
    const fresh = preferred.edits.filter(
      (edit) =>
        !taken.some((done) => done.start === edit.start && done.end === edit.end && done.newText === edit.newText),
    );
    if (fresh.some((edit) => overlapsAny(taken, edit)) || overlapEachOther(fresh)) continue;
    for (const edit of fresh) taken.splice(insertionIndex(taken, edit.start), 0, edit);
    edits.push(...fresh);
    count++;
  }
  return { edits, count };
}

function insertionIndex(sorted: readonly OffsetEdit[], start: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]!.start <= start) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Replacements may not intersect; inserts may share an offset but not fall inside a replacement. */
function intersects(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

function overlapsAny(sorted: readonly OffsetEdit[], edit: OffsetEdit): boolean {
  // Edits are short: look at the neighbours around the insertion point, widening while they still reach.
  const at = insertionIndex(sorted, edit.start);
  for (let i = at - 1; i >= 0; i--) {
    if (intersects(sorted[i]!, edit)) return true;
    if (sorted[i]!.end < edit.start) break;
  }
  for (let i = at; i < sorted.length && sorted[i]!.start <= edit.end; i++)
    if (intersects(sorted[i]!, edit)) return true;
  return false;
}

function overlapEachOther(edits: readonly OffsetEdit[]): boolean {
  return edits.some((a, i) => edits.some((b, j) => i < j && intersects(a, b)));
}

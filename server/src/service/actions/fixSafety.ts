import { ParsedFile } from '../parsedFile';
import type { ServiceSettings } from '../settings';
import { applyEdits, type OffsetEdit } from '../edits/textEdits';
import type { ServiceCodeAction } from './codeAction';
import type { FixTarget } from './fixes/quickFix';
import { hasLineBreak, inLineBreaksOf } from '../text/lineBreaks';
import { sharedRanges } from '../yaml/nodes';
import type { DocumentModel } from '../model/documentModel';

/**
 * Guards that keep code actions from making a file worse, applied by the facade to whatever the
 * fixers and insert actions plan: the file's own line breaks, no structural edit in a document
 * whose YAML is broken (its tree is a guess, so a new key would land in the wrong place), and no
 * quick fix that adds an error (each is applied and its document analysed again before it is offered).
 */

/** Why a structural action is greyed out in a document with YAML errors. */
export const BROKEN_YAML_REASON =
  'This YAML document has syntax errors: fix them first (an edit that adds or moves lines could land in the wrong place).';

/** Why an action is greyed out when it would write where an alias or a merge key reads. */
export const SHARED_TEXT_REASON =
  'This edit would change YAML that an alias (*name) or a merge key (<<) repeats elsewhere: edit the anchor (&name) by hand.';

/** Only a document with an alias can share text (a `*` also starts globs and comments: then the tree is walked). */
function mayShareText(model: DocumentModel): boolean {
  return model.text.includes('*');
}

/** Whether an edit (in the document's offsets) writes into, or right beside, text an alias or a merge key repeats. */
export function sharesText(model: DocumentModel, edits: readonly OffsetEdit[]): boolean {
  if (!mayShareText(model) || edits.length === 0) return false;
  const ranges = sharedRanges(model.root);
  // Inclusive: an item appended to a shared list lands at its range's end.
  return edits.some((edit) => ranges.some((range) => edit.start <= range.end && edit.end >= range.start));
}

function touchesSharedText(file: ParsedFile, edits: readonly OffsetEdit[]): boolean {
  const byDocument = new Map<DocumentModel, OffsetEdit[]>();
  for (const edit of edits) {
    const document = file.documentAt(edit.start);
    if (!document) continue;
    const local = { ...edit, start: edit.start - document.offset, end: edit.end - document.offset };
    const known = byDocument.get(document.model);
    if (known) known.push(local);
    else byDocument.set(document.model, [local]);
  }
  return [...byDocument].some(([model, local]) => sharesText(model, local));
}

/** Edits whose inserted line breaks are the file's own (`\r\n` in a CRLF file, `\r` in a CR-only one). */
export function withFileLineBreaks(text: string, edits: readonly OffsetEdit[]): OffsetEdit[] {
  // An edit left as it is stays the same object: callers tell moved edits by identity.
  return edits.map((edit) => {
    const newText = inLineBreaksOf(text, edit.newText);
    return newText === edit.newText ? edit : { ...edit, newText };
  });
}

/** An edit that adds, removes or moves lines (rather than changing text within one line). */
function isStructural(text: string, edits: readonly OffsetEdit[]): boolean {
  return edits.some((edit) => hasLineBreak(edit.newText) || hasLineBreak(text.slice(edit.start, edit.end)));
}

/** Whether any edit falls in a document whose YAML has errors. */
function touchesBrokenYaml(file: ParsedFile, edits: readonly OffsetEdit[]): boolean {
  return edits.some(
    (edit) =>
      file.documentAt(edit.start)?.model.syntaxFindings.some((finding) => finding.severity === 'error') ?? false,
  );
}

function errorCounts(file: ParsedFile, settings: ServiceSettings): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of file.findings(settings))
    if (finding.severity === 'error') counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  return counts;
}

/**
 * Whether applying the edits gives the file an error-severity finding of a kind it had fewer of.
 * The edited file is parsed from this one, so only the edited documents are analysed again.
 */
export function addsError(file: ParsedFile, edits: readonly OffsetEdit[], settings: ServiceSettings): boolean {
  if (edits.length === 0) return false;
  const before = errorCounts(file, settings);
  const after = errorCounts(new ParsedFile(applyEdits(file.text, edits), file), settings);
  return [...after].some(([code, count]) => count > (before.get(code) ?? 0));
}

/**
 * The actions as offered: line breaks of the file, structural ones disabled in broken YAML, quick
 * fixes that add an error left out; "Fix All" made of the safe preferred fixes only.
 */
export function safeActions(
  file: ParsedFile,
  actions: readonly ServiceCodeAction[],
  settings: ServiceSettings,
  combine: (targets: readonly FixTarget[]) => { edits: OffsetEdit[]; count: number },
): ServiceCodeAction[] {
  return actions.flatMap((action): ServiceCodeAction[] => {
    if (action.kind === 'source.fixAll') {
      const targets = file.findings(settings).map((finding) => ({
        code: finding.code,
        start: finding.range.start,
        end: finding.range.end,
        data: finding.data,
      }));
      const safe = safePreferredFixes(file, targets, settings, combine);
      return safe.count === 0
        ? []
        : [{ ...action, title: action.title.replace(/\(\d+\)$/, `(${safe.count})`), edits: safe.edits }];
    }
    const safe = safeAction(file, action, settings);
    return safe ? [safe] : [];
  });
}

/**
 * Checking a fix applies it and analyses its document again: above this size (one document's
 * text) that costs a keystroke too much, so such a document's fixes are offered unchecked and
 * never preferred.
 */
export const MAX_CHECKED_DOCUMENT = 256 * 1024;

function checkable(file: ParsedFile, edits: readonly OffsetEdit[]): boolean {
  return edits.every((edit) => (file.documentAt(edit.start)?.model.text.length ?? 0) <= MAX_CHECKED_DOCUMENT);
}

function safeAction(
  file: ParsedFile,
  action: ServiceCodeAction,
  settings: ServiceSettings,
): ServiceCodeAction | undefined {
  if (action.disabledReason) return action;
  const edits = withFileLineBreaks(file.text, action.edits);
  const disabledReason =
    isStructural(file.text, edits) && touchesBrokenYaml(file, edits)
      ? BROKEN_YAML_REASON
      : touchesSharedText(file, edits)
        ? SHARED_TEXT_REASON
        : undefined;
  if (disabledReason) {
    return {
      title: action.title,
      kind: action.kind,
      edits: [],
      disabledReason,
      ...(action.fixes ? { fixes: action.fixes } : {}),
    };
  }
  // The selection was computed for the edits as planned: longer line breaks would move it.
  const moved = edits.some((edit, i) => edit !== action.edits[i]);
  const safe: ServiceCodeAction = moved ? { ...action, edits, selection: undefined } : action;
  if (action.kind !== 'quickfix') return safe;
  if (!checkable(file, edits)) return safe.isPreferred ? { ...safe, isPreferred: false } : safe;
  // A quick fix that leaves the file with a new error is no fix: it is not offered.
  return addsError(file, edits, settings) ? undefined : safe;
}

/**
 * The preferred fixes of these findings, combined by `combine`, that are safe together: none in a
 * document with YAML errors when it is structural, none that adds an error (checked together
 * first, then fix by fix when the combination does), in the file's line breaks.
 */
export function safePreferredFixes(
  file: ParsedFile,
  findings: readonly FixTarget[],
  settings: ServiceSettings,
  combine: (targets: readonly FixTarget[]) => { edits: OffsetEdit[]; count: number },
): { edits: OffsetEdit[]; count: number } {
  const fixable = (target: FixTarget) => {
    const own = combine([target]);
    if (own.count === 0) return false;
    const edits = withFileLineBreaks(file.text, own.edits);
    return !(isStructural(file.text, edits) && touchesBrokenYaml(file, edits)) && !touchesSharedText(file, edits);
  };
  let targets = findings.some((target) => {
    const model = file.documentAt(target.start)?.model;
    return model !== undefined && (model.syntaxFindings.length > 0 || mayShareText(model));
  })
    ? findings.filter(fixable)
    : findings;
  let combined = combine(targets);
  let edits = withFileLineBreaks(file.text, combined.edits);
  if (addsError(file, edits, settings)) {
    targets = targets.filter((target) => {
      const own = combine([target]);
      return own.count > 0 && !addsError(file, withFileLineBreaks(file.text, own.edits), settings);
    });
    combined = combine(targets);
    edits = withFileLineBreaks(file.text, combined.edits);
  }
  return { edits, count: combined.count };
}

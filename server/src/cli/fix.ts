import {
  chmodSync,
  chownSync,
  lstatSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import * as path from 'node:path';
import { applyEdits, type FileFinding, type LanguageService, type ServiceSettings } from '../service';
import type { CliIO } from './io';
import { exactUtf8, NOT_UTF8 } from './inputs';

/** Fixes can reveal or shift others (a moved container, a renamed name): a few passes settle them. */
const MAX_PASSES = 5;

export interface FixOutcome {
  readonly text: string;
  /** Rule id → how many of its findings the applied fixes targeted. */
  readonly fixed: ReadonlyMap<string, number>;
  /** Error-severity findings the fixed text has and the original did not (by rule id, with one example). */
  readonly introducedErrors: readonly FileFinding[];
}

function errorCounts(findings: readonly FileFinding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings)
    if (finding.severity === 'error') counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  return counts;
}

/**
 * Applies the preferred safe fix of every finding that has one, pass after pass, and says which
 * rules' findings the fixes targeted and which errors the result has that the original had not.
 */
export function fixText(service: LanguageService, text: string, settings: ServiceSettings): FixOutcome {
  const fixed = new Map<string, number>();
  const originalFindings = service.findings(service.parseFile(text), settings);
  let current = text;
  let currentFindings = originalFindings;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const file = service.parseFile(current);
    const targets = currentFindings.map((finding) => ({
      code: finding.code,
      start: finding.range.start,
      end: finding.range.end,
      data: finding.data,
    }));
    const { edits, count } = service.preferredFixes(file, targets, settings);
    if (count === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    // What this pass fixed, per rule: the fixes each rule's findings get on their own.
    for (const code of new Set(targets.map((target) => target.code))) {
      const own = service.preferredFixes(
        file,
        targets.filter((target) => target.code === code),
        settings,
      ).count;
      if (own > 0) fixed.set(code, (fixed.get(code) ?? 0) + own);
    }
    current = next;
    currentFindings = service.findings(service.parseFile(current), settings);
  }
  const before = errorCounts(originalFindings);
  const after = errorCounts(currentFindings);
  const introducedErrors = [...after]
    .filter(([code, count]) => count > (before.get(code) ?? 0))
    .map(([code]) => currentFindings.find((finding) => finding.severity === 'error' && finding.code === code)!);
  return { text: current, fixed, introducedErrors };
}

/** What `lint --fix` did to one file. */
export type FixReport =
  | { readonly kind: 'unchanged'; readonly text: string }
  | { readonly kind: 'fixed'; readonly text: string; readonly summary: string }
  /** Not rewritten, for a reason the user can act on; `failed` when it is an error (exit code 2). */
  | { readonly kind: 'skipped'; readonly text: string; readonly reason: string; readonly failed: boolean };

/**
 * `lint --fix` on one input that was read as `text`: fixes it, refuses the fixes when they add an
 * error, and rewrites the file safely (see `writeFixed`). The returned text is what the file now
 * holds as far as linting is concerned (the original when nothing was written).
 */
export function fixInput(
  service: LanguageService,
  file: string,
  text: string,
  settings: ServiceSettings,
  io: CliIO,
  toStderr: boolean,
): FixReport {
  const say = (line: string) => (toStderr ? io.stderr : io.stdout)(`${line}\n`);
  let original: Buffer;
  try {
    original = readFileSync(file);
  } catch (error) {
    io.stderr(`pod-patterns: ${file}: not fixed: cannot read it again (${describe(error)})\n`);
    return { kind: 'skipped', text, reason: describe(error), failed: true };
  }
  const decoded = exactUtf8(original);
  if (decoded === undefined) {
    const reason = `not fixed: ${NOT_UTF8}`;
    io.stderr(`pod-patterns: ${file}: ${reason}\n`);
    return { kind: 'skipped', text, reason, failed: true };
  }
  if (decoded !== text) {
    const reason = 'not fixed: the file changed while it was being read; run again';
    io.stderr(`pod-patterns: ${file}: ${reason}\n`);
    return { kind: 'skipped', text, reason, failed: true };
  }
  const outcome = fixText(service, text, settings);
  if (outcome.text === text) return { kind: 'unchanged', text };
  if (outcome.introducedErrors.length > 0) {
    const added = outcome.introducedErrors.map((finding) => `${finding.code} (${finding.message})`).join('; ');
    const reason = `not fixed: the fixes would add ${outcome.introducedErrors.length === 1 ? 'an error' : 'errors'}: ${added}; the file is left as it was`;
    say(`${file}: ${reason}`);
    return { kind: 'skipped', text, reason, failed: false };
  }
  const written = writeFixed(file, original, outcome.text);
  if (!written.ok) {
    io.stderr(`pod-patterns: ${file}: not fixed: ${written.reason}\n`);
    return { kind: 'skipped', text, reason: written.reason, failed: true };
  }
  const fixes = [...outcome.fixed].map(([code, count]) => `${code} ×${count}`).join(', ');
  const summary = `fixed ${fixes || 'what the preferred fixes target'}${written.via ? ` (written to ${written.via}, the symlink's target)` : ''}`;
  say(`${file}: ${summary}`);
  return { kind: 'fixed', text: outcome.text, summary };
}

export type WriteResult =
  { readonly ok: true; readonly via?: string } | { readonly ok: false; readonly reason: string };

/**
 * Replaces a file's content with `text`, only if it still holds exactly `expected` (a save made
 * since it was read is never overwritten), atomically: a temporary file in the same folder,
 * given the file's mode (and owner, where allowed), renamed over it. A symlink is followed to its
 * final target (loops are refused by the system's resolution) and the target is what is replaced,
 * so the link stays a link. Files without any write permission bit are left alone.
 */
export function writeFixed(file: string, expected: Uint8Array, text: string): WriteResult {
  let target: string;
  let via: string | undefined;
  try {
    target = lstatSync(file).isSymbolicLink() ? realpathSync(file) : file;
    if (target !== file) via = target;
  } catch (error) {
    return {
      ok: false,
      reason: (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'it is a symlink loop' : describe(error),
    };
  }
  let stats;
  try {
    stats = statSync(target);
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
  if (!stats.isFile()) return { ok: false, reason: 'it is not a regular file' };
  if ((stats.mode & 0o222) === 0) return { ok: false, reason: 'it is read-only' };
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.pod-patterns-${process.pid}-${Date.now().toString(36)}.tmp`,
  );
  try {
    writeFileSync(temporary, text, { flag: 'wx', mode: 0o600 });
    chmodSync(temporary, stats.mode & 0o7777);
    try {
      chownSync(temporary, stats.uid, stats.gid);
    } catch {
      // Only root may give a file away; the file then belongs to whoever runs the fix.
    }
    // The last look before the rename: anything saved since the read wins over the fixes.
    if (!Buffer.from(expected).equals(readFileSync(target))) {
      unlinkSync(temporary);
      return { ok: false, reason: 'the file changed since it was read (it was saved meanwhile); run again' };
    }
    renameSync(temporary, target);
    return via ? { ok: true, via } : { ok: true };
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // It was never created, or the rename consumed it.
    }
    return { ok: false, reason: describe(error) };
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOENT') return 'it no longer exists';
  if (code === 'ENOSPC') return 'the disk is full';
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

import * as path from 'node:path';
import { LineIndex, type FileFinding, type Position, type Severity } from '../../service';
import { STDIN_PATH } from '../inputs';

/** A finding as the formats show it: positions resolved, so the file's text need not be kept. */
export interface ReportedFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** 0-based LSP positions. */
  readonly start: Position;
  readonly end: Position;
  /** The finding's first line, trimmed (SARIF fingerprints); only when the format needs it. */
  readonly lineText?: string;
}

/**
 * One linted file, ready for any output format: compact (no text, no models), so a run over
 * thousands of files holds only what it will print. A worker thread (`--jobs`) sends back this.
 */
export interface FileReport {
  readonly path: string;
  readonly podCount: number;
  /** Sorted by position. */
  readonly findings: readonly ReportedFinding[];
  /** Findings `lint --fix` would fix (counted only when the summary's hint is shown). */
  readonly fixable: number;
}

/** What a report keeps of a finding besides its positions. */
export interface CompactOptions {
  /** Keep each finding's trimmed first line (SARIF fingerprints). */
  readonly lineTexts: boolean;
}

/** The compact report of a file's findings (already sorted and filtered), resolved against its text. */
export function compactReport(
  filePath: string,
  text: string,
  linted: { readonly findings: readonly FileFinding[]; readonly podCount: number; readonly fixable: number },
  options: CompactOptions,
): FileReport {
  const lines = linted.findings.length > 0 ? new LineIndex(text) : undefined;
  const findings = linted.findings.map((finding): ReportedFinding => {
    const start = lines!.positionAt(finding.range.start);
    const end = lines!.positionAt(finding.range.end);
    const base = { code: finding.code, severity: finding.severity, message: finding.message, start, end };
    if (!options.lineTexts) return base;
    const lineText = text
      .slice(
        lines!.offsetAt({ line: start.line, character: 0 }),
        lines!.offsetAt({ line: start.line + 1, character: 0 }),
      )
      .trim();
    return { ...base, lineText };
  });
  return { path: filePath, podCount: linted.podCount, findings, fixable: linted.fixable };
}

/** A file that could not be read: recorded by the formats that can say so (SARIF). */
export interface UnreadableInput {
  readonly path: string;
  readonly error: string;
}

/** What every format gets besides the reports. */
export interface FormatContext {
  /** Errors only, no summary. */
  readonly quiet: boolean;
  /** Findings `lint --fix` would fix, for the summary's hint. */
  readonly fixable: number;
  readonly unreadable: readonly UnreadableInput[];
  /** Paths in reports made relative to this folder (SARIF, GitHub annotations). */
  readonly root: string;
}

export interface ReportCounts {
  readonly files: number;
  readonly pods: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
}

export function countReports(reports: readonly FileReport[]): ReportCounts {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let pods = 0;
  for (const report of reports) {
    pods += report.podCount;
    for (const finding of report.findings) bySeverity[finding.severity]++;
  }
  return { files: reports.length, pods, bySeverity };
}

/** The findings a format shows: with `--quiet`, errors only. */
export function shownFindings(report: FileReport, quiet: boolean): readonly ReportedFinding[] {
  return quiet ? report.findings.filter((finding) => finding.severity === 'error') : report.findings;
}

/** LSP-style 0-based range of a finding. */
export function lspRange(finding: ReportedFinding): { start: Position; end: Position } {
  return { start: finding.start, end: finding.end };
}

/** `N problems (…) in F files, P pods checked`, and the fix hint when there is something to fix. */
export function summaryLines(reports: readonly FileReport[], fixable: number): string[] {
  const counts = countReports(reports);
  const { error, warning, information, hint } = counts.bySeverity;
  const problems = error + warning + information + hint;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [
    `${plural(problems, 'problem')} (${plural(error, 'error')}, ${plural(warning, 'warning')}, ${information + hint} info) in ${plural(counts.files, 'file')}, ${plural(counts.pods, 'pod')} checked`,
  ];
  if (fixable > 0) lines.push(`${fixable} fixable with \`--fix\``);
  return lines;
}

/**
 * The folder reports are relative to in CI: the git repository's top level, else the working
 * folder. Asked of git once per run.
 */
export function repositoryRoot(cwd: string): string {
  try {
    // Loaded here: child processes are for the CI formats only, and loading them costs every run start-up time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (top) return path.resolve(top);
  } catch {
    // Not a repository, or no git: the working folder it is.
  }
  return path.resolve(cwd);
}

/** A report path relative to `root` with `/`, or undefined when it is outside it (or standard input). */
export function relativeToRoot(filePath: string, root: string): string | undefined {
  if (filePath === STDIN_PATH) return undefined;
  const relative = path.relative(root, path.resolve(filePath));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { LineIndex, type ParsedFile, type FileFinding, type Severity } from '../../service';
import { STDIN_PATH } from '../inputs';

/** What the formats read of a file's analysis: a worker thread (`--jobs`) sends back only this. */
export interface ReportAnalysis extends Pick<ParsedFile, 'lineIndex'> {
  readonly pods: { readonly length: number };
}

/** What the formats read of a file linted without keeping its analysis. */
export function reportAnalysis(text: string, podCount: number): ReportAnalysis {
  return { lineIndex: new LineIndex(text), pods: { length: podCount } };
}

/** One linted file, ready for any output format. */
export interface FileReport {
  readonly path: string;
  readonly text: string;
  readonly analysis: ReportAnalysis;
  /** Sorted by position. */
  readonly findings: readonly FileFinding[];
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
    pods += report.analysis.pods.length;
    for (const finding of report.findings) bySeverity[finding.severity]++;
  }
  return { files: reports.length, pods, bySeverity };
}

/** The findings a format shows: with `--quiet`, errors only. */
export function shownFindings(report: FileReport, quiet: boolean): readonly FileFinding[] {
  return quiet ? report.findings.filter((finding) => finding.severity === 'error') : report.findings;
}

/** LSP-style 0-based range of a finding. */
export function lspRange(report: FileReport, finding: FileFinding) {
  const lines = report.analysis.lineIndex;
  return { start: lines.positionAt(finding.range.start), end: lines.positionAt(finding.range.end) };
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

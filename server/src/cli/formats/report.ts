import { LineIndex, type ParsedFile, type FileFinding, type Severity } from '../../service';

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
  readonly analysis: ReportAnalysis;
  readonly findings: readonly FileFinding[];
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

/** LSP-style 0-based range of a finding. */
export function lspRange(report: FileReport, finding: FileFinding) {
  const lines = report.analysis.lineIndex;
  return { start: lines.positionAt(finding.range.start), end: lines.positionAt(finding.range.end) };
}

import { lspRange, shownFindings, type FileReport, type FormatContext } from './report';

/**
 * `{"files":[{"path","diagnostics":[{"code","severity","message","range"}]}]}` with 0-based
 * LSP positions. Tools depend on this shape: add fields, never rename or remove.
 */
export function formatJson(reports: readonly FileReport[], context: FormatContext): string {
  const files = reports.map((report) => ({
    path: report.path,
    diagnostics: shownFindings(report, context.quiet).map((finding) => ({
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      range: lspRange(finding),
    })),
  }));
  return JSON.stringify({ files }, null, 2) + '\n';
}

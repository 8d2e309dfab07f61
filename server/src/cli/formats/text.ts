import { countReports, lspRange, type FileReport } from './report';

/** `path:line:col severity code message`, 1-based, then one summary line. */
export function formatText(reports: readonly FileReport[], quiet: boolean): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const finding of report.findings) {
      if (quiet && finding.severity !== 'error') continue;
      const { start } = lspRange(report, finding);
      lines.push(`${report.path}:${start.line + 1}:${start.character + 1} ${finding.severity} ${finding.code} ${finding.message}`);
    }
  }
  const counts = countReports(reports);
  const { error, warning, information, hint } = counts.bySeverity;
  const problems = error + warning + information + hint;
  lines.push(
    `${problems} problem${problems === 1 ? '' : 's'} (${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'}, ${information + hint} info) in ${counts.files} file${counts.files === 1 ? '' : 's'}, ${counts.pods} pod${counts.pods === 1 ? '' : 's'} checked`,
  );
  return lines.join('\n') + '\n';
}

import { lspRange, shownFindings, type FileReport, type FormatContext } from './report';

/** Text for XML content and attributes; characters XML 1.0 cannot hold at all are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * JUnit XML, the report format CI systems (GitLab, Jenkins, …) read: one testsuite per file,
 * one failing testcase per finding, or one passing testcase for a file without findings.
 */
export function formatJunit(reports: readonly FileReport[], context: FormatContext): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const report of reports) {
    const file = escapeXml(report.path);
    const findings = shownFindings(report, context.quiet);
    const cases = findings.map((finding) => {
      const { start } = lspRange(finding);
      const where = `${report.path}:${start.line + 1}:${start.character + 1}`;
      const name = escapeXml(`${finding.code} at ${start.line + 1}:${start.character + 1}`);
      const body = escapeXml(`${where} ${finding.severity} ${finding.code} ${finding.message}`);
      return `    <testcase name="${name}" classname="${file}" file="${file}" line="${start.line + 1}">\n      <failure message="${escapeXml(finding.message)}" type="${finding.severity}">${body}</failure>\n    </testcase>`;
    });
    if (cases.length === 0) cases.push(`    <testcase name="${file}" classname="${file}" file="${file}"/>`);
    tests += cases.length;
    failures += findings.length;
    suites.push(
      `  <testsuite name="${file}" tests="${cases.length}" failures="${findings.length}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  for (const input of context.unreadable) {
    const file = escapeXml(input.path);
    tests++;
    suites.push(
      `  <testsuite name="${file}" tests="1" failures="0" errors="1" skipped="0">\n    <testcase name="${file}" classname="${file}">\n      <error message="${escapeXml(`cannot read: ${input.error}`)}"/>\n    </testcase>\n  </testsuite>`,
    );
  }
  const errors = context.unreadable.length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="pod-patterns" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}

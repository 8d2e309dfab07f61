import type { Severity } from '../../service';
import { lspRange, type FileReport } from './report';

const SARIF_LEVEL: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, regions with 1-based lines and UTF-16 columns, for code-scanning uploads. */
export function formatSarif(reports: readonly FileReport[], quiet: boolean, version: string, docsUrl: (code: string) => string | undefined): string {
  const ruleIds = new Set<string>();
  const results = [];
  for (const report of reports) {
    for (const finding of report.findings) {
      if (quiet && finding.severity !== 'error') continue;
      ruleIds.add(finding.code);
      const { start, end } = lspRange(report, finding);
      results.push({
        ruleId: finding.code,
        level: SARIF_LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(report.path) },
              region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            },
          },
        ],
      });
    }
  }
  const rules = [...ruleIds].sort().map((id) => {
    const helpUri = docsUrl(id);
    return helpUri ? { id, helpUri } : { id };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pod-patterns', version, informationUri: 'https://github.com/pod-patterns/pod-patterns', rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function toUri(filePath: string): string {
  return filePath
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

import type { Severity } from '../../service';
import { lspRange, shownFindings, summaryLines, type FileReport, type FormatContext } from './report';

const SEVERITY_COLOUR: Readonly<Record<Severity, string>> = {
  error: '31',
  warning: '33',
  information: '36',
  hint: '2',
};

/** `path:line:col severity code message`, 1-based, sorted by file and position, then the summary. */
export function formatText(reports: readonly FileReport[], context: FormatContext, colour: boolean): string {
  const paint = (code: string, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  for (const report of reports) {
    for (const finding of shownFindings(report, context.quiet)) {
      const { start } = lspRange(finding);
      const where = paint('1', `${report.path}:${start.line + 1}:${start.character + 1}`);
      lines.push(
        `${where} ${paint(SEVERITY_COLOUR[finding.severity], finding.severity)} ${paint('2', finding.code)} ${finding.message}`,
      );
    }
  }
  if (!context.quiet) lines.push(...summaryLines(reports, context.fixable));
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/**
 * Colour when standard output is a terminal, unless `NO_COLOR` is set (no-color.org);
 * `--color` / `--no-color` decide over both.
 */
export function wantsColour(
  flag: 'color' | 'no-color' | undefined,
  isTerminal: boolean,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (flag === 'color') return true;
  if (flag === 'no-color') return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return isTerminal;
}

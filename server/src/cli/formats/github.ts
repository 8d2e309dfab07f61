import type { Severity } from '../../service';
import { lspRange, relativeToRoot, shownFindings, summaryLines, type FileReport, type FormatContext } from './report';

const COMMAND: Readonly<Record<Severity, string>> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/** Workflow-command data: `%`, CR and LF are encoded so a message stays one command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property values: `:` and `,` separate properties, so they are encoded too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions annotations, one `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`
 * per finding, with paths relative to the repository so they land on the pull request's files.
 */
export function formatGithub(reports: readonly FileReport[], context: FormatContext): string {
  const lines: string[] = [];
  for (const report of reports) {
    const file = relativeToRoot(report.path, context.root) ?? report.path;
    for (const finding of shownFindings(report, context.quiet)) {
      const { start, end } = lspRange(finding);
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(`pod-patterns ${finding.code}`)}`,
      ];
      lines.push(`::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`);
    }
  }
  for (const input of context.unreadable)
    lines.push(
      `::error file=${escapeProperty(input.path)},title=${escapeProperty('pod-patterns')}::${escapeData(`cannot read ${input.path}: ${input.error}`)}`,
    );
  if (!context.quiet) lines.push(...summaryLines(reports, 0));
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

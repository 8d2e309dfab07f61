import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { FileAnalysis, FileFinding } from './fileAnalysis';
import type { Severity } from './findings/finding';
import type { ServiceSettings } from './settings';
import { ruleDocsUrl } from './docsLinks';

export const DIAGNOSTIC_SOURCE = 'pod-patterns';

const LSP_SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The file's findings as LSP diagnostics (positions in UTF-16 code units). */
export function toDiagnostics(analysis: FileAnalysis, settings: ServiceSettings, uri: string): Diagnostic[] {
  return analysis.findings(settings).map((finding) => toDiagnostic(analysis, finding, uri));
}

export function toDiagnostic(analysis: FileAnalysis, finding: FileFinding, uri: string): Diagnostic {
  const lines = analysis.lineIndex;
  const diagnostic: Diagnostic = {
    range: { start: lines.positionAt(finding.range.start), end: lines.positionAt(finding.range.end) },
    severity: LSP_SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.code,
    message: finding.message,
  };
  const href = ruleDocsUrl(finding.code);
  if (href) diagnostic.codeDescription = { href };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri, range: { start: lines.positionAt(related.range.start), end: lines.positionAt(related.range.end) } },
      message: related.message,
    }));
  }
  if (finding.tags?.length) {
    diagnostic.tags = finding.tags.map((tag) => (tag === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  if (finding.data) diagnostic.data = { ...finding.data, documentIndex: finding.documentIndex };
  return diagnostic;
}

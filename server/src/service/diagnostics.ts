import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { shift, type ParsedFile, type FileFinding } from './parsedFile';
import type { Finding, Severity } from './findings/finding';
import type { ServiceSettings } from './settings';
import { ruleDocsUrl } from './docsLinks';

export const DIAGNOSTIC_SOURCE = 'pod-patterns';

const LSP_SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What a document's findings became as diagnostics, kept while its findings array (stable
 * while the document and the settings are unchanged) sits at the same place in the file:
 * a keystroke then converts only the document it touched, not the whole file's findings.
 */
interface ConvertedDocument {
  readonly uri: string;
  readonly documentIndex: number;
  readonly startLine: number;
  readonly diagnostics: readonly Diagnostic[];
}
const converted = new WeakMap<readonly Finding[], ConvertedDocument>();

/** The file's findings as LSP diagnostics (positions in UTF-16 code units). */
export function toDiagnostics(analysis: ParsedFile, settings: ServiceSettings, uri: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { document, findings } of analysis.documentFindings(settings)) {
    // Documents start at a line start, so moving one moves its diagnostics by whole lines.
    const startLine = analysis.lineIndex.positionAt(document.offset).line;
    let cached = converted.get(findings);
    if (!cached || cached.uri !== uri || cached.documentIndex !== document.index) {
      cached = {
        uri,
        documentIndex: document.index,
        startLine,
        diagnostics: findings.map((finding) => toDiagnostic(analysis, shift(finding, document), uri)),
      };
      converted.set(findings, cached);
    } else if (cached.startLine !== startLine) {
      cached = {
        ...cached,
        startLine,
        diagnostics: cached.diagnostics.map((diagnostic) => movedBy(diagnostic, startLine - cached!.startLine)),
      };
      converted.set(findings, cached);
    }
    for (const diagnostic of cached.diagnostics) out.push(diagnostic);
  }
  return out;
}

function movedBy(diagnostic: Diagnostic, lines: number): Diagnostic {
  const move = (range: Range): Range => ({
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  });
  const moved: Diagnostic = { ...diagnostic, range: move(diagnostic.range) };
  if (diagnostic.relatedInformation) {
    moved.relatedInformation = diagnostic.relatedInformation.map((related) => ({
      ...related,
      location: { ...related.location, range: move(related.location.range) },
    }));
  }
  return moved;
}

export function toDiagnostic(analysis: ParsedFile, finding: FileFinding, uri: string): Diagnostic {
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
      location: {
        uri,
        range: { start: lines.positionAt(related.range.start), end: lines.positionAt(related.range.end) },
      },
      message: related.message,
    }));
  }
  if (finding.tags?.length) {
    diagnostic.tags = finding.tags.map((tag) =>
      tag === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated,
    );
  }
  if (finding.data) diagnostic.data = { ...finding.data, documentIndex: finding.documentIndex };
  return diagnostic;
}

import { firstSyntaxError } from './model/documentModel';
import type { AnalyzedDocument, ParsedFile } from './parsedFile';

/**
 * Why a document must not be described, drawn or written into: its first YAML syntax error, in
 * the words the user reads in the CLI and the preview ("document 2, line 5: …"). Undefined for a
 * sound document.
 */
export function brokenDocumentReason(file: ParsedFile, document: AnalyzedDocument): string | undefined {
  const error = firstSyntaxError(document.model);
  if (!error) return undefined;
  const line = file.lineIndex.positionAt(document.offset + error.range.start).line + 1;
  const which = file.documents.length > 1 ? `document ${document.index + 1}, ` : '';
  return `the YAML has a syntax error (${which}line ${line}: ${error.message}) — fix it first`;
}

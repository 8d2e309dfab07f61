import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, firstLineRange, type SplitText } from '../service';

/** Files larger than this (in bytes) are validated when saved, not on every change. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** The configured limit, or the default when the setting is missing or not a positive number. */
export function maxFileSizeOf(raw: unknown): number {
  return typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_MAX_FILE_SIZE;
}

/** Whether a text is above the limit in UTF-8 bytes, counted only when its UTF-16 length leaves a doubt. */
export function isAboveLimit(text: SplitText, limit: number): boolean {
  // Each UTF-16 unit is 1 to 3 UTF-8 bytes.
  if (text.length * 3 <= limit) return false;
  if (text.length > limit) return true;
  return text.utf8Length > limit;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The notice underlines at most this many characters of the first line. */
const NOTICE_WIDTH = 200;

/** The one-line notice shown on a file above the limit, on its first line. */
export function largeFileNotice(text: SplitText, limit: number, validated: boolean): Diagnostic {
  const head = text.slice(0, NOTICE_WIDTH + 1);
  const size = megabytes(text.utf8Length);
  return {
    range: {
      start: { line: 0, character: 0 },
      end: { line: 0, character: Math.min(firstLineRange(head).end, NOTICE_WIDTH) },
    },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: 'large-file',
    message: validated
      ? `This file (${size}) is above podPatterns.maxFileSize (${megabytes(limit)}): it is validated when saved, not while you type.`
      : `This file (${size}) is above podPatterns.maxFileSize (${megabytes(limit)}): save it to validate it.`,
  };
}

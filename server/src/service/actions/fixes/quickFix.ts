import type { FileAnalysis, AnalyzedDocument } from '../../fileAnalysis';
import type { OffsetEdit } from '../../edits/textEdits';
import type { ServiceSettings } from '../../settings';

/** A finding to fix, from an LSP diagnostic or a CLI finding: file offsets and its data. */
export interface FixTarget {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly data?: unknown;
}

export interface FixContext {
  readonly analysis: FileAnalysis;
  readonly document: AnalyzedDocument;
  readonly target: FixTarget;
  readonly settings: ServiceSettings;
}

export interface FixCandidate {
  readonly title: string;
  readonly edits: readonly OffsetEdit[];
  /** The fix `lint --fix` and "fix all" apply: it only changes what the finding is about. */
  readonly preferred?: boolean;
}

/** One quick fix file: the finding codes it handles and the fixes it offers for one finding. */
export interface QuickFix {
  readonly codes: readonly string[];
  fixes(context: FixContext): FixCandidate[];
}

/** `data` of a diagnostic as a record, whatever the client sent back. */
export function dataOf(target: FixTarget): Record<string, unknown> {
  return target.data && typeof target.data === 'object' ? (target.data as Record<string, unknown>) : {};
}

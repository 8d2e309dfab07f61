import type { ParsedFile, AnalyzedDocument } from '../../parsedFile';
import type { OffsetEdit } from '../../edits/textEdits';
import type { ServiceSettings } from '../../settings';
import type { Logger } from '../../logger';

/** A finding to fix, from an LSP diagnostic or a CLI finding: file offsets and its data. */
export interface FixTarget {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly data?: unknown;
}

export interface FixContext<Data extends object = Readonly<Record<string, unknown>>> {
  readonly analysis: ParsedFile;
  readonly document: AnalyzedDocument;
  readonly target: FixTarget;
  /**
   * The finding's data as the editor sent it back: it crossed a process boundary, so any
   * field may be missing (fixers check what they read).
   */
  readonly data: Partial<Data>;
  readonly settings: ServiceSettings;
  readonly logger: Logger;
}

export interface FixCandidate {
  readonly title: string;
  readonly edits: readonly OffsetEdit[];
  /** The fix `lint --fix` and "fix all" apply: it only changes what the finding is about. */
  readonly preferred?: boolean;
}

/**
 * One quick fix: a rule lists its fixers (`Rule.fixes`), the non-rule codes theirs in
 * `fixes/index.ts`. `description` is what the catalogue and the rule's doc page say the fix does.
 */
export interface QuickFixer<Data extends object = Readonly<Record<string, unknown>>> {
  readonly description: string;
  fixes(context: FixContext<Data>): FixCandidate[];
}

/** `data` of a diagnostic as a record, whatever the client sent back. */
export function dataOf(target: FixTarget): Record<string, unknown> {
  return target.data && typeof target.data === 'object' ? (target.data as Record<string, unknown>) : {};
}

import type { OffsetEdit, OffsetRange } from '../edits/textEdits';

export type ServiceCodeActionKind = 'quickfix' | 'refactor.rewrite' | 'source.fixAll';

/** A code action as the service computes it: edits in file offsets, no LSP types. */
export interface ServiceCodeAction {
  readonly title: string;
  readonly kind: ServiceCodeActionKind;
  readonly edits: readonly OffsetEdit[];
  readonly isPreferred?: boolean;
  /** Set when the action cannot apply here; editors show it greyed with this reason. */
  readonly disabledReason?: string;
  /** Where to put the cursor once applied (offsets in the resulting text). */
  readonly selection?: OffsetRange;
  /** The findings (by index in the request's list) this action resolves. */
  readonly fixes?: readonly number[];
}

import type { Range } from '../yaml/nodes';
import type { Severity } from '../../shared/vocabulary';

export type { Severity } from '../../shared/vocabulary';

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface RelatedFinding {
  readonly range: Range;
  readonly message: string;
}

/**
 * One problem the service found, located in its YAML document. Schema, syntax and rule
 * findings share this shape; hosts turn it into LSP diagnostics, CLI lines or SARIF.
 */
export interface Finding {
  /** `yaml-syntax`, `schema`, or a rule id. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Offsets into the document's text. */
  readonly range: Range;
  readonly related?: readonly RelatedFinding[];
  /** What a quick fix needs (rule-specific, JSON-serialisable). */
  readonly data?: Readonly<Record<string, unknown>>;
  /** Shown faded in editors (unused or deprecated code). */
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}

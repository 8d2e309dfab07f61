import type { Finding, Severity } from '../service/findings/finding';
import type { DocumentModel } from '../service/model/documentModel';
import type { PodModel } from '../service/model/podModel';
import type { ServiceSettings } from '../service/settings';

export interface RuleContext {
  readonly settings: ServiceSettings;
  readonly document: DocumentModel;
}

/** `api`: the API server rejects it; `pattern`: a multi-container pattern mistake; `practice`: good practice. */
export type RuleCategory = 'api' | 'pattern' | 'practice';

/** What a rule reports; the engine adds the code, the final severity and the doc link. */
export type RuleFinding = Omit<Finding, 'code' | 'severity'> & { readonly severity?: Severity };

export interface Rule {
  readonly id: string;
  readonly category: RuleCategory;
  readonly defaultSeverity: Severity;
  /** One line, shown in hovers and the rule list. */
  readonly summary: string;
  /** The rule runs only when the target Kubernetes version is at least this (`1.29`). */
  readonly minVersion?: string;
  /** The rule runs only when the target Kubernetes version is at most this. */
  readonly maxVersion?: string;
  /** One line on the quick fix its findings' `data` supports, when there is one. */
  readonly fix?: string;
  /**
   * The findings on one pod. The rules here return an array (empty for most pods): a
   * generator object per rule and pod cost about as much as the checks themselves.
   */
  check(pod: PodModel, context: RuleContext): Iterable<RuleFinding>;
}

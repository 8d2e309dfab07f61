import type { Finding, Severity } from '../service/findings/finding';
import type { DocumentModel } from '../service/model/documentModel';
import type { ContainerModel, PodModel } from '../service/model/podModel';
import type { ServiceSettings } from '../service/settings';
import type { QuickFixer } from '../service/actions/fixes/quickFix';

export interface RuleContext {
  readonly settings: ServiceSettings;
  readonly document: DocumentModel;
}

/** `api`: the API server rejects it; `pattern`: a multi-container pattern mistake; `practice`: good practice. */
export type RuleCategory = 'api' | 'pattern' | 'practice';

/**
 * How every rule's `data` points at a container: its list and its index there. Names are
 * not enough (they may be missing or duplicated, which is what some rules report).
 */
export interface ContainerRef {
  readonly listKey: ContainerModel['listKey'];
  readonly containerIndex: number;
}

export function containerRefOf(container: ContainerModel): ContainerRef {
  return { listKey: container.listKey, containerIndex: container.index };
}

/** What a finding carries for its quick fixes: JSON-serialisable, since editors send it back. */
export type FindingData = Readonly<Record<string, unknown>>;

/** What a rule reports; the engine adds the code, the final severity and the doc link. */
export type RuleFinding<Data extends object = FindingData> = Omit<Finding, 'code' | 'severity' | 'data'> & {
  readonly severity?: Severity;
  readonly data?: Data;
};

export interface Rule<Data extends object = FindingData, Id extends string = string> {
  readonly id: Id;
  readonly category: RuleCategory;
  readonly defaultSeverity: Severity;
  /** One line, shown in hovers and the rule list. */
  readonly summary: string;
  /** The rule runs only when the target Kubernetes version is at least this (`1.29`). */
  readonly minVersion?: string;
  /** The rule runs only when the target Kubernetes version is at most this. */
  readonly maxVersion?: string;
  /**
   * The quick fixes of its findings, in menu order (ESLint's `meta.fixable` + `fix` in one):
   * the catalogue's fix text is their descriptions, so a rule cannot claim a fix it lacks.
   */
  readonly fixes?: readonly QuickFixer<Data>[];
  /**
   * The findings on one pod. The rules here return an array (empty for most pods): a
   * generator object per rule and pod cost about as much as the checks themselves.
   */
  check(pod: PodModel, context: RuleContext): Iterable<RuleFinding<Data>>;
}

/**
 * Declares a rule: keeps its id as a literal (for the `RuleId` union) and ties the data its
 * check reports to the data its fixes read.
 */
export function defineRule<const Id extends string, Data extends object = FindingData>(rule: Rule<Data, Id>): Rule<Data, Id> {
  return rule;
}

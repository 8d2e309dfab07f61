import type { FileAnalysis } from '../fileAnalysis';
import type { ServiceSettings } from '../settings';
import type { ServiceCodeAction } from './codeAction';
import { PATTERNS } from './insert/catalog';
import { insertPattern, podAt } from './insert/insertPattern';

/** The insert-pattern refactorings offered anywhere inside a pod-bearing document. */
export function insertPatternActions(analysis: FileAnalysis, offset: number, settings: ServiceSettings): ServiceCodeAction[] {
  const located = podAt(analysis, offset);
  if (!located || located.document.model.templateAt !== undefined) return [];
  const podLabel = located.pod.name ? ` to ${located.pod.kind} ${located.pod.name}` : '';
  return PATTERNS.map((pattern): ServiceCodeAction => {
    const result = insertPattern(located, { kind: pattern.kind }, settings);
    if (!result.ok) {
      return { title: `${pattern.title}${podLabel}`, kind: 'refactor.rewrite', edits: [], disabledReason: result.reason };
    }
    return { title: `${result.title}${podLabel}`, kind: 'refactor.rewrite', edits: result.edits, selection: result.selection };
  });
}

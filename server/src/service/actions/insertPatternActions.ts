import type { ParsedFile } from '../parsedFile';
import type { ServiceSettings } from '../settings';
import type { ServiceCodeAction } from './codeAction';
import { PATTERNS } from '../../shared/patternCatalog';
import { insertPattern, podAt } from './insert/insertPattern';

/** The insert-pattern refactorings offered anywhere inside a pod-bearing document. */
export function insertPatternActions(
  analysis: ParsedFile,
  offset: number,
  settings: ServiceSettings,
): ServiceCodeAction[] {
  const located = podAt(analysis, offset);
  if (!located || located.document.model.templateAt !== undefined) return [];
  const podLabel = located.pod.name ? ` to ${located.pod.kind} ${located.pod.name}` : '';
  return PATTERNS.map((pattern): ServiceCodeAction => {
    const result = insertPattern(located, { kind: pattern.kind, at: offset }, settings);
    if (!result.ok) {
      const title = pattern.title.charAt(0) + pattern.title.slice(1).toLowerCase();
      return { title: `${title}${podLabel}`, kind: 'refactor.rewrite', edits: [], disabledReason: result.reason };
    }
    return {
      title: `${result.title}${podLabel}`,
      kind: 'refactor.rewrite',
      edits: result.edits,
      selection: result.selection,
    };
  });
}

import type { LocatedPod, ParsedFile } from '../parsedFile';
import type { ServiceSettings } from '../settings';
import type { ServiceCodeAction } from './codeAction';
import { PATTERNS } from '../../shared/patternCatalog';
import { insertPattern, podAt } from './insert/insertPattern';

/**
 * The lines an insert action belongs on: the object's `kind:`, the pod spec's key, the
 * `initContainers:` and `containers:` keys and each container's first line. Anywhere else a
 * lightbulb would be on for every line of every pod; the palette and the preview offer the
 * same insertions from anywhere.
 */
function onHeaderLine(located: LocatedPod, offset: number): boolean {
  const { pod, document } = located;
  const text = document.model.text;
  const local = offset - document.offset;
  const headers = [
    pod.kindPair.key.range.start,
    pod.specPair?.key.range.start,
    pod.initContainersPair?.key.range.start,
    pod.containersPair?.key.range.start,
    ...pod.containers.map((container) => container.node.range.start),
  ];
  return headers.some((start) => {
    if (start === undefined) return false;
    const [from, to] = start <= local ? [start, local] : [local, start];
    return !text.slice(from, to).includes('\n');
  });
}

/** The insert-pattern refactorings, on the header lines of a pod-bearing document. */
export function insertPatternActions(
  analysis: ParsedFile,
  offset: number,
  settings: ServiceSettings,
): ServiceCodeAction[] {
  const located = podAt(analysis, offset);
  if (!located || located.document.model.templateAt !== undefined || !onHeaderLine(located, offset)) return [];
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

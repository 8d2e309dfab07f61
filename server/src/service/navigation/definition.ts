import type { OffsetRange } from '../edits/textEdits';
import type { ParsedFile } from '../parsedFile';
import { linkedAt } from './links';

/**
 * Where the name under the cursor is defined: the volume a mount names, the container port a
 * probe or a Service names, the env entry of a `$(VAR)`, the container of the default-container
 * annotation, the pod's resource claim, the labels a selector selects, the ConfigMap or Secret
 * (and its key) a pod reads. Empty when the name has no definition in the file.
 */
export function definitionAt(file: ParsedFile, offset: number): OffsetRange[] {
  const found = linkedAt(file, offset);
  if (!found) return [];
  return found.symbol.occurrences
    .filter((occurrence) => occurrence.role === 'definition')
    .map(({ start, end }) => ({ start, end }));
}

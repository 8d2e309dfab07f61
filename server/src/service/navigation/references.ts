import type { OffsetRange } from '../edits/textEdits';
import type { ParsedFile } from '../parsedFile';
import { linkedAt } from './links';

/** Every place of the file linked to the name under the cursor; definitions only when asked for. */
export function referencesAt(file: ParsedFile, offset: number, includeDeclaration: boolean): OffsetRange[] {
  const found = linkedAt(file, offset);
  if (!found) return [];
  return found.symbol.occurrences
    .filter((occurrence) => includeDeclaration || occurrence.role === 'reference')
    .map(({ start, end }) => ({ start, end }));
}

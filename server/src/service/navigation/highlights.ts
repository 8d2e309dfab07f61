import type { OffsetRange } from '../edits/textEdits';
import type { ParsedFile } from '../parsedFile';
import { linkedAt } from './links';

export interface ServiceHighlight extends OffsetRange {
  /** A definition is where the name is declared (LSP "write"), a reference where it is used ("read"). */
  readonly role: 'definition' | 'reference';
}

/** The places of the name under the cursor, for the editor to highlight. */
export function highlightsAt(file: ParsedFile, offset: number): ServiceHighlight[] {
  const found = linkedAt(file, offset);
  if (!found) return [];
  return found.symbol.occurrences.map(({ start, end, role }) => ({ start, end, role }));
}

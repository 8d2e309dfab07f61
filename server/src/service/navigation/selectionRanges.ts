import type { OffsetRange } from '../edits/textEdits';
import type { ParsedFile } from '../parsedFile';
import { linkedAt } from './links';
import { rangesAround, trimmedEnd } from './treeWalk';

/**
 * The ranges an editor's "expand selection" steps through at an offset, innermost first: a
 * linked name inside a string (`$(VAR)`), the key or value, the pair, its map or list, the
 * pair that holds it, … up to the document; each strictly contains the one before.
 */
export function selectionRangesAt(file: ParsedFile, offset: number): OffsetRange[] {
  const document = file.documentAt(offset);
  if (!document) return [];
  const text = document.model.text;
  const outermostFirst = rangesAround(document.model.root, offset - document.offset).map((range) => {
    const trimmed = trimmedEnd(text, range);
    return { start: document.offset + trimmed.start, end: document.offset + trimmed.end };
  });
  const linked = linkedAt(file, offset)?.occurrence;
  if (linked) outermostFirst.push({ start: linked.start, end: linked.end });
  const out: OffsetRange[] = [];
  for (const range of outermostFirst.reverse()) {
    const inner = out[out.length - 1];
    if (
      inner &&
      !(range.start <= inner.start && inner.end <= range.end && range.end - range.start > inner.end - inner.start)
    )
      continue;
    out.push(range);
  }
  return out;
}

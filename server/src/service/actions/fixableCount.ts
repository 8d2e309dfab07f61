import { ParsedFile, type FileFinding } from '../parsedFile';
import type { ServiceSettings } from '../settings';
import { splitDocuments } from '../text/splitDocuments';
import { combinePreferredFixes } from '.';

/**
 * How many of a one-shot lint's findings have a preferred fix (what `lint --fix` would apply
 * first). Only the documents holding findings are parsed again, each on its own, so a big
 * file with a few findings costs a few small parses rather than a second pass over all of it.
 */
export function countFixable(text: string, findings: readonly FileFinding[], settings: ServiceSettings): number {
  const byDocument = new Map<number, FileFinding[]>();
  for (const finding of findings)
    byDocument.set(finding.documentIndex, [...(byDocument.get(finding.documentIndex) ?? []), finding]);
  if (byDocument.size === 0) return 0;
  let count = 0;
  for (const slice of splitDocuments(text)) {
    const held = byDocument.get(slice.index);
    if (!held) continue;
    const targets = held.map((finding) => ({
      code: finding.code,
      start: finding.range.start - slice.offset,
      end: finding.range.end - slice.offset,
      data: finding.data,
    }));
    count += combinePreferredFixes(new ParsedFile(slice.text), targets, settings).count;
  }
  return count;
}

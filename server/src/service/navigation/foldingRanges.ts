import type { DocumentModel } from '../model/documentModel';
import type { ParsedFile } from '../parsedFile';
import { setSlot, slotOf } from '../slots';
import { LineIndex } from '../text/lineIndex';
import { forEachNode, trimmedEnd } from './treeWalk';

/** Lines of the file (zero-based) an editor may fold into the first. */
export interface FoldingLines {
  readonly startLine: number;
  readonly endLine: number;
}

/**
 * Every block that spans lines: a key with its map, list or multi-line string, and each list
 * item; read from the model's ranges, in file order. Each document's folds are kept on its
 * model in lines of its own text, so an edit elsewhere costs only a shift of them.
 */
export function foldingRangesOf(file: ParsedFile): FoldingLines[] {
  const out: FoldingLines[] = [];
  for (const document of file.documents) {
    const firstLine = file.lineIndex.positionAt(document.offset).line;
    for (const fold of documentFolds(document.model))
      out.push({ startLine: firstLine + fold.startLine, endLine: firstLine + fold.endLine });
  }
  return out;
}

const FOLDS = Symbol('folding ranges');

function documentFolds(model: DocumentModel): readonly FoldingLines[] {
  const cached = slotOf<readonly FoldingLines[]>(model, FOLDS);
  if (cached) return cached;
  const text = model.text;
  const lines = new LineIndex(text);
  const seen = new Set<string>();
  const folds: FoldingLines[] = [];
  forEachNode(model.root, (node, introducedAt) => {
    const end = trimmedEnd(text, { start: introducedAt, end: node.range.end }).end;
    if (end <= introducedAt) return;
    const startLine = lines.positionAt(introducedAt).line;
    const endLine = lines.positionAt(end - 1).line;
    const key = `${startLine}:${endLine}`;
    if (endLine > startLine && !seen.has(key)) {
      seen.add(key);
      folds.push({ startLine, endLine });
    }
  });
  folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return setSlot(model, FOLDS, folds);
}

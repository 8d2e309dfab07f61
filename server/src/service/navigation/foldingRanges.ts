import type { ParsedFile } from '../parsedFile';
import { forEachNode, trimmedEnd } from './treeWalk';

/** Lines of the file (zero-based) an editor may fold into the first. */
export interface FoldingLines {
  readonly startLine: number;
  readonly endLine: number;
}

/**
 * Every block that spans lines: a key with its map, list or multi-line string, and each list
 * item; read from the model's ranges, in file order.
 */
export function foldingRangesOf(file: ParsedFile): FoldingLines[] {
  const lines = file.lineIndex;
  const seen = new Set<string>();
  const out: FoldingLines[] = [];
  for (const document of file.documents) {
    const text = document.model.text;
    forEachNode(document.model.root, (node, introducedAt) => {
      const end = trimmedEnd(text, { start: introducedAt, end: node.range.end }).end;
      if (end <= introducedAt) return;
      const startLine = lines.positionAt(document.offset + introducedAt).line;
      const endLine = lines.positionAt(document.offset + end - 1).line;
      const key = `${startLine}:${endLine}`;
      if (endLine > startLine && !seen.has(key)) {
        seen.add(key);
        out.push({ startLine, endLine });
      }
    });
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

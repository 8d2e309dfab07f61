import { indentationAt, lineBreakOf, lineStartOf } from '../../edits/lines';
import type { QuickFix } from './quickFix';

/** Codes that are not rule findings: a suppression comment cannot silence them. */
const NOT_SUPPRESSIBLE = new Set(['yaml-syntax', 'duplicate-key', 'template-skipped', 'schema', 'target-version']);

/**
 * Every rule finding: `# pod-patterns-disable-next-line <id>` above its line, indented
 * like that line so the comment reads as part of the block.
 */
export const disableComment: QuickFix = {
  codes: ['*'],
  fixes({ analysis, target }) {
    if (NOT_SUPPRESSIBLE.has(target.code) || !/^[a-z0-9-]+$/.test(target.code)) return [];
    const text = analysis.text;
    const lineStart = lineStartOf(text, target.start);
    const indent = ' '.repeat(indentationAt(text, target.start));
    return [{
      title: `Disable ${target.code} for this line`,
      edits: [{ start: lineStart, end: lineStart, newText: `${indent}# pod-patterns-disable-next-line ${target.code}${lineBreakOf(text)}` }],
    }];
  },
};

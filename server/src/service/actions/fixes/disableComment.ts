import { indentationAt, lineBreakOf, lineStartOf } from '../../edits/lines';
import type { QuickFixer } from './quickFix';

/**
 * Every rule finding (only rules can be suppressed): `# pod-patterns-disable-next-line <id>`
 * above its line, indented like that line so the comment reads as part of the block.
 */
export const disableComment: QuickFixer = {
  description: 'Add a # pod-patterns-disable-next-line comment above the finding.',
  fixes({ analysis, target }) {
    const text = analysis.text;
    const lineStart = lineStartOf(text, target.start);
    const indent = ' '.repeat(indentationAt(text, target.start));
    return [
      {
        title: `Disable ${target.code} for this line`,
        edits: [
          {
            start: lineStart,
            end: lineStart,
            newText: `${indent}# pod-patterns-disable-next-line ${target.code}${lineBreakOf(text)}`,
          },
        ],
      },
    ];
  },
};

import { dataOf, type QuickFixer } from './quickFix';
import { lineStartAt } from '../../text/lineBreaks';

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : typeof value === 'string'
      ? [value]
      : [];
}

/**
 * Schema findings that carry what to write instead: an unknown field's closest known
 * names (`suggestions`), an enum's allowed values (`allowedValues`), a single
 * `replacement` (a removed apiVersion), or a missing line to insert (`insertText`).
 */
export const valueSuggestions: QuickFixer = {
  description: 'Change the value to the closest known name or an allowed value, or add the missing line.',
  fixes({ analysis, target }) {
    const data = dataOf(target);
    const current = analysis.text.slice(target.start, target.end);
    const suggestions = strings(data.suggestions ?? data.suggestion);
    const allowed = strings(data.allowedValues ?? data.allowed ?? data.enum);
    const replacement = strings(data.replacement);
    const fixes = [
      ...suggestions.map((name, index) => ({
        title: `Change "${current}" to "${name}"`,
        edits: [{ start: target.start, end: target.end, newText: name }],
        preferred: index === 0 && suggestions.length === 1,
      })),
      ...allowed.map((value) => ({
        title: `Change to "${value}"`,
        edits: [
          {
            start: target.start,
            end: target.end,
            newText: /^[A-Za-z][\w.-]*$/.test(value) ? value : JSON.stringify(value),
          },
        ],
        preferred: allowed.length === 1,
      })),
      ...replacement.map((value) => ({
        title: `Change "${current}" to "${value}"`,
        edits: [{ start: target.start, end: target.end, newText: value }],
        preferred: true,
      })),
    ];
    if (typeof data.insertText === 'string' && data.insertText && !/\n/.test(data.insertText)) {
      const lineStart = lineStartAt(analysis.text, target.start);
      const indent = /^ */.exec(analysis.text.slice(lineStart))![0];
      fixes.push({
        title: `Add "${data.insertText}"`,
        edits: [{ start: lineStart, end: lineStart, newText: `${indent}${data.insertText}\n` }],
        preferred: true,
      });
    }
    return fixes.filter((fix) => fix.edits.every((edit) => edit.newText !== current));
  },
};

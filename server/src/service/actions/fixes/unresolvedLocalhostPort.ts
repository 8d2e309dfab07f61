import { dataOf, type QuickFixer } from './quickFix';

/** A localhost port nobody serves, next to one that is served: point the reference at it. */
export const unresolvedLocalhostPortFix: QuickFixer = {
  description: 'Use the port a container of the pod serves.',
  fixes({ analysis, target }) {
    const { port, suggestedPort } = dataOf(target);
    if (typeof port !== 'number' || typeof suggestedPort !== 'number') return [];
    const written = analysis.text.slice(target.start, target.end);
    const at = written.lastIndexOf(String(port));
    if (at < 0) return [];
    const start = target.start + at;
    return [{ title: `Use port ${suggestedPort}, which a container of the pod serves`, edits: [{ start, end: start + String(port).length, newText: String(suggestedPort) }] }];
  },
};

/**
 * Suppression comments in a YAML document:
 *   `# pod-patterns-disable-next-line <id>[, <id>]` silences the next line that is not a comment or blank;
 *   `# pod-patterns-disable [<id>[, <id>]]` silences the rest of the document (no ids: every rule).
 * Text after ` -- ` is a free-form reason. A finding is silenced by the line it starts on.
 */

import { linesOf } from '../../service/text/lineBreaks';

const DIRECTIVE = /^[ \t]*#[ \t]*pod-patterns-(disable-next-line|disable)(?:[ \t]+(.*?))?[ \t]*$/;

/** `undefined` ids means every rule. */
interface Scope {
  readonly ids: ReadonlySet<string> | undefined;
}

export interface Suppressions {
  isSuppressed(ruleId: string, offset: number): boolean;
}

/** What a document without suppression comments gets (always this one object). */
export const NOTHING_SUPPRESSED: Suppressions = { isSuppressed: () => false };

function parseIds(list: string | undefined): ReadonlySet<string> | undefined {
  const withoutReason = (list ?? '').split(/(?:^|[ \t])--(?:[ \t]|$)/)[0]!;
  const ids = withoutReason.split(/[\s,]+/).filter((id) => id.length > 0);
  return ids.length > 0 ? new Set(ids) : undefined;
}

function covers(scope: Scope, ruleId: string): boolean {
  return scope.ids === undefined || scope.ids.has(ruleId);
}

export function parseSuppressions(text: string): Suppressions {
  if (!text.includes('pod-patterns-disable')) return NOTHING_SUPPRESSED;

  const lines = linesOf(text);
  const lineStarts = lines.map((line) => line.start);

  const byLine = new Map<number, Scope[]>();
  let restOfDocument: { fromLine: number; scope: Scope }[] = [];
  let pendingNextLine: Scope[] = [];
  lines.forEach(({ content: line }, lineNumber) => {
    const directive = DIRECTIVE.exec(line);
    if (directive) {
      const scope = { ids: parseIds(directive[2]) };
      if (directive[1] === 'disable-next-line') pendingNextLine.push(scope);
      else restOfDocument = [...restOfDocument, { fromLine: lineNumber, scope }];
      return;
    }
    if (/^[ \t]*(#.*)?$/.test(line)) return;
    if (pendingNextLine.length > 0) {
      byLine.set(lineNumber, pendingNextLine);
      pendingNextLine = [];
    }
  });

  const lineOf = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };

  return {
    isSuppressed(ruleId: string, offset: number): boolean {
      const line = lineOf(offset);
      if (byLine.get(line)?.some((scope) => covers(scope, ruleId))) return true;
      return restOfDocument.some((entry) => entry.fromLine <= line && covers(entry.scope, ruleId));
    },
  };
}

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, createLanguageService, DEFAULT_SETTINGS, THROWING_LOGGER } from '../../../server/src/service';
import { loadSeeds, mutatedSeed } from '../robustness/fuzzing';
import { quickFixRequestFor } from '../../support/quickFixRequest';

const service = createLanguageService({ logger: THROWING_LOGGER });

function errorCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of service.findings(service.parseFile(text), DEFAULT_SETTINGS)) {
    if (finding.severity === 'error') counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  }
  return counts;
}

/**
 * Every quick fix offered on a mutated corpus or seed pod, applied: the result parses, the lines
 * before the first edit and after the last are untouched, a CRLF file gets no bare LF, and no
 * error appears that the file did not have. `runs` cases (a bounded sample in `npm test`).
 */
export function checkOfferedFixes(runs: number, seed?: number): number {
  const seeds = loadSeeds(() => undefined).filter(
    (candidate) => candidate.text.length < 30_000 && /kind:/.test(candidate.text),
  );
  let applied = 0;
  fc.assert(
    fc.property(mutatedSeed(seeds), ({ text }) => {
      const file = service.parseFile(text);
      if (!file.isRelevant) return;
      const before = errorCounts(text);
      const crlf = text.includes('\r\n') && !/[^\r]\n/.test(text);
      for (const finding of service.findings(file, DEFAULT_SETTINGS)) {
        const request = quickFixRequestFor(finding);
        for (const action of service.codeActions(file, request, DEFAULT_SETTINGS)) {
          if (action.disabledReason || action.edits.length === 0) continue;
          const result = applyEdits(text, action.edits);
          applied++;
          service.parseFile(result);
          const first = Math.min(...action.edits.map((edit) => edit.start));
          const last = Math.max(...action.edits.map((edit) => edit.end));
          const prefix = text.slice(0, text.lastIndexOf('\n', first - 1) + 1);
          const suffixStart = text.indexOf('\n', last);
          const suffix = suffixStart < 0 ? '' : text.slice(suffixStart + 1);
          assert.ok(
            result.startsWith(prefix) && result.endsWith(suffix),
            `"${action.title}" changed lines outside its edits`,
          );
          if (crlf) assert.doesNotMatch(result, /[^\r]\n/, `"${action.title}" added a bare LF to a CRLF file`);
          for (const [code, count] of errorCounts(result)) {
            assert.ok(count <= (before.get(code) ?? 0), `"${action.title}" added a ${code} error`);
          }
        }
      }
    }),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
  );
  return applied;
}

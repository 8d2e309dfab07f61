import { ParsedFile } from '../../../server/src/service';
import { analyzePod } from '../../../server/src/service/analysis/analyzePod';
import type { PodAnalysis } from '../../../server/src/service/analysis/types';

/** The analysis of the first pod in a YAML text. */
export function analysisOf(text: string): PodAnalysis {
  const [located] = new ParsedFile(text).pods;
  if (!located) throw new Error('no pod in the text');
  return analyzePod(located.pod);
}

/** Container name → role. */
export function rolesOf(analysis: PodAnalysis): Record<string, string> {
  return Object.fromEntries(analysis.roles.map((entry) => [entry.container.name ?? '?', entry.role]));
}

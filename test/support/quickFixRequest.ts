import type { CodeActionRequest, FileFinding } from '../../server/src/service';

/** The code-action request an editor sends for one published finding: its range and the diagnostic itself. */
export function quickFixRequestFor(finding: Pick<FileFinding, 'code' | 'range' | 'data'>): CodeActionRequest {
  const { start, end } = finding.range;
  return {
    start,
    end,
    diagnostics: [{ code: finding.code, start, end, data: finding.data, source: 'pod-patterns' }],
    only: ['quickfix'],
  };
}

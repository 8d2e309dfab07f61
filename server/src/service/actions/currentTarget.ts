import type { FileFinding } from '../parsedFile';
import type { FixTarget } from './fixes/quickFix';

/**
 * The finding, in the server's analysis of the current text, that an editor's diagnostic
 * stands for; undefined when none does. Editors echo back what they were published, which may
 * be one edit old or carry columns counted in another unit (Neovim sends bytes): an edit placed
 * at that range can land in the middle of an unrelated line. So a fix is only ever computed
 * from a finding the service computes now, found by its code and data, and the echoed range
 * only chooses between findings that are otherwise the same.
 */
export function currentFindingFor(echoed: FixTarget, current: readonly FileFinding[]): FixTarget | undefined {
  const echoedData = recordOrUndefined(echoed.data);
  const candidates = current.filter((finding) => finding.code === echoed.code && sameData(echoedData, finding));
  const chosen =
    candidates.length === 1 && echoedData !== undefined ? candidates[0] : uniqueOverlapping(candidates, echoed);
  return chosen && { code: chosen.code, start: chosen.range.start, end: chosen.range.end, data: chosen.data };
}

/** Without data to tell findings apart, the echoed range must still touch exactly one of them. */
function uniqueOverlapping(candidates: readonly FileFinding[], echoed: FixTarget): FileFinding | undefined {
  const exact = candidates.filter(
    (finding) => finding.range.start === echoed.start && finding.range.end === echoed.end,
  );
  if (exact.length === 1) return exact[0];
  const touching = candidates.filter(
    (finding) => finding.range.start <= echoed.end && echoed.start <= finding.range.end,
  );
  return touching.length === 1 ? touching[0] : undefined;
}

function recordOrUndefined(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Published data is the finding's data plus its document index (see `diagnostics.ts`); the CLI's has no index. */
function sameData(echoed: Record<string, unknown> | undefined, finding: FileFinding): boolean {
  const { documentIndex, ...rest } = echoed ?? {};
  if (documentIndex !== undefined && documentIndex !== finding.documentIndex) return false;
  return deepEqual(rest, finding.data ?? {});
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

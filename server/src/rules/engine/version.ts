import { minorOf, normaliseVersion, NEWEST_KUBERNETES_VERSION, type ServiceSettings } from '../../service/settings';

/** The target Kubernetes minor (`1.29` → 29); unreadable settings fall back to the newest known. */
export function targetMinor(settings: ServiceSettings): number {
  return minorOf(normaliseVersion(settings.kubernetesVersion) ?? NEWEST_KUBERNETES_VERSION);
}

/** Whether the target version is at least `1.<minor>` (a version string like `1.29` is accepted too). */
export function targetsAtLeast(settings: ServiceSettings, version: number | string): boolean {
  const minor = typeof version === 'number' ? version : minorOf(normaliseVersion(version) ?? '1.0');
  return targetMinor(settings) >= minor;
}

/** Whether a rule with optional bounds applies to the target version. */
export function ruleAppliesTo(bounds: { readonly minVersion?: string; readonly maxVersion?: string }, settings: ServiceSettings): boolean {
  if (bounds.minVersion !== undefined && !targetsAtLeast(settings, bounds.minVersion)) return false;
  if (bounds.maxVersion !== undefined && targetMinor(settings) > minorOf(normaliseVersion(bounds.maxVersion) ?? '1.0')) return false;
  return true;
}

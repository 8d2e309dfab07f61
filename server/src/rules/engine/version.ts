import { minorOf, normaliseVersion, NEWEST_KUBERNETES_VERSION, type ServiceSettings } from '../../service/settings';

/**
 * Minors of the version strings seen so far: rules ask for every pod, and parsing the text
 * (a regular expression) each time cost more than the checks that asked. Few distinct
 * strings ever occur (settings and rule bounds); the bound only guards against odd hosts.
 */
const targetMinors = new Map<string, number>();
const boundMinors = new Map<string, number>();

function cachedMinor(cache: Map<string, number>, version: string, fallback: string): number {
  let minor = cache.get(version);
  if (minor === undefined) {
    minor = minorOf(normaliseVersion(version) ?? fallback);
    if (cache.size >= 100) cache.clear();
    cache.set(version, minor);
  }
  return minor;
}

/** The target Kubernetes minor (`1.29` → 29); unreadable settings fall back to the newest known. */
export function targetMinor(settings: ServiceSettings): number {
  return cachedMinor(targetMinors, settings.kubernetesVersion, NEWEST_KUBERNETES_VERSION);
}

/** Whether the target version is at least `1.<minor>` (a version string like `1.29` is accepted too). */
export function targetsAtLeast(settings: ServiceSettings, version: number | string): boolean {
  const minor = typeof version === 'number' ? version : cachedMinor(boundMinors, version, '1.0');
  return targetMinor(settings) >= minor;
}

/** Whether a rule with optional bounds applies to the target version. */
export function ruleAppliesTo(
  bounds: { readonly minVersion?: string; readonly maxVersion?: string },
  settings: ServiceSettings,
): boolean {
  if (bounds.minVersion !== undefined && !targetsAtLeast(settings, bounds.minVersion)) return false;
  if (bounds.maxVersion !== undefined && targetMinor(settings) > cachedMinor(boundMinors, bounds.maxVersion, '1.0'))
    return false;
  return true;
}

import { NEWEST_DATA_MINOR } from './versions/apiVersions';

/** The levels a user can give a rule (`podPatterns.rules`, `lint --rule ID=LEVEL`), mildest first. */
export const RULE_LEVELS = ['off', 'hint', 'information', 'warning', 'error'] as const;

/**
 * Rule presets, as in ESLint: `recommended` (the default) reports what the API server rejects
 * and pattern mistakes at their levels, and hygiene rules (missing resources, unpinned
 * images) as information, once per pod; `strict` reports every rule at its own level, once
 * per container. `podPatterns.rules` / `--rule` levels apply on top of either.
 */
export const RULE_PRESETS = ['recommended', 'strict'] as const;
export type RulePreset = (typeof RULE_PRESETS)[number];

/** What a user can set; hosts read it from `podPatterns.*` settings or CLI flags. */
export type RuleLevel = (typeof RULE_LEVELS)[number];

export function isRuleLevel(value: unknown): value is RuleLevel {
  return typeof value === 'string' && (RULE_LEVELS as readonly string[]).includes(value);
}

export interface ServiceSettings {
  /** Target Kubernetes version, `1.MINOR`. */
  readonly kubernetesVersion: string;
  /** Master switch: when false the service reports nothing. */
  readonly validate: boolean;
  /** When false, schema findings are left to another tool (the YAML extension, say). */
  readonly schemaValidation: boolean;
  /** Rule id → level, overriding the preset's level for the rule. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  readonly preset: RulePreset;
  /**
   * Why the requested target version could not be used (`"2.0" is not a Kubernetes version…`);
   * the service then checks against the newest version and says so once per file.
   */
  readonly kubernetesVersionProblem?: string;
  /** Today's date (`YYYY-MM-DD`) for end-of-life notices; the real date when not set. */
  readonly today?: string;
}

/** How far beyond the bundled data a target may go: releases that may already be out, not typos like 1.99. */
export const MAX_MINORS_BEYOND_DATA = 3;

/** The newest Kubernetes minor the bundled API data (and the schema generated from it) describes. */
export const NEWEST_KUBERNETES_VERSION = `1.${NEWEST_DATA_MINOR}`;

export const DEFAULT_SETTINGS: ServiceSettings = {
  kubernetesVersion: NEWEST_KUBERNETES_VERSION,
  validate: true,
  schemaValidation: true,
  rules: {},
  preset: 'recommended',
};

/**
 * Fills in defaults. An unusable target version (`2.0`, `1.x`, `1.99`) falls back to the newest
 * and is recorded in `kubernetesVersionProblem`, so the file says why instead of failing.
 */
export function resolveSettings(partial: Partial<ServiceSettings> | undefined): ServiceSettings {
  const merged = { ...DEFAULT_SETTINGS, ...(partial ?? {}) };
  const preset = isRulePreset(merged.preset) ? merged.preset : DEFAULT_SETTINGS.preset;
  const requested: unknown = merged.kubernetesVersion;
  if (requested === undefined || requested === null || requested === '')
    return { ...merged, preset, kubernetesVersion: NEWEST_KUBERNETES_VERSION };
  const checked = checkKubernetesVersion(requested);
  if ('version' in checked) return { ...merged, preset, kubernetesVersion: checked.version };
  return { ...merged, preset, kubernetesVersion: NEWEST_KUBERNETES_VERSION, kubernetesVersionProblem: checked.problem };
}

export function isRulePreset(value: unknown): value is RulePreset {
  return (RULE_PRESETS as readonly unknown[]).includes(value);
}

/**
 * Reads a target version: `1.29`, `v1.29` and `1.29.3` give `1.29`. Kubernetes versions are
 * `1.MINOR`; a minor more than MAX_MINORS_BEYOND_DATA past the bundled data is taken for a typo.
 */
export function checkKubernetesVersion(version: unknown): { readonly version: string } | { readonly problem: string } {
  const text = typeof version === 'string' ? version.trim() : JSON.stringify(version);
  const example = `write 1.MINOR, for example ${NEWEST_KUBERNETES_VERSION}`;
  const match = typeof version === 'string' ? /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text) : null;
  if (!match) return { problem: `"${text.slice(0, 40)}" is not a Kubernetes version: ${example}` };
  const major = Number(match[1]);
  const minor = Number(match[2]);
  if (major !== 1)
    return { problem: `"${text}" is not a Kubernetes version: every Kubernetes release is 1.MINOR (${example})` };
  const latest = NEWEST_DATA_MINOR + MAX_MINORS_BEYOND_DATA;
  if (minor > latest) {
    return {
      problem: `"${text}" is not a Kubernetes release: the bundled API data ends at ${NEWEST_KUBERNETES_VERSION}, and targets up to 1.${latest} are accepted`,
    };
  }
  return { version: `1.${minor}` };
}

/** Accepts `1.29`, `v1.29`, `1.29.3`; returns `1.29`, or undefined for anything that is not a usable target. */
export function normaliseVersion(version: unknown): string | undefined {
  const checked = checkKubernetesVersion(version);
  return 'version' in checked ? checked.version : undefined;
}

/** Minor version as a number, for comparisons (`1.29` → 29). */
export function minorOf(version: string): number {
  return Number(version.split('.')[1] ?? 0);
}

/** A stable key for caches of results that depend on settings. */
export function settingsKey(settings: ServiceSettings): string {
  const rules = Object.keys(settings.rules)
    .sort()
    .map((id) => `${id}=${settings.rules[id]}`)
    .join(',');
  return `${settings.kubernetesVersion}|${settings.validate}|${settings.schemaValidation}|${settings.preset}|${rules}|${settings.kubernetesVersionProblem ?? ''}|${settings.today ?? ''}`;
}

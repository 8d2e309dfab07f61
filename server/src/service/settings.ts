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
}

/** The newest Kubernetes minor the bundled schema describes. */
export const NEWEST_KUBERNETES_VERSION = '1.34';

export const DEFAULT_SETTINGS: ServiceSettings = {
  kubernetesVersion: NEWEST_KUBERNETES_VERSION,
  validate: true,
  schemaValidation: true,
  rules: {},
  preset: 'recommended',
};

export function resolveSettings(partial: Partial<ServiceSettings> | undefined): ServiceSettings {
  const merged = { ...DEFAULT_SETTINGS, ...(partial ?? {}) };
  return {
    ...merged,
    kubernetesVersion: normaliseVersion(merged.kubernetesVersion) ?? NEWEST_KUBERNETES_VERSION,
    preset: isRulePreset(merged.preset) ? merged.preset : DEFAULT_SETTINGS.preset,
  };
}

export function isRulePreset(value: unknown): value is RulePreset {
  return (RULE_PRESETS as readonly unknown[]).includes(value);
}

/** Accepts `1.29`, `v1.29`, `1.29.3`; returns `1.29`, or undefined for anything else. */
export function normaliseVersion(version: unknown): string | undefined {
  if (typeof version !== 'string') return undefined;
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  return match ? `${Number(match[1])}.${Number(match[2])}` : undefined;
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
  return `${settings.kubernetesVersion}|${settings.validate}|${settings.schemaValidation}|${settings.preset}|${rules}`;
}

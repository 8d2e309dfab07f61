import { resolveSettings, type RuleLevel, type ServiceSettings } from '../service';
import type { PodPatternsSettings } from '../protocol';

const LEVELS = new Set<RuleLevel>(['off', 'hint', 'information', 'warning', 'error']);

/** Turns the editor's `podPatterns` section into service settings, ignoring malformed values. */
export function toServiceSettings(raw: PodPatternsSettings | null | undefined): ServiceSettings {
  const rules: Record<string, RuleLevel> = {};
  if (raw?.rules && typeof raw.rules === 'object') {
    for (const [id, level] of Object.entries(raw.rules)) {
      if (LEVELS.has(level as RuleLevel)) rules[id] = level as RuleLevel;
    }
  }
  return resolveSettings({
    validate: raw?.validate?.enable !== false,
    schemaValidation: raw?.schemaValidation !== false,
    // Passed as written: an unusable value becomes a notice in the file (settings.kubernetesVersionProblem).
    kubernetesVersion: typeof raw?.kubernetesVersion === 'string' && raw.kubernetesVersion.trim() !== '' ? raw.kubernetesVersion : undefined,
    rules,
  } as Partial<ServiceSettings>);
}

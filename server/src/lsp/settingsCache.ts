import type { Connection, InitializeParams } from 'vscode-languageserver';
import { isRulePreset, resolveSettings, RULE_LEVELS, type RuleLevel, type ServiceSettings } from '../service';
import type { PodPatternsSettings } from '../shared/protocol';
import { maxFileSizeOf } from './fileSizeLimit';
import type { ProjectConfigs } from './projectConfigs';

const LEVELS = new Set<string>(RULE_LEVELS);

/** Turns the editor's `podPatterns` section into service settings, ignoring malformed values. */
export function toServiceSettings(raw: PodPatternsSettings | null | undefined): ServiceSettings {
  const rules: Record<string, RuleLevel> = {};
  if (raw?.rules && typeof raw.rules === 'object') {
    for (const [id, level] of Object.entries(raw.rules)) {
      if (LEVELS.has(level)) rules[id] = level as RuleLevel;
    }
  }
  return resolveSettings({
    validate: raw?.validate?.enable !== false,
    schemaValidation: raw?.schemaValidation !== false,
    // Passed as written: an unusable value becomes a notice in the file (settings.kubernetesVersionProblem).
    kubernetesVersion: typeof raw?.kubernetesVersion === 'string' && raw.kubernetesVersion.trim() !== '' ? raw.kubernetesVersion : undefined,
    rules,
    ...(isRulePreset(raw?.preset) ? { preset: raw.preset } : {}),
  } as Partial<ServiceSettings>);
}

/**
 * The `podPatterns` settings of each open document. Pulled per document (`workspace/configuration`:
 * settings may differ by folder) when the client can answer, once until the settings change;
 * otherwise the ones the client pushed or passed at start-up.
 */
export class SettingsCache {
  private readonly byUri = new Map<string, Promise<ServiceSettings>>();
  private globalSettings: ServiceSettings = toServiceSettings(undefined);
  private canPull = false;
  /** Files above this size are validated on open (a notice only) and on save, never per keystroke. */
  maxFileSize = maxFileSizeOf(undefined);

  constructor(
    private readonly connection: Connection,
    /** `.pod-patterns.yaml` files under the editor's settings; none in tests that do not ask. */
    private readonly projectConfigs?: ProjectConfigs,
  ) {}

  get canPullConfiguration(): boolean {
    return this.canPull;
  }

  /** The client's capabilities and the settings it passed in `initializationOptions`. */
  initialize(params: InitializeParams, settings: PodPatternsSettings | undefined): void {
    if (settings) this.globalSettings = toServiceSettings(settings);
    this.maxFileSize = maxFileSizeOf(settings?.maxFileSize);
    this.canPull = Boolean(params.capabilities.workspace?.configuration);
  }

  /** `workspace/didChangeConfiguration`: forgets what was pulled; `pushed` is the new section, when the client sent it. */
  changed(pushed: PodPatternsSettings | undefined): void {
    this.byUri.clear();
    this.projectConfigs?.forget();
    if (pushed) {
      this.globalSettings = toServiceSettings(pushed);
      this.maxFileSize = maxFileSizeOf(pushed.maxFileSize);
    }
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  settingsFor(uri: string): Promise<ServiceSettings> {
    const configs = this.projectConfigs;
    const editor = this.editorSettingsFor(uri);
    return configs ? editor.then((settings) => configs.apply(uri, settings)) : editor;
  }

  private editorSettingsFor(uri: string): Promise<ServiceSettings> {
    if (!this.canPull) return Promise.resolve(this.globalSettings);
    let pending = this.byUri.get(uri);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'podPatterns' })
        .then((raw: PodPatternsSettings) => toServiceSettings(raw), () => this.globalSettings);
      this.byUri.set(uri, pending);
    }
    return pending;
  }
}

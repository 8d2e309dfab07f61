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
    kubernetesVersion:
      typeof raw?.kubernetesVersion === 'string' && raw.kubernetesVersion.trim() !== ''
        ? raw.kubernetesVersion
        : undefined,
    rules,
    ...(isRulePreset(raw?.preset) ? { preset: raw.preset } : {}),
  } as Partial<ServiceSettings>);
}

/** `pushed` over `base`: each field the push names wins; `rules` and `validate` are merged key by key. */
export function mergeSettings(base: PodPatternsSettings, pushed: PodPatternsSettings): PodPatternsSettings {
  const defined = Object.fromEntries(
    Object.entries(pushed).filter(([, value]) => value !== undefined && value !== null),
  );
  const objectOrEmpty = <T extends object>(value: T | undefined): T | object =>
    value && typeof value === 'object' ? value : {};
  return {
    ...base,
    ...defined,
    rules: { ...objectOrEmpty(base.rules), ...objectOrEmpty(pushed.rules) } as Record<string, string>,
    validate: { ...objectOrEmpty(base.validate), ...objectOrEmpty(pushed.validate) },
  };
}

/**
 * The `podPatterns` settings of each open document. Pulled per document (`workspace/configuration`:
 * settings may differ by folder) when the client can answer, once until the settings change;
 * otherwise the ones the client pushed or passed at start-up.
 */
export class SettingsCache {
  private readonly byUri = new Map<string, Promise<ServiceSettings>>();
  private globalSettings: ServiceSettings = toServiceSettings(undefined);
  /** What the client passed at start-up: a push changes only the fields it names. */
  private initialSettings: PodPatternsSettings = {};
  private canPull = false;
  private canRegister = false;
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

  /** Whether the client said it accepts `client/registerCapability` for configuration changes. */
  get canRegisterForChanges(): boolean {
    return this.canRegister;
  }

  /** The client's capabilities and the settings it passed in `initializationOptions`. */
  initialize(params: InitializeParams, settings: PodPatternsSettings | undefined): void {
    this.initialSettings = settings && typeof settings === 'object' ? settings : {};
    this.globalSettings = toServiceSettings(this.initialSettings);
    this.maxFileSize = maxFileSizeOf(this.initialSettings.maxFileSize);
    this.canPull = Boolean(params.capabilities.workspace?.configuration);
    this.canRegister = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  }

  /**
   * `workspace/didChangeConfiguration`: forgets what was pulled; `pushed` is the section the client
   * sent, if any, merged field by field over the start-up settings (pushing `rules` keeps `kubernetesVersion`).
   */
  changed(pushed: PodPatternsSettings | undefined): void {
    this.byUri.clear();
    this.projectConfigs?.forget();
    if (pushed && typeof pushed === 'object') {
      const merged = mergeSettings(this.initialSettings, pushed);
      this.globalSettings = toServiceSettings(merged);
      this.maxFileSize = maxFileSizeOf(merged.maxFileSize);
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
      pending = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'podPatterns' }).then(
        (raw: PodPatternsSettings) => toServiceSettings(raw),
        () => this.globalSettings,
      );
      this.byUri.set(uri, pending);
    }
    return pending;
  }
}

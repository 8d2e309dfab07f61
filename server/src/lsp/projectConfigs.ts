import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_SETTINGS,
  IgnorePatterns,
  PROJECT_CONFIG_FILE,
  settingsWithProjectConfig,
  type LanguageService,
  type Logger,
  type ProjectConfig,
  type ProjectConfigFinder,
  type ServiceSettings,
} from '../service';

/**
 * The `.pod-patterns.yaml` above each document on disk, under the editor's settings: as with ESLint,
 * a setting the user changed in the editor wins; one left at its default lets the config decide.
 */
export class ProjectConfigs {
  private readonly finder: ProjectConfigFinder;
  private readonly reported = new Set<string>();

  constructor(
    service: LanguageService,
    private readonly logger: Logger,
  ) {
    this.finder = service.projectConfigFinder((file) => readFileSync(file, 'utf8'));
  }

  /** Config files may have changed (one was saved, the settings changed): read them again. */
  forget(): void {
    this.finder.forget();
    this.reported.clear();
  }

  isConfigFile(uri: string): boolean {
    return uri.endsWith(`/${PROJECT_CONFIG_FILE}`);
  }

  apply(uri: string, editor: ServiceSettings): ServiceSettings {
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    const config = file === undefined ? undefined : this.configFor(path.dirname(file));
    if (!config) return editor;
    const settings = settingsWithProjectConfig(config, {
      validate: editor.validate,
      ...(editor.kubernetesVersion !== DEFAULT_SETTINGS.kubernetesVersion
        ? { kubernetesVersion: editor.kubernetesVersion }
        : {}),
      ...(editor.schemaValidation !== DEFAULT_SETTINGS.schemaValidation
        ? { schemaValidation: editor.schemaValidation }
        : {}),
      ...(editor.preset !== DEFAULT_SETTINGS.preset ? { preset: editor.preset } : {}),
      rules: editor.rules,
    });
    const ignored =
      config.ignore.length > 0 &&
      new IgnorePatterns('', config.ignore).ignores(
        path.relative(path.dirname(config.path), file!).split(path.sep).join('/'),
        false,
      );
    return ignored ? { ...settings, validate: false } : settings;
  }

  private configFor(folder: string): ProjectConfig | undefined {
    const parsed = this.finder.forFolder(folder);
    if (!parsed) return undefined;
    if (!parsed.config) {
      const where = parsed.problems[0]?.path ?? folder;
      // Said once per file until it changes; the editor's settings apply meanwhile.
      if (!this.reported.has(where)) {
        this.reported.add(where);
        this.logger.error(
          `${where} is not used: ${parsed.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`).join('; ')}`,
        );
      }
      return undefined;
    }
    return parsed.config;
  }
}

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  IgnorePatterns,
  settingsWithProjectConfig,
  type LanguageService,
  type ParsedProjectConfig,
  type ProjectConfig,
  type ProjectConfigFinder,
  type ServiceSettings,
} from '../service';
import { ConfigError } from './args';
import { STDIN_PATH } from './inputs';

/**
 * The settings of each linted file: its `.pod-patterns.yaml` (the nearest one upwards, or the one
 * `--config` names) with the command line's flags on top, and the config's and `--ignore`'s patterns.
 */
export class ProjectSettings {
  private readonly finder: ProjectConfigFinder;
  private readonly named: ProjectConfig | undefined;
  private readonly bySource = new Map<string, ServiceSettings>();
  private readonly ignoreByConfig = new Map<string, IgnorePatterns>();
  private readonly flagIgnores: IgnorePatterns;

  constructor(
    service: LanguageService,
    private readonly cwd: string,
    private readonly flags: Partial<ServiceSettings>,
    options: { readonly configPath?: string; readonly useConfigFiles: boolean; readonly ignore: readonly string[] },
  ) {
    this.finder = service.projectConfigFinder((file) => readFileSync(file, 'utf8'));
    this.useConfigFiles = options.useConfigFiles;
    if (options.configPath !== undefined) {
      const parsed = this.finder.fromFile(path.resolve(cwd, options.configPath));
      if (!parsed) throw new ConfigError(`${options.configPath}: cannot read the config file`);
      this.named = usable(parsed);
    }
    this.flagIgnores = new IgnorePatterns(cwd, options.ignore);
  }

  private readonly useConfigFiles: boolean;

  /** The config governing a file (undefined when none); problems in it stop the run. */
  configFor(filePath: string): ProjectConfig | undefined {
    if (this.named) return this.named;
    if (!this.useConfigFiles) return undefined;
    const folder = filePath === STDIN_PATH ? this.cwd : path.dirname(path.resolve(this.cwd, filePath));
    const parsed = this.finder.forFolder(folder);
    return parsed ? usable(parsed) : undefined;
  }

  settingsFor(filePath: string): ServiceSettings {
    const config = this.configFor(filePath);
    const key = config?.path ?? '';
    let settings = this.bySource.get(key);
    if (!settings) {
      settings = settingsWithProjectConfig(config, this.flags);
      this.bySource.set(key, settings);
    }
    return settings;
  }

  /** `--ignore` patterns (relative to the working folder) and the governing config's (relative to its folder). */
  isIgnored(absolutePath: string, isFolder: boolean): boolean {
    if (
      !this.flagIgnores.isEmpty &&
      this.flagIgnores.ignores(toSlashes(path.relative(this.cwd, absolutePath)), isFolder)
    )
      return true;
    const config = this.configFor(isFolder ? path.join(absolutePath, '_') : absolutePath);
    if (!config || config.ignore.length === 0) return false;
    let patterns = this.ignoreByConfig.get(config.path);
    if (!patterns) {
      patterns = new IgnorePatterns(path.dirname(config.path), config.ignore);
      this.ignoreByConfig.set(config.path, patterns);
    }
    return patterns.ignores(toSlashes(path.relative(patterns.base, absolutePath)), isFolder);
  }
}

function usable(parsed: ParsedProjectConfig): ProjectConfig {
  if (parsed.config) return parsed.config;
  throw new ConfigError(
    parsed.problems
      .map((problem) => `${problem.path}:${problem.line}:${problem.column}: ${problem.message}`)
      .join('\n'),
  );
}

function toSlashes(relative: string): string {
  return relative.split(path.sep).join('/');
}

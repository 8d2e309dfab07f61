import { parseYamlDocument } from '../yaml/parseYaml';
import { isMap, isSeq, type YNode } from '../yaml/nodes';
import { LineIndex } from '../text/lineIndex';
import {
  checkKubernetesVersion,
  NEWEST_KUBERNETES_VERSION,
  normaliseVersion,
  resolveSettings,
  RULE_LEVELS,
  RULE_PRESETS,
  DEFAULT_SETTINGS,
  type RuleLevel,
  type ServiceSettings,
} from '../settings';

/** The project config file the CLI and the language server look for, upwards from each linted file. */
export const PROJECT_CONFIG_FILE = '.pod-patterns.yaml';

/** The rule presets a config may choose (`settings.ts`). */
export const CONFIG_PRESETS = RULE_PRESETS;

/** What a `.pod-patterns.yaml` may set: each key optional, the rest coming from defaults or flags. */
export interface ProjectConfig {
  /** The file it was read from. */
  readonly path: string;
  readonly kubernetesVersion?: string;
  readonly schemaValidation?: boolean;
  readonly preset?: (typeof CONFIG_PRESETS)[number];
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /** Gitignore-style patterns, relative to the config file's folder. */
  readonly ignore: readonly string[];
}

/** One thing wrong with a config file, with a 1-based line and column. */
export interface ConfigProblem {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface ParsedProjectConfig {
  /** Undefined when the file has problems: a half-read config would lint with settings nobody wrote. */
  readonly config?: ProjectConfig;
  readonly problems: readonly ConfigProblem[];
}

const KNOWN_KEYS = ['kubernetesVersion', 'schemaValidation', 'preset', 'rules', 'ignore'];

/**
 * Why a Kubernetes version cannot be used (to follow the setting's name), or undefined when it
 * can. The one check of versions the user writes, shared by `--kubernetes-version` and the config file.
 */
export function kubernetesVersionProblem(written: string): string | undefined {
  // One check for every place a version is written: the editor setting, the CLI flag and this file.
  const checked = checkKubernetesVersion(written);
  return 'problem' in checked ? checked.problem : undefined;
}

/** Why a rule id cannot be given a level, or undefined when it is a rule. */
export function ruleIdProblem(id: string, knownRuleIds: readonly string[]): string | undefined {
  if (knownRuleIds.includes(id)) return undefined;
  const near = knownRuleIds.find((known) => known.includes(id) || id.includes(known));
  return `unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}; \`pod-patterns rules\` lists the ids`;
}

/** Reads and checks a config file's text; problems name the file, the line and what is wrong. */
export function parseProjectConfig(text: string, path: string, knownRuleIds: readonly string[]): ParsedProjectConfig {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const report = (offset: number, message: string) => {
    const position = lines.positionAt(offset);
    problems.push({ path, line: position.line + 1, column: position.character + 1, message });
  };
  const parsed = parseYamlDocument(text);
  for (const finding of parsed.findings) {
    if (finding.severity === 'error') report(finding.range.start, finding.message);
  }
  if (problems.length > 0) return { problems };
  const root = parsed.root;
  if (root === null) return { config: { path, rules: {}, ignore: [] }, problems };
  if (!isMap(root)) {
    report(
      root.range.start,
      'the config must be a map of settings (kubernetesVersion, schemaValidation, preset, rules, ignore)',
    );
    return { problems };
  }
  let kubernetesVersion: string | undefined;
  let schemaValidation: boolean | undefined;
  let preset: ProjectConfig['preset'];
  const rules: Record<string, RuleLevel> = {};
  const ignore: string[] = [];
  for (const pair of root.pairs) {
    const key = String(pair.key.value);
    const value = pair.value;
    const at = value?.range.start ?? pair.key.range.end;
    switch (key) {
      case 'kubernetesVersion': {
        const written = scalarText(value);
        const problem = written === undefined ? 'must be a version such as "1.30"' : kubernetesVersionProblem(written);
        if (problem) report(at, `kubernetesVersion ${problem}`);
        else kubernetesVersion = normaliseVersion(written);
        break;
      }
      case 'schemaValidation':
        if (value?.kind === 'scalar' && typeof value.value === 'boolean') schemaValidation = value.value;
        else report(at, 'schemaValidation must be true or false');
        break;
      case 'preset': {
        const written = scalarText(value);
        if (written !== undefined && (CONFIG_PRESETS as readonly string[]).includes(written))
          preset = written as ProjectConfig['preset'];
        else report(at, `preset must be one of ${CONFIG_PRESETS.join(', ')}`);
        break;
      }
      case 'rules':
        if (!isMap(value)) {
          if (value !== null) report(at, 'rules must be a map of rule id to level, e.g. "duplicate-env-name: error"');
          break;
        }
        for (const rule of value.pairs) {
          const id = String(rule.key.value);
          const idProblem = ruleIdProblem(id, knownRuleIds);
          const level = scalarText(rule.value);
          if (idProblem) report(rule.key.range.start, idProblem);
          else if (level === undefined || !(RULE_LEVELS as readonly string[]).includes(level)) {
            report(
              rule.value?.range.start ?? rule.key.range.end,
              `the level of ${id} must be one of ${RULE_LEVELS.join(', ')}`,
            );
          } else rules[id] = level as RuleLevel;
        }
        break;
      case 'ignore':
        if (!isSeq(value)) {
          if (value !== null) report(at, 'ignore must be a list of path patterns, e.g. "- charts/**"');
          break;
        }
        for (const item of value.items) {
          const pattern = scalarText(item);
          if (pattern === undefined || pattern.trim() === '')
            report(item.range.start, 'each ignore entry must be a path pattern');
          else ignore.push(pattern);
        }
        break;
      default:
        report(pair.key.range.start, `unknown setting "${key}" (known: ${KNOWN_KEYS.join(', ')})`);
    }
  }
  if (problems.length > 0) return { problems };
  return {
    config: {
      path,
      ...(kubernetesVersion ? { kubernetesVersion } : {}),
      ...(schemaValidation !== undefined ? { schemaValidation } : {}),
      ...(preset ? { preset } : {}),
      rules,
      ignore,
    },
    problems,
  };
}

function scalarText(node: YNode | null): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null || typeof node.value === 'boolean') return undefined;
  return String(node.value);
}

/**
 * Settings from a config file with a host's own on top (flags, editor settings): as with
 * ESLint, what the user set where they work wins; rule levels merge per rule.
 */
export function settingsWithProjectConfig(
  config: ProjectConfig | undefined,
  overrides: Partial<ServiceSettings>,
): ServiceSettings {
  return resolveSettings({
    ...(config?.kubernetesVersion ? { kubernetesVersion: config.kubernetesVersion } : {}),
    ...(config?.schemaValidation !== undefined ? { schemaValidation: config.schemaValidation } : {}),
    ...(config?.preset !== undefined ? { preset: config.preset } : {}),
    ...overrides,
    rules: { ...(config?.rules ?? {}), ...(overrides.rules ?? DEFAULT_SETTINGS.rules) },
  });
}

/** The folder holding a path, for either separator; undefined at a root. */
export function parentFolder(path: string): string | undefined {
  const trimmed = path.length > 1 ? path.replace(/[\\/]+$/, '') : path;
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return undefined;
  const parent = cut === 0 ? trimmed.slice(0, 1) : trimmed.slice(0, cut);
  return parent === trimmed ? undefined : parent;
}

function joinPath(folder: string, name: string): string {
  return /[\\/]$/.test(folder)
    ? folder + name
    : `${folder}${folder.includes('\\') && !folder.includes('/') ? '\\' : '/'}${name}`;
}

/**
 * Finds and reads the nearest config file upwards from a folder, remembering each folder's
 * answer so that a thousand files in one tree read it once. The host gives the file access.
 */
export class ProjectConfigFinder {
  private readonly byFolder = new Map<string, ParsedProjectConfig | undefined>();

  /** `readFile` throws (or returns undefined) for a file that is not there. */
  constructor(
    private readonly readFile: (path: string) => string | undefined,
    private readonly knownRuleIds: readonly string[],
  ) {}

  private read(path: string): string | undefined {
    try {
      return this.readFile(path);
    } catch {
      return undefined;
    }
  }

  /** The config that governs files in `folder` (an absolute path), or undefined when there is none. */
  forFolder(folder: string): ParsedProjectConfig | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const candidate = joinPath(folder, PROJECT_CONFIG_FILE);
    const text = this.read(candidate);
    let found: ParsedProjectConfig | undefined;
    if (text !== undefined) found = parseProjectConfig(text, candidate, this.knownRuleIds);
    else {
      const parent = parentFolder(folder);
      found = parent === undefined ? undefined : this.forFolder(parent);
    }
    this.byFolder.set(folder, found);
    return found;
  }

  /** The config at a named path (`--config FILE`); undefined when it cannot be read. */
  fromFile(path: string): ParsedProjectConfig | undefined {
    const text = this.read(path);
    return text === undefined ? undefined : parseProjectConfig(text, path, this.knownRuleIds);
  }

  forget(): void {
    this.byFolder.clear();
  }
}

/**
 * The JSON Schema of `.pod-patterns.yaml` for editors (contributed to VS Code through
 * `yamlValidation`), built from the same lists the parser checks against.
 */
export function projectConfigSchema(knownRuleIds: readonly string[]): Record<string, unknown> {
  const level = { type: 'string', enum: [...RULE_LEVELS] };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/pod-patterns/pod-patterns/schemas/pod-patterns-config.schema.json',
    $comment: 'Written by scripts/gen-config-schema.mjs from server/src/service/config/projectConfig.ts; do not edit.',
    title: 'Pod Patterns project config (.pod-patterns.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      kubernetesVersion: {
        type: 'string',
        pattern: '^v?1\\.[0-9]+(\\.[0-9]+)?$',
        description: `The Kubernetes version (1.MINOR; the bundled API data goes up to ${NEWEST_KUBERNETES_VERSION}) the manifests target; version-dependent checks follow it.`,
      },
      schemaValidation: {
        type: 'boolean',
        description: 'Check objects against the bundled strict schema; turn off when another tool already does.',
      },
      preset: { type: 'string', enum: [...CONFIG_PRESETS], description: 'A rule preset.' },
      // Empty (`rules:` with its entries commented out, as `init` writes it) is allowed.
      rules: {
        type: ['object', 'null'],
        description: "Rule id → level, overriding each rule's default severity. `pod-patterns rules` lists the ids.",
        propertyNames: { enum: [...knownRuleIds] },
        additionalProperties: level,
      },
      ignore: {
        type: ['array', 'null'],
        description: 'Paths not to lint, gitignore-style, relative to this file.',
        items: { type: 'string', minLength: 1 },
      },
    },
  };
}

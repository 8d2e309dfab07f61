import { statSync } from 'node:fs';
import * as path from 'node:path';
import {
  isRulePreset,
  kubernetesVersionProblem,
  normaliseVersion,
  ruleIdProblem,
  RULE_LEVELS,
  RULE_PRESETS,
  type LanguageService,
  type RuleLevel,
  type ServiceSettings,
} from '../service';
import { lastFlag, parseArgs, UsageError, type ParsedArgs } from './args';
import { unifiedDiff } from './diff';
import { fixInput, fixText } from './fix';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatJunit } from './formats/junit';
import { repositoryRoot, type FileReport, type FormatContext, type UnreadableInput } from './formats/report';
import { formatSarif } from './formats/sarif';
import { formatText, wantsColour } from './formats/text';
import { collectInputs, readSource, type InputSource } from './inputs';
import { autoThreads, lintFiles } from './lintFiles';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIO } from './io';
import { ProjectSettings } from './projectSettings';
import { CLI_VERSION } from './version';

export const LINT_USAGE = `pod-patterns lint [options] <files|dirs|globs|->...`;

const FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
const CATEGORIES = ['api', 'pattern', 'practice'] as const;

export const LINT_HELP = `Usage: ${LINT_USAGE}

Checks pod-bearing Kubernetes YAML. Folders are searched for *.yaml and *.yml (skipping what
.gitignore lists); globs are expanded; - reads standard input.

Settings come from the nearest .pod-patterns.yaml above each file (pod-patterns init writes one);
the flags below override it.

Options:
  --format FORMAT            text (default), json, sarif, github (default when GITHUB_ACTIONS=true), junit
  --config FILE              use this config file instead of looking for .pod-patterns.yaml
  --no-config                use no config file
  --kubernetes-version 1.N   the Kubernetes version the manifests target
  --preset recommended|strict  the rule preset (recommended by default)
  --rule ID=LEVEL            set a rule's level (off, hint, information, warning, error); repeatable
  --category CATEGORY        report only api, pattern or practice findings (schema and YAML syntax count as api); repeatable
  --no-schema                leave schema checks to another tool
  --ignore PATTERN           skip paths matching a gitignore-style pattern; repeatable
  --no-gitignore             lint files that .gitignore lists too
  --max-warnings N           exit 1 when there are more than N warnings
  --quiet                    report errors only, without the summary
  --fix                      apply the preferred safe fixes and write the files
  --fix-dry-run              print the unified diff --fix would apply, write nothing (exit 1 when there is one)
  --color, --no-color        colour the text output (default: on a terminal, unless NO_COLOR is set)
  --jobs N|auto              lint on N threads; auto (the default) uses a thread per core when there is enough to lint
  -h, --help                 this help

Exit codes: 0 no errors, 1 errors (or too many warnings, or a fix to apply with --fix-dry-run), 2 usage, config or input errors.
`;

export function flagOverrides(args: ParsedArgs, knownRuleIds: readonly string[]): Partial<ServiceSettings> {
  const versionFlag = lastFlag(args, 'kubernetes-version');
  const overrides: { -readonly [K in keyof ServiceSettings]?: ServiceSettings[K] } = {};
  if (versionFlag !== undefined) {
    const problem = kubernetesVersionProblem(versionFlag);
    if (problem) throw new UsageError(`--kubernetes-version ${problem}`);
    overrides.kubernetesVersion = normaliseVersion(versionFlag)!;
  }
  if (args.flags.has('no-schema')) overrides.schemaValidation = false;
  const rules: Record<string, RuleLevel> = {};
  for (const entry of args.flags.get('rule') ?? []) {
    const [id, level] = entry.split('=');
    if (!id || !RULE_LEVELS.includes(level as RuleLevel))
      throw new UsageError(`--rule takes ID=LEVEL with LEVEL one of ${RULE_LEVELS.join(', ')}, not "${entry}"`);
    const problem = ruleIdProblem(id, knownRuleIds);
    if (problem) throw new UsageError(`--rule: ${problem}`);
    rules[id] = level as RuleLevel;
  }
  if (Object.keys(rules).length > 0) overrides.rules = rules;
  const preset = lastFlag(args, 'preset');
  if (preset !== undefined && !isRulePreset(preset))
    throw new UsageError(`--preset must be ${RULE_PRESETS.join(' or ')}, not "${preset}"`);
  if (preset !== undefined) overrides.preset = preset;
  return overrides;
}

function wholeNumber(args: ParsedArgs, flag: string, min: number, max: number): number | undefined {
  const written = lastFlag(args, flag);
  if (written === undefined) return undefined;
  const value = Number(written);
  if (!/^\d+$/.test(written) || value < min || value > max)
    throw new UsageError(`--${flag} takes a whole number from ${min} to ${max}, not "${written}"`);
  return value;
}

export function runLint(argv: readonly string[], io: CliIO, service: LanguageService): number {
  const args = parseArgs(argv, {
    valued: ['format', 'kubernetes-version', 'preset', 'rule', 'jobs', 'config', 'ignore', 'max-warnings', 'category'],
    boolean: ['quiet', 'no-schema', 'fix', 'fix-dry-run', 'color', 'no-color', 'no-gitignore', 'no-config'],
  });
  const env = io.env ?? {};
  const cwd = io.cwd ?? process.cwd();
  const jobs =
    lastFlag(args, 'jobs') === 'auto' || !args.flags.has('jobs') ? 'auto' : wholeNumber(args, 'jobs', 1, 256)!;
  const maxWarnings = wholeNumber(args, 'max-warnings', 0, Number.MAX_SAFE_INTEGER);
  const format = lastFlag(args, 'format') ?? (env['GITHUB_ACTIONS'] === 'true' ? 'github' : 'text');
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  const categories = args.flags.get('category') ?? [];
  for (const category of categories) {
    if (!(CATEGORIES as readonly string[]).includes(category))
      throw new UsageError(`--category must be one of ${CATEGORIES.join(', ')}, not "${category}"`);
  }
  if (args.positionals.length === 0) throw new UsageError('no files given (use - to read standard input)');
  const fix = args.flags.has('fix');
  const dryRun = args.flags.has('fix-dry-run');
  if (fix && dryRun) throw new UsageError('--fix and --fix-dry-run exclude each other');
  if ((fix || dryRun) && args.positionals.includes('-'))
    throw new UsageError('--fix rewrites files: it cannot fix standard input');
  if (args.flags.has('config') && args.flags.has('no-config'))
    throw new UsageError('--config and --no-config exclude each other');
  const project = new ProjectSettings(
    service,
    cwd,
    flagOverrides(
      args,
      service.rules.map((rule) => rule.id),
    ),
    {
      configPath: lastFlag(args, 'config'),
      useConfigFiles: !args.flags.has('no-config'),
      ignore: args.flags.get('ignore') ?? [],
    },
  );
  const quiet = args.flags.has('quiet');

  const collected = collectInputs(args.positionals, {
    readStdin: io.readStdin,
    isIgnored: (file, isFolder) => project.isIgnored(file, isFolder),
    gitignore: !args.flags.has('no-gitignore'),
  });
  if (collected.unmatched.length > 0)
    throw new UsageError(collected.unmatched.map((input) => `${input.path}: ${input.error}`).join('\n'));
  const unreadable: UnreadableInput[] = [];
  const cannotRead = (input: UnreadableInput) => {
    io.stderr(`pod-patterns: cannot read ${input.path}: ${input.error}\n`);
    unreadable.push(input);
  };
  if (dryRun) return printFixDiffs(service, collected.inputs, project, io, cwd, cannotRead, unreadable);

  // The fix hint parses each document with findings again (and warms the fixers: about a tenth of
  // a one-shot lint of a big file), so it is for the person at a terminal, not for pipelines.
  const wantsHint = format === 'text' && io.stdoutIsTerminal === true && !quiet && !fix;
  const reports: FileReport[] = [];
  lintFiles(
    service,
    collected.inputs,
    {
      settingsFor: (file) => project.settingsFor(file),
      readStdin: io.readStdin,
      options: { categories, countFixable: wantsHint, lineTexts: format === 'sarif' },
      // `--fix` rewrites files one by one, in order, on this thread.
      threads: fix ? 1 : jobs === 'auto' ? autoThreads(...inputVolume(collected.inputs)) : jobs,
      ...(fix && {
        beforeLint: (input, settings) => {
          // A file that could not be rewritten is linted as it is, and the run exits 2 like an unreadable one.
          const report = fixInput(service, input.path, input.text, settings, io, format !== 'text');
          if (report.kind === 'skipped' && report.failed) unreadable.push({ path: input.path, error: report.reason });
          return report.text;
        },
      }),
    },
    { report: (report) => reports.push(report), unreadable: cannotRead },
  );
  if (format === 'text') reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const fixable = reports.reduce((sum, report) => sum + report.fixable, 0);
  const context: FormatContext = {
    quiet,
    fixable,
    unreadable,
    root: format === 'sarif' || format === 'github' ? repositoryRoot(cwd) : cwd,
  };
  const colourFlag = args.flags.has('no-color') ? 'no-color' : args.flags.has('color') ? 'color' : undefined;
  const output =
    format === 'json'
      ? formatJson(reports, context)
      : format === 'sarif'
        ? formatSarif(reports, context, {
            version: CLI_VERSION,
            rules: service.rules,
            docsUrl: (code) => service.docsUrl(code),
          })
        : format === 'github'
          ? formatGithub(reports, context)
          : format === 'junit'
            ? formatJunit(reports, context)
            : formatText(reports, context, wantsColour(colourFlag, io.stdoutIsTerminal === true, env));
  io.stdout(output);
  if (unreadable.length > 0) return EXIT_USAGE;
  const errors = reports.some((report) => report.findings.some((finding) => finding.severity === 'error'));
  const warnings = reports.reduce(
    (sum, report) => sum + report.findings.filter((finding) => finding.severity === 'warning').length,
    0,
  );
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`pod-patterns: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return errors ? EXIT_FINDINGS : EXIT_OK;
}

/** The path a diff names: relative to the working folder when inside it (for `git apply`), else absolute. */
function diffLabel(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(filePath));
  return (relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(filePath) : relative)
    .split(path.sep)
    .join('/');
}

/** How many files there are to lint and how many bytes they hold, for `--jobs auto`. */
function inputVolume(inputs: readonly InputSource[]): [files: number, bytes: number] {
  let files = 0;
  let bytes = 0;
  for (const input of inputs) {
    if (!('from' in input) || input.from !== 'file') continue;
    files++;
    try {
      bytes += statSync(input.path).size;
    } catch {
      // Its reader says why it cannot be read.
    }
  }
  return [files, bytes];
}

/** `--fix-dry-run`: the unified diff `--fix` would apply, file by file (each text dropped once diffed). */
function printFixDiffs(
  service: LanguageService,
  inputs: readonly InputSource[],
  project: ProjectSettings,
  io: CliIO,
  cwd: string,
  cannotRead: (input: UnreadableInput) => void,
  unreadable: readonly UnreadableInput[],
): number {
  let diffs = '';
  for (const source of inputs) {
    const input = readSource(source, io.readStdin);
    if ('error' in input) {
      cannotRead(input);
      continue;
    }
    const fixed = fixText(service, input.text, project.settingsFor(input.path)).text;
    diffs += unifiedDiff(diffLabel(input.path, cwd), input.text, fixed);
  }
  io.stdout(diffs);
  return unreadable.length > 0 ? EXIT_USAGE : diffs === '' ? EXIT_OK : EXIT_FINDINGS;
}

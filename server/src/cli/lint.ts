import { checkKubernetesVersion, isRulePreset, resolveSettings, RULE_LEVELS, RULE_PRESETS, type LanguageService, type RuleLevel, type ServiceSettings } from '../service';
import { lastFlag, parseArgs, UsageError } from './args';
import { formatJson } from './formats/json';
import { reportAnalysis, type FileReport } from './formats/report';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { fixInput } from './fix';
import { collectInputs } from './inputs';
import { lintInWorkers } from './lintWorkers';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIO } from './io';
import { CLI_VERSION } from './version';

export const LINT_USAGE = `pod-patterns lint [--format text|json|sarif] [--kubernetes-version X.Y] [--preset recommended|strict] [--rule ID=LEVEL]... [--no-schema] [--quiet] [--fix] [--jobs N] <files|dirs|globs|->...`;

export function settingsFromFlags(args: ReturnType<typeof parseArgs>): ServiceSettings {
  const versionFlag = lastFlag(args, 'kubernetes-version');
  let kubernetesVersion: string | undefined;
  if (versionFlag !== undefined) {
    const checked = checkKubernetesVersion(versionFlag);
    if ('problem' in checked) throw new UsageError(`--kubernetes-version must look like 1.30: ${checked.problem}`);
    kubernetesVersion = checked.version;
  }
  const rules: Record<string, RuleLevel> = {};
  for (const entry of args.flags.get('rule') ?? []) {
    const [id, level] = entry.split('=');
    if (!id || !RULE_LEVELS.includes(level as RuleLevel)) throw new UsageError(`--rule takes ID=LEVEL with LEVEL one of ${RULE_LEVELS.join(', ')}, not "${entry}"`);
    rules[id] = level as RuleLevel;
  }
  const preset = lastFlag(args, 'preset');
  if (preset !== undefined && !isRulePreset(preset)) throw new UsageError(`--preset must be ${RULE_PRESETS.join(' or ')}, not "${preset}"`);
  return resolveSettings({
    ...(kubernetesVersion ? { kubernetesVersion } : {}),
    ...(preset !== undefined ? { preset } : {}),
    schemaValidation: !args.flags.has('no-schema'),
    rules,
  });
}

export function runLint(argv: readonly string[], io: CliIO, service: LanguageService): number {
  const args = parseArgs(argv, { valued: ['format', 'kubernetes-version', 'preset', 'rule', 'jobs'], boolean: ['quiet', 'no-schema', 'fix'] });
  const jobsFlag = lastFlag(args, 'jobs');
  const jobs = jobsFlag === undefined ? 1 : Number(jobsFlag);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs takes a whole number of worker threads from 1 to 256, not "${jobsFlag}"`);
  const format = lastFlag(args, 'format') ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  if (args.positionals.length === 0) throw new UsageError('no files given (use - to read standard input)');
  if (args.flags.has('fix') && args.positionals.includes('-')) throw new UsageError('--fix rewrites files: it cannot fix standard input');
  const settings = settingsFromFlags(args);
  const quiet = args.flags.has('quiet');

  let reports: FileReport[] = [];
  let unreadable = false;
  const readable: { path: string; text: string }[] = [];
  for (const input of collectInputs(args.positionals, io.readStdin)) {
    if ('error' in input) {
      io.stderr(`pod-patterns: cannot read ${input.path}: ${input.error}\n`);
      unreadable = true;
      continue;
    }
    const text = args.flags.has('fix') ? fixInput(service, input.path, input.text, settings, io, format !== 'text') : input.text;
    readable.push({ path: input.path, text });
  }
  if (jobs > 1 && readable.length > 1) {
    reports = lintInWorkers(service, readable, settings, jobs);
  } else {
    for (const input of readable) {
      const { findings, podCount } = service.lintText(input.text, settings);
      reports.push({ path: input.path, analysis: reportAnalysis(input.text, podCount), findings });
    }
  }
  const output = format === 'json' ? formatJson(reports, quiet) : format === 'sarif' ? formatSarif(reports, quiet, CLI_VERSION, service.docsUrl) : formatText(reports, quiet);
  io.stdout(output);
  if (unreadable) return EXIT_USAGE;
  return reports.some((report) => report.findings.some((finding) => finding.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
}

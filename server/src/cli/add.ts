import { readFileSync, writeFileSync } from 'node:fs';
import { applyEdits, resolveSettings, type LanguageService, type LocatedPod } from '../service';
import { PATTERNS, patternInfo, type PatternKind } from '../shared/patternCatalog';
import { lastFlag, parseArgs, UsageError } from './args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIO } from './io';
import { flagOverrides } from './lint';
import { exactUtf8, NOT_UTF8 } from './inputs';

export const ADD_USAGE = `pod-patterns add <${PATTERNS.map((pattern) => pattern.kind).join('|')}> [--template NAME] [--pod NAME] [--kubernetes-version X.Y] [--stdout] <file>`;

/** Inserts a pattern container into a pod of a file, exactly as the editor's code action does. */
export function runAdd(argv: readonly string[], io: CliIO, service: LanguageService): number {
  const args = parseArgs(argv, { valued: ['template', 'pod', 'kubernetes-version'], boolean: ['stdout'] });
  const [kind, file, ...extra] = args.positionals;
  const info = kind === undefined ? undefined : patternInfo(kind);
  if (!info) throw new UsageError(kind === undefined ? 'which container? give a pattern' : `unknown pattern "${kind}"`);
  if (file === undefined) throw new UsageError('no file given');
  if (extra.length > 0) throw new UsageError(`one file at a time (got ${extra.length + 1})`);
  const template = lastFlag(args, 'template');
  if (template !== undefined && !info.templates.some((candidate) => candidate.id === template)) {
    throw new UsageError(
      `--template for ${info.kind} is one of ${info.templates.map((candidate) => candidate.id).join(', ')}, not "${template}"`,
    );
  }
  const settings = resolveSettings(
    flagOverrides(
      args,
      service.rules.map((rule) => rule.id),
    ),
  );
  let text: string | undefined;
  try {
    text = file === '-' ? io.readStdin() : exactUtf8(readFileSync(file));
  } catch (error) {
    io.stderr(`pod-patterns: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  if (text === undefined) {
    io.stderr(`pod-patterns add: ${file} is not changed: ${NOT_UTF8}\n`);
    return EXIT_USAGE;
  }
  const parsed = service.parseFile(text);
  const podName = lastFlag(args, 'pod');
  const located = choosePod(parsed.pods, podName);
  if (typeof located === 'string') {
    io.stderr(`pod-patterns add: ${located}\n`);
    return EXIT_FINDINGS;
  }
  const syntaxProblem = service.syntaxProblem(parsed, located.document.index);
  if (syntaxProblem) {
    // Never write into a file the parser had to guess at: the insertion could land inside an unclosed quote.
    io.stderr(`pod-patterns add: ${file} is not changed: ${syntaxProblem}\n`);
    return EXIT_FINDINGS;
  }
  const result = service.insertPattern(located, { kind: info.kind as PatternKind, template }, settings);
  if (!result.ok) {
    io.stderr(`pod-patterns add: cannot ${info.title.toLowerCase()}: ${result.reason}\n`);
    return EXIT_FINDINGS;
  }
  const updated = applyEdits(text, result.edits);
  if (args.flags.has('stdout') || file === '-') {
    io.stdout(updated);
  } else {
    writeFileSync(file, updated);
    const podLabel = `${located.pod.kind}${located.pod.name ? ` ${located.pod.name}` : ''}`;
    io.stdout(`${file}: ${result.title} → container "${result.containerName}" added to ${podLabel}\n`);
  }
  return EXIT_OK;
}

function choosePod(pods: readonly LocatedPod[], name: string | undefined): LocatedPod | string {
  if (pods.length === 0) return 'the file holds no pod-bearing document (Pod, Deployment, Job, …)';
  if (name !== undefined) {
    const matches = pods.filter((located) => located.pod.name === name);
    if (matches.length === 1) return matches[0]!;
    return matches.length === 0
      ? `no pod named "${name}" (the file has: ${pods.map((located) => located.pod.name ?? '(unnamed)').join(', ')})`
      : `${matches.length} pods are named "${name}": the first is not guessed`;
  }
  if (pods.length > 1)
    return `the file has ${pods.length} pods (${pods.map((located) => located.pod.name ?? '(unnamed)').join(', ')}): choose one with --pod NAME`;
  return pods[0]!;
}

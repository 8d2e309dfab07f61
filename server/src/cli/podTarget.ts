import { writeFileSync } from 'node:fs';
import type { LanguageService, ParsedFile } from '../service';
import type { TopologyTarget } from '../shared/topology/types';
import { UsageError } from './args';
import { readInputs } from './inputs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIO } from './io';

/** One pod of one file, chosen by `--pod N` (1-based, the first by default), or the exit code telling why there is none. */
export function pickPod(
  positionals: readonly string[],
  podFlag: string | undefined,
  io: CliIO,
  service: LanguageService,
): { file: ParsedFile; target: TopologyTarget } | number {
  if (podFlag !== undefined && !/^[1-9]\d*$/.test(podFlag))
    throw new UsageError(`--pod takes a number from 1, not "${podFlag}"`);
  if (positionals.length !== 1) throw new UsageError('give exactly one file (or - for standard input)');
  const [input] = readInputs(positionals, io.readStdin);
  if (!input || 'error' in input) {
    io.stderr(`pod-patterns: cannot read ${positionals[0]}: ${input && 'error' in input ? input.error : 'no input'}\n`);
    return EXIT_USAGE;
  }
  const file = service.parseFile(input.text);
  const targets = service.topologyTargets(file);
  if (targets.length === 0) {
    const unread = unreadPodDocument(file, service);
    io.stderr(
      service.isUnrenderedTemplate(file)
        ? `pod-patterns: ${input.path} is a template ({{ … }}), not rendered: render it first (for example helm template . | pod-patterns …)\n`
        : unread
          ? `pod-patterns: ${input.path}: its pods are not read: ${unread}\n`
          : `pod-patterns: ${input.path} holds no pod-bearing object (Pod, Deployment, Job, …)\n`,
    );
    return EXIT_FINDINGS;
  }
  const position = podFlag === undefined ? 1 : Number(podFlag);
  const target = targets[position - 1];
  if (!target) {
    io.stderr(
      `pod-patterns: ${input.path} holds ${targets.length} pod${targets.length === 1 ? '' : 's'}, not ${position}:\n${targets.map((entry, index) => `  ${index + 1}. ${entry.label}\n`).join('')}`,
    );
    return EXIT_USAGE;
  }
  const syntaxProblem = service.syntaxProblem(file, target.documentIndex);
  if (syntaxProblem) {
    io.stderr(`pod-patterns: ${input.path}: pod ${position} is not drawn: ${syntaxProblem}\n`);
    return EXIT_FINDINGS;
  }
  return { file, target };
}

/** Writes to standard output, or to `--output FILE`. */
export function writeOutput(output: string, outputPath: string | undefined, io: CliIO): number {
  if (outputPath === undefined) {
    io.stdout(output);
    return EXIT_OK;
  }
  try {
    writeFileSync(outputPath, output, 'utf8');
  } catch (error) {
    io.stderr(`pod-patterns: cannot write ${outputPath}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}

/**
 * Why a document that names a pod kind yielded no pod: its YAML error (an alias bomb, nesting too
 * deep, a syntax error before its pod). Without it, "no pods" would tell the user the file is fine.
 */
export function unreadPodDocument(file: ParsedFile, service: LanguageService): string | undefined {
  for (const document of file.documents) {
    if (!document.model.relevant || document.model.podCount > 0) continue;
    const problem = service.syntaxProblem(file, document.index);
    if (problem) return problem;
  }
  return undefined;
}

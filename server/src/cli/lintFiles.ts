import { availableParallelism } from 'node:os';
import type { FileFinding, LanguageService, ServiceSettings } from '../service';
import { compactReport, type FileReport, type UnreadableInput } from './formats/report';
import { readSource, type Input, type InputSource } from './inputs';

/** What a run keeps of each file besides its findings. */
export interface LintFileOptions {
  /** `--category`: report only findings of these categories (none: all). */
  readonly categories: readonly string[];
  /** Count the findings `--fix` would fix (the text summary's hint). */
  readonly countFixable: boolean;
  /** Keep each finding's line (SARIF fingerprints). */
  readonly lineTexts: boolean;
}

const byPosition = (a: FileFinding, b: FileFinding) => a.range.start - b.range.start || a.range.end - b.range.end;

/** Lints one file's text into its compact report: after this the text and its models can go. */
export function lintFile(
  service: LanguageService,
  filePath: string,
  text: string,
  settings: ServiceSettings,
  options: LintFileOptions,
): FileReport {
  const { findings, podCount } = service.lintText(text, settings);
  const shown = inCategories(service, findings, options.categories).sort(byPosition);
  const fixable = options.countFixable && shown.length > 0 ? service.countFixable(text, shown, settings) : 0;
  return compactReport(filePath, text, { findings: shown, podCount, fixable }, options);
}

/** `--category`: findings of rules in the categories; schema, YAML syntax and other non-rule codes count as api. */
function inCategories(
  service: LanguageService,
  findings: readonly FileFinding[],
  categories: readonly string[],
): FileFinding[] {
  if (categories.length === 0) return [...findings];
  const categoryOf = new Map(service.rules.map((rule) => [rule.id, rule.category as string]));
  return findings.filter((finding) => categories.includes(categoryOf.get(finding.code) ?? 'api'));
}

/** Where each file's outcome goes, called in input order. */
export interface LintSink {
  readonly report: (report: FileReport) => void;
  readonly unreadable: (input: UnreadableInput) => void;
}

export interface LintPlan {
  readonly settingsFor: (filePath: string) => ServiceSettings;
  readonly readStdin: () => string;
  readonly options: LintFileOptions;
  /** Threads to lint on, the main one included (1: this thread alone). */
  readonly threads: number;
  /** One thread only: what to lint instead of the text read (`--fix` lints what it wrote). */
  readonly beforeLint?: (input: { readonly path: string; readonly text: string }, settings: ServiceSettings) => string;
}

/** How a run went, for tests: a run streams its inputs, so at most this many texts were held at once. */
export interface LintStats {
  /** Files read (or handed to a worker) and not yet reduced to their report, at the most. */
  readonly peakInFlight: number;
  /** Threads that linted, the main one included. */
  readonly threads: number;
}

/**
 * Lints every input in a bounded pipeline, read → lint → compact report → drop: a file is read
 * when its turn comes and only its report is kept, so memory follows the largest file, not the
 * number of files. Outcomes reach the sink in input order whatever thread linted them.
 */
export function lintFiles(
  service: LanguageService,
  sources: readonly InputSource[],
  plan: LintPlan,
  sink: LintSink,
): LintStats {
  if (plan.threads > 1 && sources.length > 1) {
    // Loaded only when threads pay (worker_threads and the scheduling code cost start-up time).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { lintInWorkers } = require('./lintWorkers') as typeof import('./lintWorkers');
    return lintInWorkers(service, sources, plan, sink);
  }
  let peakInFlight = 0;
  for (const source of sources) {
    const input: Input = readSource(source, plan.readStdin);
    if ('error' in input) {
      sink.unreadable(input);
      continue;
    }
    peakInFlight = Math.max(peakInFlight, 1);
    const settings = plan.settingsFor(input.path);
    const text = plan.beforeLint ? plan.beforeLint(input, settings) : input.text;
    sink.report(lintFile(service, input.path, text, settings, plan.options));
  }
  return { peakInFlight, threads: 1 };
}

/**
 * `--jobs auto`: below this much YAML per thread, starting and warming a worker costs more than it
 * saves. Each thread is a JavaScript engine of its own that compiles and optimises the linter from
 * cold: on 1,000 files of ten pods (13 MB) that is about 2 s of CPU time per thread (optimising
 * compiler on V8's background threads, interpreted and unoptimised code until then), and while two
 * threads lint on two cores their optimising compiles wait for a core, so both run unoptimised code
 * longer. On 2 cores `--jobs 2` lost 15% at 13 MB and won 25% at 67 MB (bench/cliScale.mjs); the
 * break-even is near 23 MB, so a second thread is taken from 32 MB on (about 10% faster).
 */
export const AUTO_BYTES_PER_THREAD = 16 * 1024 * 1024;

/**
 * The threads `--jobs auto` uses: one per core, as long as each gets enough YAML to pay for a
 * worker's start-up and warm-up.
 */
export function autoThreads(files: number, bytes: number, cores: number = availableParallelism()): number {
  const threads = Math.min(cores, files, Math.floor(bytes / AUTO_BYTES_PER_THREAD));
  return threads >= 2 ? threads : 1;
}

import { statSync } from 'node:fs';
import {
  isMainThread,
  MessageChannel,
  parentPort,
  receiveMessageOnPort,
  Worker,
  workerData,
  type MessagePort,
} from 'node:worker_threads';
import { createLanguageService, type LanguageService, type ServiceSettings } from '../service';
import { LINT_WORKER_ARG, stderrLogger } from './io';
import type { FileReport, UnreadableInput } from './formats/report';
import { readSource, type InputSource } from './inputs';
import { lintFile, type LintFileOptions, type LintPlan, type LintSink, type LintStats } from './lintFiles';

/**
 * `lint --jobs N`: files are linted on N threads, the main one and N - 1 warm workers, each
 * worker linting many files. Workers read their files themselves and send back only compact
 * reports, so no text crosses threads and no thread holds more than its queue. The CLI's
 * commands are synchronous, so the main thread waits on a shared counter (Atomics.wait) and
 * reads the workers' answers with `receiveMessageOnPort` instead of going through the event loop.
 */
const WORKER_FLAG = 'podPatternsLintWorker';

interface Job {
  readonly id: number;
  readonly path: string;
  /** Settings are sent to a worker once (with the first file they govern), then named by number. */
  readonly settingsId: number;
  readonly settings?: ServiceSettings;
}

type JobResult =
  | { readonly id: number; readonly report: FileReport }
  | { readonly id: number; readonly unreadable: string }
  | { readonly id: number; readonly crash: string };

interface WorkerSetup {
  readonly [WORKER_FLAG]: true;
  readonly port: MessagePort;
  readonly done: Int32Array;
  readonly options: LintFileOptions;
}

export function isLintWorker(): boolean {
  return !isMainThread && Boolean((workerData as Partial<WorkerSetup> | null)?.[WORKER_FLAG]);
}

const NO_STDIN = (): string => {
  throw new Error('a worker does not read standard input');
};

function lintJob(service: LanguageService, job: Job, settings: ServiceSettings, options: LintFileOptions): JobResult {
  const input = readSource({ path: job.path, from: 'file' }, NO_STDIN);
  if ('error' in input) return { id: job.id, unreadable: input.error };
  try {
    return { id: job.id, report: lintFile(service, job.path, input.text, settings, options) };
  } catch (error) {
    return { id: job.id, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

function serveLintWorker(): void {
  const { port, done, options } = workerData as WorkerSetup;
  const service = createLanguageService({ logger: stderrLogger((text) => process.stderr.write(text)) });
  const settingsById = new Map<number, ServiceSettings>();
  parentPort!.on('message', (job: Job) => {
    if (job.settings) settingsById.set(job.settingsId, job.settings);
    port.postMessage(lintJob(service, job, settingsById.get(job.settingsId)!, options));
    Atomics.add(done, 0, 1);
    Atomics.notify(done, 0);
  });
}

/**
 * The script a worker runs: the CLI's start-up script when it loaded this bundle through its
 * compile cache (so workers get the cache too), else the running bundle (or this module in the build).
 */
function workerEntry(): string {
  const launcher = (globalThis as { [key: symbol]: unknown })[Symbol.for('pod-patterns.cli.entry')];
  return typeof launcher === 'string' ? launcher : __filename;
}

/** Files handed to a worker ahead of time, so that it never waits for the main thread to notice it is done. */
export const QUEUE_DEPTH = 4;

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // Its reader says why it cannot be read.
  }
}

/**
 * Lints the files on `plan.threads` threads, the main one being one of them, so `--jobs 2`
 * starts one worker. Workers take files largest first (a big file started last would leave the
 * others idle at the end); the main thread takes the smallest, so it is soon back to feed them.
 * Outcomes reach the sink in input order as soon as all before them are in.
 */
export function lintInWorkers(
  service: LanguageService,
  sources: readonly InputSource[],
  plan: LintPlan,
  sink: LintSink,
): LintStats {
  const outcomes: (FileReport | UnreadableInput | undefined)[] = new Array(sources.length);
  let flushed = 0;
  const settle = (id: number, outcome: FileReport | UnreadableInput) => {
    outcomes[id] = outcome;
    for (let next = outcomes[flushed]; next !== undefined && flushed < sources.length; next = outcomes[flushed]) {
      if ('error' in next) sink.unreadable(next);
      else sink.report(next);
      outcomes[flushed++] = undefined;
    }
  };
  // Largest first; standard input and inputs that are already errors are the main thread's.
  const queue: number[] = [];
  const sizes = new Map<number, number>();
  sources.forEach((source, id) => {
    if ('from' in source && source.from === 'file') {
      queue.push(id);
      sizes.set(id, sizeOf(source.path));
    }
  });
  queue.sort((a, b) => sizes.get(b)! - sizes.get(a)! || a - b);
  let head = 0;
  let tail = queue.length;

  const done = new Int32Array(new SharedArrayBuffer(4));
  const workerCount = Math.max(0, Math.min(plan.threads - 1, queue.length - 1));
  const workers = Array.from({ length: workerCount }, () => {
    const channel = new MessageChannel();
    const setup: WorkerSetup = { [WORKER_FLAG]: true, port: channel.port2, done, options: plan.options };
    const worker = new Worker(workerEntry(), {
      argv: [LINT_WORKER_ARG],
      workerData: setup,
      transferList: [channel.port2],
    });
    return { worker, port: channel.port1, outstanding: 0, settingsSent: new Set<ServiceSettings>() };
  });
  const settingsIds = new Map<ServiceSettings, number>();
  let inFlight = 0;
  let peakInFlight = 0;
  let finished = 0;
  const feed = (slot: (typeof workers)[number]) => {
    while (slot.outstanding < QUEUE_DEPTH && head < tail) {
      const id = queue[head++]!;
      const filePath = sources[id]!.path;
      const settings = plan.settingsFor(filePath);
      let settingsId = settingsIds.get(settings);
      if (settingsId === undefined) settingsIds.set(settings, (settingsId = settingsIds.size));
      const firstUse = !slot.settingsSent.has(settings);
      slot.settingsSent.add(settings);
      slot.worker.postMessage({ id, path: filePath, settingsId, ...(firstUse && { settings }) } satisfies Job);
      slot.outstanding++;
      peakInFlight = Math.max(peakInFlight, ++inFlight);
    }
  };
  const lintHere = (id: number) => {
    peakInFlight = Math.max(peakInFlight, ++inFlight);
    const source = sources[id]!;
    const input = readSource(source, plan.readStdin);
    settle(
      id,
      'error' in input ? input : lintFile(service, input.path, input.text, plan.settingsFor(input.path), plan.options),
    );
    inFlight--;
    finished++;
  };
  try {
    // What no worker can take: errors found while collecting, standard input.
    sources.forEach((source, id) => {
      if ('error' in source) {
        settle(id, source);
        finished++;
      } else if (source.from === 'stdin') lintHere(id);
    });
    workers.forEach(feed);
    while (finished < sources.length) {
      const seen = Atomics.load(done, 0);
      let received = false;
      for (const slot of workers) {
        for (let message = receiveMessageOnPort(slot.port); message; message = receiveMessageOnPort(slot.port)) {
          const result = message.message as JobResult;
          if ('crash' in result)
            throw new Error(`linting ${sources[result.id]!.path} failed in a worker: ${result.crash}`);
          settle(
            result.id,
            'report' in result ? result.report : { path: sources[result.id]!.path, error: result.unreadable },
          );
          inFlight--;
          finished++;
          received = true;
          slot.outstanding--;
        }
        feed(slot);
      }
      if (head < tail) {
        lintHere(queue[--tail]!);
        continue;
      }
      // Sleeps until a worker counts a finished file (the timeout only guards against a lost wake-up).
      if (!received && finished < sources.length) Atomics.wait(done, 0, seen, 1000);
    }
  } finally {
    for (const slot of workers) void slot.worker.terminate();
  }
  return { peakInFlight, threads: workers.length + 1 };
}

if (isLintWorker()) serveLintWorker();

import {
  isMainThread,
  MessageChannel,
  parentPort,
  receiveMessageOnPort,
  Worker,
  workerData,
  type MessagePort,
} from 'node:worker_threads';
import { createLanguageService, type FileFinding, type LanguageService, type ServiceSettings } from '../service';
import { stderrLogger } from './io';
import { reportAnalysis, type FileReport } from './formats/report';

/**
 * `lint --jobs N`: files are validated on N threads (the main one and N - 1 workers). The CLI's commands are
 * synchronous, so the main thread waits on a shared counter (Atomics.wait) and reads the
 * workers' answers with `receiveMessageOnPort` instead of going through the event loop.
 */
const WORKER_FLAG = 'podPatternsLintWorker';

interface Job {
  readonly id: number;
  readonly text: string;
  readonly settings: ServiceSettings;
}

interface JobResult {
  readonly id: number;
  readonly findings?: FileFinding[];
  readonly podCount?: number;
  readonly error?: string;
}

interface WorkerSetup {
  readonly [WORKER_FLAG]: true;
  readonly port: MessagePort;
  readonly done: Int32Array;
}

export function isLintWorker(): boolean {
  return !isMainThread && Boolean((workerData as Partial<WorkerSetup> | null)?.[WORKER_FLAG]);
}

function lintJob(service: LanguageService, job: Job): JobResult {
  try {
    const { findings, podCount } = service.lintText(job.text, job.settings);
    return { id: job.id, findings, podCount };
  } catch (error) {
    return { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

function serveLintWorker(): void {
  const { port, done } = workerData as WorkerSetup;
  const service = createLanguageService({ logger: stderrLogger((text) => process.stderr.write(text)) });
  parentPort!.on('message', (job: Job) => {
    port.postMessage(lintJob(service, job));
    Atomics.add(done, 0, 1);
    Atomics.notify(done, 0);
  });
}

/** The script a worker runs: the running bundle (or this module when run from the build). */
const WORKER_ENTRY = __filename;

/** Jobs handed to a worker ahead of time, so that it never waits for the main thread to notice it is done. */
const QUEUE_DEPTH = 2;

/**
 * Lints the files on `jobs` threads, the main thread being one of them: it lints files itself
 * between collecting the workers' answers, so `--jobs 2` starts one worker, not two (each
 * worker loads and compiles the linter from cold). Reports come back in input order.
 */
export function lintInWorkers(
  service: LanguageService,
  inputs: readonly { readonly path: string; readonly text: string; readonly settings: ServiceSettings }[],
  jobs: number,
): FileReport[] {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from({ length: Math.max(0, Math.min(jobs - 1, inputs.length - 1)) }, () => {
    const channel = new MessageChannel();
    const setup: WorkerSetup = { [WORKER_FLAG]: true, port: channel.port2, done };
    const worker = new Worker(WORKER_ENTRY, { workerData: setup, transferList: [channel.port2] });
    return { worker, port: channel.port1, outstanding: 0 };
  });
  const results: (JobResult | undefined)[] = new Array(inputs.length);
  let next = 0;
  let finished = 0;
  const feed = (slot: (typeof workers)[number]) => {
    while (slot.outstanding < QUEUE_DEPTH && next < inputs.length) {
      slot.worker.postMessage({ id: next, text: inputs[next]!.text, settings: inputs[next]!.settings } satisfies Job);
      slot.outstanding++;
      next++;
    }
  };
  try {
    workers.forEach(feed);
    while (finished < inputs.length) {
      const seen = Atomics.load(done, 0);
      let received = false;
      for (const slot of workers) {
        for (let message = receiveMessageOnPort(slot.port); message; message = receiveMessageOnPort(slot.port)) {
          const result = message.message as JobResult;
          results[result.id] = result;
          finished++;
          received = true;
          slot.outstanding--;
        }
        feed(slot);
      }
      if (next < inputs.length) {
        const id = next++;
        results[id] = lintJob(service, { id, text: inputs[id]!.text, settings: inputs[id]!.settings });
        finished++;
        continue;
      }
      // Sleeps until a worker counts a finished file (the timeout only guards against a lost wake-up).
      if (!received && finished < inputs.length) Atomics.wait(done, 0, seen, 1000);
    }
  } finally {
    for (const slot of workers) void slot.worker.terminate();
  }
  return inputs.map((input, index) => {
    const result = results[index]!;
    if (result.error !== undefined) throw new Error(`linting ${input.path} failed in a worker: ${result.error}`);
    return {
      path: input.path,
      text: input.text,
      analysis: reportAnalysis(input.text, result.podCount ?? 0),
      findings: result.findings ?? [],
    };
  });
}

if (isLintWorker()) serveLintWorker();

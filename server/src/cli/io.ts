import type { Logger } from '../service';

/** What a CLI command may touch, so tests can run commands in-process. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => string;
  /** Whether standard output is a terminal (colour by default); false when absent. */
  readonly stdoutIsTerminal?: boolean;
  /** The environment (`NO_COLOR`, `GITHUB_ACTIONS`); empty when absent, so tests see none of the runner's. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The working folder paths are relative to; `process.cwd()` when absent. */
  readonly cwd?: string;
}

/** The argument a `lint --jobs` worker thread is started with (its `process.argv[2]`). */
export const LINT_WORKER_ARG = '--pod-patterns-lint-worker';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** What the service could not do goes to standard error, beside the command's own messages. */
export function stderrLogger(stderr: (text: string) => void): Logger {
  return {
    info: (message) => stderr(`pod-patterns: ${message}\n`),
    error: (message, error) =>
      stderr(
        `pod-patterns: ${message}${error === undefined ? '' : `: ${error instanceof Error ? error.message : String(error)}`}\n`,
      ),
  };
}

/**
 * Where the service reports what it could not do (a quick fix that threw, a document whose
 * analysis failed). Hosts inject one: the language server logs to the client's output channel,
 * the CLI to stderr, and tests use `THROWING_LOGGER` so that a swallowed error fails the test.
 */
export interface Logger {
  info(message: string): void;
  /** Something went wrong but the service carried on; `error` is the cause, when there is one. */
  error(message: string, error?: unknown): void;
}

/** Says nothing: for one-shot runs that report failures some other way. */
export const SILENT_LOGGER: Logger = {
  info() {},
  error() {},
};

/** Rethrows every reported error: a test that passes with it has swallowed nothing. */
export const THROWING_LOGGER: Logger = {
  info() {},
  error(message, error) {
    throw error instanceof Error ? error : new Error(message);
  },
};

const POLL_INTERVAL_MS = 50;
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Polls `probe` until it returns something other than undefined, or fails after `timeoutMs`
 * with `what` and the last value seen: the suite never sleeps for a fixed time.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Polls until `assertion` stops throwing; rethrows its last error on timeout. */
export async function eventually(
  what: string,
  assertion: () => void | Promise<void>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<void> {
  await waitFor(
    what,
    async () => {
      await assertion();
      return true;
    },
    timeoutMs,
  );
}

/**
 * How long a step-wise job (parsing or validating a file document by document) runs before it
 * gives the event loop back, so the requests queued behind it (a hover on another file, a
 * `$/cancelRequest`) are read and answered. Small enough that a keystroke's request waits at
 * most this long behind another file's work; large enough that yielding costs nothing measurable.
 */
export const SLICE_MS = 15;

/**
 * Runs a step-wise job in time slices. Between slices it asks `abandoned()` (the text changed,
 * the request was cancelled, the server is shutting down) and stops with `undefined` if so.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A monotonic clock in milliseconds. Not `performance.now()`: the global `performance` loads
 * `perf_hooks` on first use, a few milliseconds of a fresh server's way to its first diagnostics.
 */
function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export async function runInSlices<T>(
  steps: Iterator<void, T, void>,
  abandoned: () => boolean,
  sliceMs = SLICE_MS,
): Promise<T | undefined> {
  let sliceStart = nowMs();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (nowMs() - sliceStart >= sliceMs) {
      await nextTurn();
      if (abandoned()) return undefined;
      sliceStart = nowMs();
    }
  }
}

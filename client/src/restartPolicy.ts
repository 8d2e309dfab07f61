/**
 * When and how the client restarts a language server that stopped, as a pure policy (no
 * `vscode` import) so its decisions are unit-tested. The extension's error handler and
 * middleware (`serverKeeper.ts`) act on them.
 *
 * - The server is always restarted: a user who is editing must never be left without one.
 *   Crashes close together wait longer each time (exponential backoff, capped), so a server
 *   that dies at once does not spin.
 * - A crash is blamed on the document last sent to the server. When the same document is
 *   blamed `crashesBeforeSkip` times within `windowMs`, it is skipped (not sent to the server)
 *   until its text changes, and the user is told once.
 */
export interface RestartPolicyOptions {
  /** Delay before the first restart after a calm period. */
  readonly firstDelayMs: number;
  /** The longest delay between restarts. */
  readonly maxDelayMs: number;
  /** Crashes older than this no longer count towards backoff or blame. */
  readonly windowMs: number;
  /** How many crashes blamed on one document (within the window) make it skipped. */
  readonly crashesBeforeSkip: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  firstDelayMs: 250,
  maxDelayMs: 30_000,
  windowMs: 3 * 60_000,
  crashesBeforeSkip: 3,
};

/** What to do after the server stopped. */
export interface CrashDecision {
  /** Wait this long, then restart (always: the policy never gives up). */
  readonly restartAfterMs: number;
  /** A document that is now skipped until it changes; the user is told about it. */
  readonly skipped?: string;
}

interface Crash {
  readonly at: number;
  readonly blamed: string | undefined;
}

export class RestartPolicy {
  private crashes: Crash[] = [];
  /** Skipped document → the text it had when skipped (a different text lifts the skip). */
  private readonly skippedTexts = new Map<string, string>();
  /** The document last sent to the server, and its text then. */
  private lastSent: { uri: string; text: string } | undefined;

  constructor(
    private readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /** A document's text was sent to the server (open or change). */
  sent(uri: string, text: string): void {
    this.lastSent = { uri, text };
  }

  /** Whether a document with this text must not be sent to the server. Lifts the skip when the text changed. */
  isSkipped(uri: string, text: string): boolean {
    const skippedText = this.skippedTexts.get(uri);
    if (skippedText === undefined) return false;
    if (skippedText === text) return true;
    this.skippedTexts.delete(uri);
    this.crashes = this.crashes.filter((crash) => crash.blamed !== uri);
    return false;
  }

  /** The document was closed: it starts afresh when opened again. */
  closed(uri: string): void {
    this.skippedTexts.delete(uri);
    if (this.lastSent?.uri === uri) this.lastSent = undefined;
  }

  /** The server stopped unexpectedly: how long to wait before restarting, and whether a document is now skipped. */
  crashed(): CrashDecision {
    const at = this.now();
    this.crashes = this.crashes.filter((crash) => at - crash.at < this.options.windowMs);
    const blamed = this.lastSent?.uri;
    this.crashes.push({ at, blamed });
    const recent = this.crashes.length;
    const restartAfterMs = Math.min(this.options.maxDelayMs, this.options.firstDelayMs * 2 ** (recent - 1));
    if (blamed === undefined || this.skippedTexts.has(blamed)) return { restartAfterMs };
    const blamedCount = this.crashes.filter((crash) => crash.blamed === blamed).length;
    if (blamedCount < this.options.crashesBeforeSkip) return { restartAfterMs };
    this.skippedTexts.set(blamed, this.lastSent!.text);
    this.lastSent = undefined;
    return { restartAfterMs, skipped: blamed };
  }
}

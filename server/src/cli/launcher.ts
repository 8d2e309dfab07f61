/**
 * The CLI's start-up script (`server/out/cli.js`): runs the CLI bundle (`cliMain.js`) through
 * V8's code cache (`launch/codeCache.ts`). A one-pod lint spends more time compiling the bundle
 * than linting; with the bytecode of the previous run's functions the compile is a quick load.
 *
 * Only Node built-ins here: this file is loaded before everything else, on every run.
 */
import * as path from 'node:path';
import { runBundle } from '../launch/codeCache';

/** Set by the build (scripts/build.mjs) to a hash of the CLI bundle, so a cache never outlives the code it was made from. */
declare const POD_PATTERNS_BUNDLE_HASH: string;

/** `lint --jobs` workers start with this argument (cli/io.ts); they read the cache, the main thread writes it. */
const IS_LINT_WORKER = process.argv[2] === '--pod-patterns-lint-worker';

/** One cache per command: each keeps the functions its own runs compile. */
const command = IS_LINT_WORKER ? 'lint' : /^[a-z]+$/.test(process.argv[2] ?? '') ? process.argv[2]! : 'other';

/** Lint workers start from this script too, so that they load the bundle through the cache. */
(globalThis as { [key: symbol]: unknown })[Symbol.for('pod-patterns.cli.entry')] = __filename;

const writeCache = runBundle(
  {
    file: path.join(__dirname, 'cliMain.js'),
    hash: typeof POD_PATTERNS_BUNDLE_HASH === 'string' ? POD_PATTERNS_BUNDLE_HASH : 'dev',
    cacheName: command,
    writes: !IS_LINT_WORKER,
  },
  module,
);
// The CLI's commands are synchronous: by now the functions this run needed are compiled and go in the cache.
writeCache();

/**
 * The language server's start-up script (`server/out/server.js`, what the extension and other
 * editors start): runs the server bundle (`serverMain.js`) through V8's code cache
 * (`codeCache.ts`). Compiling the bundle is most of a fresh server's work before its first
 * diagnostics; with the cache of an earlier session it is a quick load.
 *
 * Only Node built-ins here: this file is loaded before everything else, on every start.
 */
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runBundle } from './codeCache';

/**
 * V8 doubles the young generation each time enough objects survive it, up to 2 x 16 MB, and every
 * large open does that: its file's documents and models live on, and pass through the young
 * generation first. The server's own garbage is short-lived (a document's tree, a keystroke's
 * models), so it gains little from the larger young generation and pays its 32 MB in resident
 * memory (a third of the peak for a 10 MB file). `--max-semi-space-size` set at run time does not
 * resize a heap that exists, and a flag on the command line would need every host (VS Code, an
 * editor running `pod-patterns-language-server`) to pass it; the growth factor is read each time
 * the young generation grows, so setting it here holds in every host. Measured with
 * bench/serverMemory.mjs (Node 20): the young generation stays at its first 2 x 1 MB.
 * An engine without the flag ignores it.
 */
setFlagsFromString('--semi-space-growth-factor=1');

/** Set by the build (scripts/build.mjs) to a hash of the server bundle, so a cache never outlives the code it was made from. */
declare const POD_PATTERNS_BUNDLE_HASH: string;

const writeCache = runBundle(
  {
    file: path.join(__dirname, 'serverMain.js'),
    hash: typeof POD_PATTERNS_BUNDLE_HASH === 'string' ? POD_PATTERNS_BUNDLE_HASH : 'dev',
    cacheName: 'server',
    writes: true,
  },
  module,
);
// The server runs until its client stops it (or it stops on a broken stream): by then the session has
// compiled what a session needs (start-up, validation, edits), and that goes in the cache for the next one.
process.on('exit', writeCache);

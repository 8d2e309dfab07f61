/**
 * The language server's start-up script (`server/out/server.js`, what the extension and other
 * editors start): runs the server bundle (`serverMain.js`) through V8's code cache
 * (`codeCache.ts`). Compiling the bundle is most of a fresh server's work before its first
 * diagnostics; with the cache of an earlier session it is a quick load.
 *
 * Only Node built-ins here: this file is loaded before everything else, on every start.
 */
import * as path from 'node:path';
import { runBundle } from './codeCache';

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

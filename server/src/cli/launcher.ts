/**
 * The CLI's start-up script (`server/out/cli.js`): runs the CLI bundle (`cliMain.js`) through
 * V8's code cache. A one-pod lint spends more time compiling the bundle than linting; with the
 * bytecode of the previous run's functions the compile is a quick load. Node 20 has no
 * `module.enableCompileCache()` (22.1+), so this uses what every Node since 10 has: `vm.Script`
 * with `cachedData`. Whatever goes wrong with the cache (no writable folder, a cache of another
 * Node, a corrupt file), the bundle is loaded as usual and the run is the same, only slower.
 *
 * Only Node built-ins here: this file is loaded before everything else, on every run.
 */
import { isAscii } from 'node:buffer';
import { lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Script } from 'node:vm';

/** Set by the build (scripts/build.mjs) to a hash of the CLI bundle, so a cache never outlives the code it was made from. */
declare const POD_PATTERNS_BUNDLE_HASH: string;

const BUNDLE = path.join(__dirname, 'cliMain.js');

/** `lint --jobs` workers start with this argument (cli/io.ts); they read the cache, the main thread writes it. */
const IS_LINT_WORKER = process.argv[2] === '--pod-patterns-lint-worker';

/** The cache folder: private to this user (other users could plant bytecode in a shared one). */
function cacheFolder(): string | undefined {
  if (process.env['POD_PATTERNS_NO_COMPILE_CACHE']) return undefined;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const folder = path.join(tmpdir(), `pod-patterns-compile-cache-${uid ?? 'user'}`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stats = lstatSync(folder);
  if (!stats.isDirectory()) return undefined;
  if (uid !== undefined && (stats.uid !== uid || (stats.mode & 0o077) !== 0)) return undefined;
  return folder;
}

/** One cache per command: each keeps the functions its own runs compile. */
function cacheFile(folder: string, bundleStats: { size: number; mtimeMs: number }): string {
  const command = IS_LINT_WORKER ? 'lint' : /^[a-z]+$/.test(process.argv[2] ?? '') ? process.argv[2]! : 'other';
  const hash = typeof POD_PATTERNS_BUNDLE_HASH === 'string' ? POD_PATTERNS_BUNDLE_HASH : 'dev';
  const key = [process.versions.v8, process.arch, hash, bundleStats.size, Math.round(bundleStats.mtimeMs), command];
  return path.join(folder, `${key.join('-').replace(/[^\w.-]/g, '_')}.bin`);
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

interface Prepared {
  readonly script: Script;
  /** Where to write the cache after the run, when there was none to use. */
  readonly writeTo: string | undefined;
}

function prepare(): Prepared | undefined {
  const folder = cacheFolder();
  if (!folder) return undefined;
  const bytes = readFileSync(BUNDLE);
  // The build keeps the bundle ASCII: Latin-1 decodes it to the same string, faster than UTF-8.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const file = cacheFile(folder, statSync(BUNDLE));
  const cachedData = readOptional(file);
  const script = new Script(Module.wrap(source), { filename: BUNDLE, ...(cachedData && { cachedData }) });
  const usable = cachedData !== undefined && script.cachedDataRejected !== true;
  return { script, writeTo: usable || IS_LINT_WORKER ? undefined : file };
}

function writeCache(prepared: Prepared): void {
  if (!prepared.writeTo) return;
  try {
    const temporary = `${prepared.writeTo}.${process.pid}.tmp`;
    writeFileSync(temporary, prepared.script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, prepared.writeTo);
  } catch {
    // A full disk or a read-only folder: the next run compiles again, as without a cache.
  }
}

/** Lint workers start from this script too, so that they load the bundle through the cache. */
(globalThis as { [key: symbol]: unknown })[Symbol.for('pod-patterns.cli.entry')] = __filename;

let prepared: Prepared | undefined;
try {
  prepared = prepare();
} catch {
  prepared = undefined;
}
if (prepared) {
  const bundleModule = new Module(BUNDLE, module);
  bundleModule.filename = BUNDLE;
  const run = prepared.script.runInThisContext() as (...args: unknown[]) => void;
  run.call(bundleModule.exports, bundleModule.exports, createRequire(BUNDLE), bundleModule, BUNDLE, __dirname);
  // The CLI's commands are synchronous: by now the functions this run needed are compiled and go in the cache.
  writeCache(prepared);
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(BUNDLE);
}

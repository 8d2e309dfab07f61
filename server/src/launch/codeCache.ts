/**
 * Runs a bundle through V8's code cache: the start-up scripts of the CLI (`cli/launcher.ts`) and of
 * the language server (`launch/serverLauncher.ts`) load their bundle with it. Compiling a bundle of
 * two megabytes costs more than a one-pod lint, and a good part of a server's time to its first
 * diagnostics; with the bytecode of an earlier run's functions the compile is a quick load. Node 20
 * has no `module.enableCompileCache()` (22.1+), so this uses what every Node since 10 has:
 * `vm.Script` with `cachedData`. Whatever goes wrong with the cache (no writable folder, a cache of
 * another Node, a corrupt file), the bundle is loaded as usual and the run is the same, only slower.
 *
 * Only Node built-ins here: this file is loaded before everything else, on every start.
 */
import { isAscii } from 'node:buffer';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Script } from 'node:vm';

export interface CachedBundle {
  /** The bundle, next to its start-up script. */
  readonly file: string;
  /** A hash of the bundle set by the build, so that a cache never outlives the code it was made from. */
  readonly hash: string;
  /** Which of the bundle's caches: each keeps the functions its own kind of run compiles (a CLI command, the server). */
  readonly cacheName: string;
  /** False for processes that only read the cache (CLI lint workers: the main thread writes it). */
  readonly writes: boolean;
}

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

function cacheFile(folder: string, bundle: CachedBundle, bundleStats: { size: number; mtimeMs: number }): string {
  const key = [process.versions.v8, process.arch, bundle.hash, bundleStats.size, Math.round(bundleStats.mtimeMs)];
  return path.join(folder, `${[...key, bundle.cacheName].join('-').replace(/[^\w.-]/g, '_')}.bin`);
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
  readonly cacheName: string;
}

/**
 * A cache is written once per build and never touched again, so every upgrade would leave one behind.
 * When a new one is written, caches of the same kind of run that are older than this are removed, and
 * so are temporary files a crashed write left. An older build still in use just writes its cache again.
 */
const STALE_CACHE_AGE_MS = 7 * 24 * 60 * 60 * 1000;

function removeStaleCaches(folder: string, cacheName: string, keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    const ours = name.endsWith(`-${cacheName}.bin`) || name.includes(`-${cacheName}.bin.`);
    if (!ours || file === keep) continue;
    try {
      if (now - lstatSync(file).mtimeMs > STALE_CACHE_AGE_MS) unlinkSync(file);
    } catch {
      // Removed by another run meanwhile, or not ours to remove.
    }
  }
}

function prepare(bundle: CachedBundle): Prepared | undefined {
  const folder = cacheFolder();
  if (!folder) return undefined;
  const bytes = readFileSync(bundle.file);
  // The build keeps the bundles ASCII: Latin-1 decodes them to the same string, faster than UTF-8.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const file = cacheFile(folder, bundle, statSync(bundle.file));
  const cachedData = readOptional(file);
  const script = new Script(Module.wrap(source), { filename: bundle.file, ...(cachedData && { cachedData }) });
  const usable = cachedData !== undefined && script.cachedDataRejected !== true;
  return { script, writeTo: usable || !bundle.writes ? undefined : file, cacheName: bundle.cacheName };
}

function writeCache(prepared: Prepared): void {
  if (!prepared.writeTo) return;
  try {
    const temporary = `${prepared.writeTo}.${process.pid}.tmp`;
    writeFileSync(temporary, prepared.script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, prepared.writeTo);
    removeStaleCaches(path.dirname(prepared.writeTo), prepared.cacheName, prepared.writeTo);
  } catch {
    // A full disk or a read-only folder: the next run compiles again, as without a cache.
  }
}

/**
 * Runs the bundle as the CommonJS module it was built as, and returns what writes the cache: call it
 * once the run has compiled the functions worth keeping (it writes only when no cache was usable).
 */
export function runBundle(bundle: CachedBundle, parent: Module): () => void {
  let prepared: Prepared | undefined;
  try {
    prepared = prepare(bundle);
  } catch {
    prepared = undefined;
  }
  if (!prepared) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(bundle.file);
    return () => undefined;
  }
  const bundleModule = new Module(bundle.file, parent);
  bundleModule.filename = bundle.file;
  const run = prepared.script.runInThisContext() as (...args: unknown[]) => void;
  const dirname = path.dirname(bundle.file);
  run.call(bundleModule.exports, bundleModule.exports, createRequire(bundle.file), bundleModule, bundle.file, dirname);
  const ready = prepared;
  return () => writeCache(ready);
}

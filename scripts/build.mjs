// Builds everything a user or a test runs: type-checks and emits the sources for the
// unit tests (tsc -b into build/), then bundles the extension client, the language
// server and the CLI with esbuild. `--watch` rebuilds the bundles on change.
import { build, context } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { lazyBuiltins } from './lazyBuiltinsPlugin.mjs';
import { yamlWithoutTokenLogging } from './yamlBundlePlugin.mjs';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/**
 * `vscode-languageserver` pins its own copy of the protocol library, and the custom messages
 * (`shared/protocol.ts`) are built with the client's: in the server bundle our sources get the
 * server's copy too, so the bundle holds one.
 * @type {import('esbuild').Plugin}
 */
const serverProtocolCopy = {
  name: 'server-protocol-copy',
  setup(build) {
    const serverPackage = path.resolve('node_modules/vscode-languageserver');
    build.onResolve({ filter: /^vscode-languageserver-protocol$/ }, (args) => {
      if (args.pluginData === 'server-copy' || args.importer.includes(`${path.sep}node_modules${path.sep}`))
        return undefined;
      return build.resolve(args.path, { kind: args.kind, resolveDir: serverPackage, pluginData: 'server-copy' });
    });
  },
};

const CLI_BUNDLE = 'server/out/cliMain.js';
const SERVER_BUNDLE = 'server/out/serverMain.js';

/**
 * The start-up scripts: each runs its bundle through V8's code cache (see launch/codeCache.ts).
 * Built without a source map: they are a few lines, and their stack traces are the bundles'.
 * @type {{ bundle: string, options: import('esbuild').BuildOptions }[]}
 */
const launchers = [
  {
    bundle: CLI_BUNDLE,
    options: {
      entryPoints: ['server/src/cli/launcher.ts'],
      outfile: 'server/out/cli.js',
      platform: 'node',
      format: 'cjs',
      banner: { js: '#!/usr/bin/env node' },
      sourcemap: false,
    },
  },
  {
    bundle: SERVER_BUNDLE,
    options: {
      entryPoints: ['server/src/launch/serverLauncher.ts'],
      outfile: 'server/out/server.js',
      platform: 'node',
      format: 'cjs',
      banner: { js: '#!/usr/bin/env node' },
      sourcemap: false,
    },
  },
];

/**
 * esbuild escapes non-ASCII characters except inside regular expression literals (and kept
 * comments): escaping those too keeps a bundle ASCII, which its launcher decodes as Latin-1,
 * faster than UTF-8, into a string of one byte per character (a `\uXXXX` escape means the same
 * code unit in a pattern with or without the `u` flag).
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
  return ascii;
}

/** The launchers, each given a hash of the bundle it runs, so that no code cache outlives the code it was made from. */
async function buildLaunchers() {
  for (const { bundle, options } of launchers) {
    const bundleHash = createHash('sha256').update(asciiOnly(bundle)).digest('hex').slice(0, 16);
    await build({ ...common, ...options, define: { POD_PATTERNS_BUNDLE_HASH: JSON.stringify(bundleHash) } });
  }
}

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  {
    entryPoints: ['client/src/extension.ts'],
    outfile: 'client/out/extension.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
  // The language server: its start-up script `server.js` (see launch/serverLauncher.ts) runs `serverMain.js` through V8's code cache.
  {
    entryPoints: ['server/src/server.ts'],
    outfile: SERVER_BUNDLE,
    platform: 'node',
    format: 'cjs',
    plugins: [yamlWithoutTokenLogging, serverProtocolCopy, lazyBuiltins],
  },
  // The CLI: its start-up script `cli.js` (see cli/launcher.ts) runs `cliMain.js` through V8's code cache.
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: CLI_BUNDLE,
    platform: 'node',
    format: 'cjs',
  },
];
for (const extra of ['webview/src/main.ts']) {
  if (existsSync(extra)) {
    bundles.push({ entryPoints: [extra], outfile: 'webview/out/main.js', platform: 'browser', format: 'iife' });
  }
}

const common = {
  plugins: [yamlWithoutTokenLogging],
  bundle: true,
  sourcemap: !production,
  minify: production,
  target: 'node20',
  logLevel: 'warning',
};

if (watch) {
  for (const options of bundles) {
    const ctx = await context({ ...common, ...options });
    await ctx.watch();
  }
  // The launchers key their caches on the bundle's size and time as well: a rebuilt bundle gets a new cache.
  await buildLaunchers();
  console.log('watching for changes…');
} else {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b'], { stdio: 'inherit' });
  await Promise.all(bundles.map((options) => build({ ...common, ...options })));
  await buildLaunchers();
  for (const { options } of launchers) chmodSync(options.outfile, 0o755);
  console.log(`built ${bundles.length + launchers.length} bundles`);
}

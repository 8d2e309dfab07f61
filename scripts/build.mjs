// Builds everything a user or a test runs: type-checks and emits the sources for the
// unit tests (tsc -b into build/), then bundles the extension client, the language
// server and the CLI with esbuild. `--watch` rebuilds the bundles on change.
import { build, context } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
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

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  {
    entryPoints: ['client/src/extension.ts'],
    outfile: 'client/out/extension.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    entryPoints: ['server/src/server.ts'],
    outfile: 'server/out/server.js',
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [yamlWithoutTokenLogging, serverProtocolCopy],
  },
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'server/out/cli.js',
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
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
  console.log('watching for changes…');
} else {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b'], { stdio: 'inherit' });
  await Promise.all(bundles.map((options) => build({ ...common, ...options })));
  for (const options of bundles) if (options.banner) chmodSync(options.outfile, 0o755);
  console.log(`built ${bundles.length} bundles`);
}

// esbuild plugin for the server bundle. When they are loaded, `vscode-jsonrpc` requires `crypto` (to
// name pipes at random) and `vscode-languageserver` requires `child_process` (to find the global npm
// and yarn folders), though the stdio and IPC transports the server runs on use neither: loading the
// two costs a fresh server about 10 ms before its first diagnostics. In the bundle each is required on
// its first use instead; the libraries' behaviour is otherwise unchanged. Depends on the exact
// statements below in the libraries' files: if a new version drops one, the bundle still works, only
// that module is loaded at start again (test/unit/robustness/lspServer.test.ts notices).
import { readFile } from 'node:fs/promises';

const LAZY_REQUIRES = [
  {
    file: /[\\/]vscode-jsonrpc[\\/]lib[\\/]node[\\/]main\.js$/,
    statement: 'const crypto_1 = require("crypto");',
    binding: 'crypto_1',
    module: 'crypto',
  },
  {
    file: /[\\/]vscode-languageserver[\\/]lib[\\/]node[\\/]files\.js$/,
    statement: 'const child_process_1 = require("child_process");',
    binding: 'child_process_1',
    module: 'child_process',
  },
];

/** @type {import('esbuild').Plugin} */
export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    for (const lazy of LAZY_REQUIRES) {
      build.onLoad({ filter: lazy.file }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        // The libraries only read functions off the module (`(0, crypto_1.randomBytes)(16)`).
        const onFirstUse = `const ${lazy.binding} = new Proxy({}, { get: (_, key) => require("${lazy.module}")[key] });`;
        return { contents: source.split(lazy.statement).join(onFirstUse), loader: 'js' };
      });
    }
  },
};

// Depends on the `yaml` library's internals: it rewrites the private file dist/parse/parser.js
// and the exact string `node_process.env.LOG_TOKENS` in it. That is one reason `yaml` is pinned
// to an exact version in package.json; the others (plainScalars.ts repeats the library's scalar
// tag resolution, textTree.ts reproduces composition's ranges) are listed in docs/ARCHITECTURE.md
// under "The model". Check them all before moving the pin.
//
// esbuild plugin for every bundle that includes the `yaml` library. Its CST parser reads
// `process.env.LOG_TOKENS` once per token to decide whether to print debug output; in
// Node every `process.env` read is a call into the C++ environment, and on a 2 MB
// manifest those reads cost about as much as the parsing itself. Bundles compile the
// debug switch out; the library's behaviour is otherwise unchanged.
import { readFile } from 'node:fs/promises';

const PARSER_FILE = /[\\/]yaml[\\/]dist[\\/]parse[\\/]parser\.js$/;
const DEBUG_SWITCH = 'node_process.env.LOG_TOKENS';

/** @type {import('esbuild').Plugin} */
export const yamlWithoutTokenLogging = {
  name: 'yaml-without-token-logging',
  setup(build) {
    build.onLoad({ filter: PARSER_FILE }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // If a new version of the library drops the switch, the bundle still works: only slower.
      return { contents: source.split(DEBUG_SWITCH).join('false'), loader: 'js' };
    });
  },
};

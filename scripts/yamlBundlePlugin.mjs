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

// `npm run demo` (after the build): what the product does on the bundled examples, in three
// steps: lint them all, describe one pod of each pattern (each container's role and why),
// then draw one pod's topology as an SVG file. Runs the CLI bundle exactly as a user would.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'server/out/cli.js');

/** One example per pattern, in the order a course would teach them. */
const PATTERN_EXAMPLES = [
  ['init', 'examples/init-git-sync.yaml'],
  ['sidecar', 'examples/sidecar-git-sync.yaml'],
  ['native sidecar', 'examples/native-sidecar-job.yaml'],
  ['adapter', 'examples/adapter-prometheus-exporter.yaml'],
  ['ambassador', 'examples/ambassador-forward-proxy.yaml'],
];
const TOPOLOGY_EXAMPLE = 'examples/ambassador-forward-proxy.yaml';
const SVG_FILE = 'build/demo/ambassador-forward-proxy.svg';

function step(title) {
  process.stdout.write(`\n=== ${title}\n\n`);
}

/** Runs the CLI with its output shown; lint's exit code 1 (findings) is part of the demo, not a failure. */
function run(args, okCodes = [0]) {
  process.stdout.write(`$ pod-patterns ${args.join(' ')}\n`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (result.error || !okCodes.includes(result.status ?? -1)) {
    process.stderr.write(`demo: pod-patterns ${args.join(' ')} failed (exit ${result.status ?? result.error})\n`);
    process.exit(1);
  }
}

step('1. Lint every example');
run(['lint', 'examples/'], [0, 1]);

step("2. One pod of each pattern: every container's role and the evidence for it");
for (const [pattern, file] of PATTERN_EXAMPLES) {
  process.stdout.write(`--- ${pattern}\n`);
  run(['describe', file]);
  process.stdout.write('\n');
}

step('3. The topology of one pod');
mkdirSync(path.join(root, path.dirname(SVG_FILE)), { recursive: true });
run(['topology', '--output', SVG_FILE, TOPOLOGY_EXAMPLE]);
process.stdout.write(`wrote ${SVG_FILE}: open it in a browser\n`);

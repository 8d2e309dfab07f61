// `npm run fuzz [-- --runs N] [-- --seed S] [-- --hostile-runs N]`: the robustness properties of
// the unit suite over many more cases (100,000 by default), then generated hostile shapes up to
// the 5 MB size limit (200 by default), with a fresh seed each time unless given.
// Prints the number of cases per family and the seed, so a failure can be replayed.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadSeeds, runFuzz } = require(path.join(root, 'build', 'test', 'unit', 'robustness', 'fuzzing.js'));
const { runHostileShapes, FUZZ_SCALE } = require(path.join(root, 'build', 'test', 'unit', 'robustness', 'hostileShapes.js'));

const flag = (name) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : undefined;
};
const runs = flag('runs') ?? 100_000;
const seed = flag('seed') ?? Math.floor(Math.random() * 2 ** 31);
const seeds = loadSeeds();
console.log(`fuzzing the language service: ${runs} cases, seed ${seed}, ${seeds.length} seed files`);
const started = performance.now();
try {
  const counts = runFuzz(runs, seeds, { seed });
  const total = counts.arbitraryText + counts.mutatedSeeds + counts.printedPods + counts.blockYaml;
  console.log(`passed: ${total} cases (${counts.arbitraryText} arbitrary texts, ${counts.mutatedSeeds} mutated seed files, ${counts.printedPods} printed pods, ${counts.blockYaml} written block YAML documents) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`text scanner vs composition: of ${counts.trees.documents} documents, ${counts.trees.fromText} read by the text scanner, all equal to composition (${counts.trees.refusedTooDeep} refused by the pre-scan as too deep)`);
  // Hostile shapes up to the 5 MB size limit. The goal is 5 s each on an idle machine; the bound
  // asserted is three times that, as a fuzz run shares the machine, and the slowest case is printed.
  const hostileRuns = flag('hostile-runs') ?? 200;
  const hostileStarted = performance.now();
  const hostile = runHostileShapes(hostileRuns, FUZZ_SCALE, 15_000, seed);
  console.log(`hostile shapes: ${hostileRuns} cases ${JSON.stringify(hostile.shapes)} in ${((performance.now() - hostileStarted) / 1000).toFixed(0)} s; slowest ${hostile.slowest.shape} in ${hostile.slowest.milliseconds.toFixed(0)} ms`);
} catch (error) {
  console.error(String(error?.stack ?? error));
  console.error(`FAILED (replay with: npm run fuzz -- --seed ${seed} --runs ${runs})`);
  process.exit(1);
}

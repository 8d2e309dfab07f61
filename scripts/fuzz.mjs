// `npm run fuzz [-- --runs N] [-- --seed S] [-- --hostile-runs N] [-- --fix-runs N] [-- --soak-edits N --soak-documents N]`:
// the robustness properties of the unit suite over many more cases (100,000 by default), generated
// hostile shapes up to the 5 MB size limit (200 by default), every offered quick fix on 2,000 mutated
// pods, then the language server soak (20,000 edits over 300 documents), with a fresh seed each time unless given.
// Prints the number of cases per family and the seed, so a failure can be replayed.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadSeeds, runFuzz } = require(path.join(root, 'build', 'test', 'unit', 'robustness', 'fuzzing.js'));
const { runHostileShapes, FUZZ_SCALE } = require(
  path.join(root, 'build', 'test', 'unit', 'robustness', 'hostileShapes.js'),
);
const { runSoak } = require(path.join(root, 'build', 'test', 'unit', 'robustness', 'soak.js'));
const { checkOfferedFixes } = require(path.join(root, 'build', 'test', 'unit', 'authoring', 'fixProperties.js'));

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
  console.log(
    `passed: ${total} cases (${counts.arbitraryText} arbitrary texts, ${counts.mutatedSeeds} mutated seed files, ${counts.printedPods} printed pods, ${counts.blockYaml} written block YAML documents) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  console.log(
    `text scanner vs composition: of ${counts.trees.documents} documents, ${counts.trees.fromText} read by the text scanner, all equal to composition (${counts.trees.refusedTooDeep} refused by the pre-scan as too deep)`,
  );
  // Hostile shapes up to the 5 MB size limit. The goal is 5 s each on an idle machine; the bound
  // asserted is three times that, as a fuzz run shares the machine, and the slowest case is printed.
  const hostileRuns = flag('hostile-runs') ?? 200;
  const hostileStarted = performance.now();
  const hostile = runHostileShapes(hostileRuns, FUZZ_SCALE, 15_000, seed);
  console.log(
    `hostile shapes: ${hostileRuns} cases ${JSON.stringify(hostile.shapes)} in ${((performance.now() - hostileStarted) / 1000).toFixed(0)} s; slowest ${hostile.slowest.shape} in ${hostile.slowest.milliseconds.toFixed(0)} ms`,
  );
} catch (error) {
  console.error(String(error?.stack ?? error));
  console.error(`FAILED (replay with: npm run fuzz -- --seed ${seed} --runs ${runs})`);
  process.exit(1);
}

// Every offered quick fix on mutated corpus pods: parses, keeps untargeted lines, adds no error.
const fixRuns = flag('fix-runs') ?? 2000;
try {
  const applied = checkOfferedFixes(fixRuns, seed);
  console.log(`quick fixes: ${applied} applied on ${fixRuns} mutated pods, none broke the file`);
} catch (error) {
  console.error(String(error?.stack ?? error));
  console.error(`quick fixes FAILED (replay with: npm run fuzz -- --seed ${seed} --fix-runs ${fixRuns})`);
  process.exit(1);
}

// The language server soak: random edits, requests and cancellations over many open documents.
const soakEdits = flag('soak-edits') ?? 20_000;
const soakDocuments = flag('soak-documents') ?? 300;
const soak = await runSoak(seeds, { documents: soakDocuments, edits: soakEdits, seed });
console.log(
  `soak: ${soak.edits} edits over ${soakDocuments} documents, ${soak.requests} requests (${soak.cancelled} cancelled) in ${(soak.milliseconds / 1000).toFixed(0)} s`,
);
if (soak.errors.length > 0 || soak.mismatches.length > 0) {
  console.error(
    `soak FAILED: ${soak.errors.length} error responses (${soak.errors.slice(0, 3).join('; ')}), ${soak.mismatches.length} documents whose diagnostics differ from a fresh analysis (${soak.mismatches.slice(0, 3).join(', ')})`,
  );
  console.error(
    `replay with: npm run fuzz -- --seed ${seed} --soak-edits ${soakEdits} --soak-documents ${soakDocuments}`,
  );
  process.exit(1);
}

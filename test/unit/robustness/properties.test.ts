import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkService, loadSeeds, runFuzz } from './fuzzing';

/** `npm run fuzz` runs 100,000; the unit suite a few thousand, with a fixed seed so a failure replays. */
const RUNS = 3000;

describe('language service properties (fast-check)', () => {
  it(`holds for ${RUNS} arbitrary texts, mutated seed files, printed pods and written block YAML`, () => {
    const seeds = loadSeeds();
    assert.ok(seeds.length >= 3);
    const counts = runFuzz(RUNS, seeds, { seed: 20260322 });
    console.log(`property cases run: ${JSON.stringify(counts)} over ${seeds.length} seed files`);
    assert.equal(counts.arbitraryText + counts.mutatedSeeds + counts.printedPods + counts.blockYaml, RUNS);
    assert.ok(counts.trees.fromText > 0, 'some fuzzed documents should be read by the text scanner');
  });

  it('holds for every seed file as it is', () => {
    for (const seed of loadSeeds(() => undefined)) {
      assert.doesNotThrow(() => checkService(seed.text), seed.name);
    }
  });
});

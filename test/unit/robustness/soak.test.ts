import assert from 'node:assert/strict';
import { it } from 'node:test';
import { loadSeeds } from './fuzzing';
import { runSoak } from './soak';

it('soak: random edits, requests and cancellations over 40 documents end with the diagnostics of a fresh analysis', async () => {
  const seeds = loadSeeds(() => undefined).filter((seed) => seed.text.length < 20_000);
  const result = await runSoak(seeds, { documents: 40, edits: 1500, seed: 18 });
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.mismatches, []);
  assert.ok(result.requests > 300 && result.cancelled > 0, JSON.stringify(result));
  console.log(
    `soak: ${result.edits} edits, ${result.requests} requests (${result.cancelled} cancelled) in ${result.milliseconds.toFixed(0)} ms`,
  );
});

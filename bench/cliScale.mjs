// CLI cases of `npm run bench`: start-up on small inputs next to a bare `node -e 0`, and
// many-file runs on one thread next to `--jobs 2`, each with wall time, CPU time and peak RSS
// (read by bench/cliProbe.cjs as the process exits). Runs of the compared commands alternate,
// so both see the same machine state.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { podDocument } from './generatePods.mjs';

const PODS_PER_FILE = 10;

/** A folder of `files` files of ten generated pods each (made once per size, reused by later runs). */
function manyFiles(cache, files) {
  const dir = path.join(cache, `cli-${files}x${PODS_PER_FILE}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let file = 0; file < files; file++) {
    const docs = [];
    for (let i = 0; i < PODS_PER_FILE; i++) docs.push(podDocument(file * PODS_PER_FILE + i));
    writeFileSync(path.join(dir, `part-${String(file).padStart(5, '0')}.yaml`), docs.join('---\n'));
  }
  return dir;
}

/** One run of `node [args]`: wall ms, CPU ms and peak RSS (MB) of the whole process, all threads. */
function measure(args, probeFile, probe) {
  rmSync(probeFile, { force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--require', probe, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, POD_PATTERNS_BENCH_PROBE: probeFile },
  });
  const wallMs = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  const usage = JSON.parse(readFileSync(probeFile, 'utf8'));
  return { wallMs, cpuMs: usage.cpuMs, peakRssMb: usage.peakRssKb / 1024 };
}

/**
 * @param {{ root: string, cache: string, quick: boolean, runs: number, log: (message: string) => void }} setup
 * @returns the measured series by case, each a list of { wallMs, cpuMs, peakRssMb }
 */
export function benchCliScale({ root, cache, quick, runs, log }) {
  const cli = path.join(root, 'server', 'out', 'cli.js');
  const probe = path.join(root, 'bench', 'cliProbe.cjs');
  const probeFile = path.join(cache, 'cli-probe.json');
  const onePod = path.join(cache, 'cli-1-pod.yaml');
  writeFileSync(onePod, podDocument(1));
  const sizes = quick ? [10, 200] : [10, 1000, 5000];
  const folders = Object.fromEntries(sizes.map((files) => [files, manyFiles(cache, files)]));
  // bench/.cache is in .gitignore: without --no-gitignore the CLI would skip the inputs.
  const lint = (...args) => [cli, 'lint', '--format', 'json', '--no-gitignore', ...args];
  const series = {};
  const record = (name, args) => (series[name] ??= []).push(measure(args, probeFile, probe));

  // The first run writes the compile cache the later ones use (as a user's first run does).
  measure(lint(onePod), probeFile, probe);
  log('CLI start-up…');
  for (let i = 0; i < runs; i++) {
    record('bareNode', ['-e', '0']);
    record('onePod', lint(onePod));
    record('tenByTen', lint('--jobs', '1', folders[10]));
  }
  for (const files of sizes.slice(1)) {
    log(`CLI, ${files} files × ${PODS_PER_FILE} pods…`);
    const bigRuns = files >= 5000 ? Math.min(runs, 3) : runs;
    for (let i = 0; i < bigRuns; i++) {
      record(`files${files}`, lint('--jobs', '1', folders[files]));
      record(`files${files}Jobs2`, lint('--jobs', '2', folders[files]));
    }
  }
  return { series, sizes, podsPerFile: PODS_PER_FILE };
}

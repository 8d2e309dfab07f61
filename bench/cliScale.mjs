// CLI cases of `npm run bench`: start-up on small inputs next to a bare `node -e 0`, many-file
// runs on one thread next to `--jobs 2`, and every case next to kubeconform (a Go binary) on the
// same inputs with the same strict schema, when a kubeconform binary is at hand. Each run gives
// wall time, CPU time of all threads and peak RSS, measured the same way for every command.
// Runs of the compared commands alternate, so all see the same machine state.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { podDocument } from './generatePods.mjs';
import { writeKubeconformSchemas } from './kubeconformSchemas.mjs';
import { strictSchemaPath } from './ylsSchema.mjs';

const PODS_PER_FILE = 10;
const GNU_TIME = '/usr/bin/time';
/**
 * Runs `"$@"` (GNU time wrapping the command) with its output discarded, and writes bash's `time`
 * of it: real, user and system seconds to the millisecond (GNU time's own figures stop at 10 ms).
 */
const TIMED_RUN =
  'TIMEFORMAT="%3R %3U %3S"; { time "$@" >/dev/null 2>"$POD_PATTERNS_BENCH_STDERR"; } 2>"$POD_PATTERNS_BENCH_TIMES"';

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (name) =>
  (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, name))
    .find(isExecutable);

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

/**
 * How a command is measured. With bash and GNU time (Linux): wall and CPU time (user + system,
 * all threads) from bash's `time`, peak RSS from GNU time's `%M`, the same for a Node process and
 * a Go binary; the wrapper's own fork and exec, a millisecond or so, fall on every command alike.
 * Without them, Node commands only: wall time seen from here, CPU time and peak RSS written by
 * the process itself as it exits (bench/cliProbe.cjs).
 */
function createMeasurer(cache) {
  const bash = onPath('bash');
  const external = Boolean(bash && isExecutable(GNU_TIME));
  const files = {
    times: path.join(cache, 'cli-times.txt'),
    rss: path.join(cache, 'cli-rss.txt'),
    stderr: path.join(cache, 'cli-stderr.txt'),
    probe: path.join(cache, 'cli-probe.json'),
  };
  const probe = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cliProbe.cjs');
  const failed = (command, args, status) =>
    new Error(`${[command, ...args].join(' ')} failed (${status}): ${readFileSync(files.stderr, 'utf8').slice(-2000)}`);

  function measureExternally(command, args) {
    for (const file of [files.times, files.rss, files.stderr]) rmSync(file, { force: true });
    const run = spawnSync(bash, ['-c', TIMED_RUN, 'bench', GNU_TIME, '-f', '%M', '-o', files.rss, command, ...args], {
      stdio: 'ignore',
      env: { ...process.env, POD_PATTERNS_BENCH_STDERR: files.stderr, POD_PATTERNS_BENCH_TIMES: files.times },
    });
    // Both linters exit 1 when they find something (the inputs hold misspelt fields on purpose).
    if (run.status !== 0 && run.status !== 1) throw failed(command, args, run.status);
    const [real, user, system] = readFileSync(files.times, 'utf8').trim().split(/\s+/).map(Number);
    // GNU time writes "Command exited with non-zero status 1" before its figure when the command fails.
    const peakRssKb = Number(readFileSync(files.rss, 'utf8').trim().split('\n').pop());
    return { wallMs: real * 1000, cpuMs: (user + system) * 1000, peakRssMb: peakRssKb / 1024 };
  }

  function measureNodeByProbe(args) {
    rmSync(files.probe, { force: true });
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--require', probe, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      env: { ...process.env, POD_PATTERNS_BENCH_PROBE: files.probe },
    });
    const wallMs = performance.now() - started;
    if (run.status !== 0 && run.status !== 1)
      throw new Error(`node ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
    const usage = JSON.parse(readFileSync(files.probe, 'utf8'));
    return { wallMs, cpuMs: usage.cpuMs, peakRssMb: usage.peakRssKb / 1024 };
  }

  return {
    method: external
      ? "wall and CPU time (user + system, all threads) from bash's `time`, peak RSS from GNU time's `%M`, for every command alike"
      : 'wall time seen by the benchmark, CPU time and peak RSS (VmHWM) written by the Node process as it exits',
    /** Whether a command that is not Node (kubeconform) can be measured at all. */
    external,
    node: (args) => (external ? measureExternally(process.execPath, args) : measureNodeByProbe(args)),
    binary: (command, args) => measureExternally(command, args),
  };
}

/**
 * The kubeconform binary to compare with, or why there is none. How it was built goes in the
 * README's note: `POD_PATTERNS_BENCH_KUBECONFORM_BUILD`, or the text file `<binary>.build.txt`.
 */
function findKubeconform(measurer) {
  const fromEnv = process.env.POD_PATTERNS_BENCH_KUBECONFORM;
  const binary = fromEnv || onPath('kubeconform');
  if (!binary)
    return { notRun: 'no kubeconform binary (set POD_PATTERNS_BENCH_KUBECONFORM or put kubeconform on PATH)' };
  if (!isExecutable(binary)) return { notRun: `POD_PATTERNS_BENCH_KUBECONFORM=${binary} is not an executable file` };
  if (!measurer.external) return { notRun: 'its CPU time and peak RSS need bash and /usr/bin/time' };
  const version = spawnSync(binary, ['-v'], { encoding: 'utf8' });
  return {
    binary,
    version: version.status === 0 ? version.stdout.trim() : 'version unknown',
    build: process.env.POD_PATTERNS_BENCH_KUBECONFORM_BUILD ?? buildNote(binary),
  };
}

/** How the binary was built, from `<binary>.build.txt` beside it when there is one (one line of text). */
function buildNote(binary) {
  try {
    return readFileSync(`${binary}.build.txt`, 'utf8').trim().replace(/\s+/g, ' ') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * kubeconform must validate what our CLI validates: on the ten-file folder every pod is checked
 * against our strict schema (none skipped for want of a schema) and exactly the misspelt fields
 * are reported. Returns why not, or undefined.
 */
function kubeconformMismatch(binary, schemaArgs, folder) {
  const run = spawnSync(binary, [...schemaArgs, '-summary', '-output', 'json', folder], { encoding: 'utf8' });
  let summary;
  try {
    summary = JSON.parse(run.stdout).summary;
  } catch {
    return `kubeconform printed no JSON summary (${run.status}): ${(run.stderr || run.stdout).slice(0, 500)}`;
  }
  const pods = 10 * PODS_PER_FILE;
  const misspelt =
    Array.from({ length: pods }, (_, i) => podDocument(i))
      .join('')
      .split('imagePullPolcy').length - 1;
  const expected = { valid: pods - misspelt, invalid: misspelt, errors: 0, skipped: 0 };
  return JSON.stringify(summary) === JSON.stringify(expected)
    ? undefined
    : `kubeconform's summary on 10 × ${PODS_PER_FILE} pods is ${JSON.stringify(summary)}, expected ${JSON.stringify(expected)}`;
}

/**
 * @param {{ root: string, cache: string, quick: boolean, runs: number, log: (message: string) => void }} setup
 * @returns the measured series by case, each a list of { wallMs, cpuMs, peakRssMb }, and how kubeconform ran
 */
export function benchCliScale({ root, cache, quick, runs, log }) {
  const cli = path.join(root, 'server', 'out', 'cli.js');
  const onePod = path.join(cache, 'cli-1-pod.yaml');
  writeFileSync(onePod, podDocument(1));
  const sizes = quick ? [10, 200] : [10, 1000, 5000];
  const folders = Object.fromEntries(sizes.map((files) => [files, manyFiles(cache, files)]));
  // bench/.cache is in .gitignore: without --no-gitignore the CLI would skip the inputs.
  const lint = (...args) => [cli, 'lint', '--format', 'json', '--no-gitignore', ...args];
  const measurer = createMeasurer(cache);
  const series = {};
  const record = (name, measured) => (series[name] ??= []).push(measured);
  const ours = (name, args) => record(name, measurer.node(args));

  const schemas = writeKubeconformSchemas(strictSchemaPath(root, cache), path.join(cache, 'kubeconform-schemas'));
  // `-strict` as the schemas are strict too: it also rejects duplicate keys, as our CLI does.
  const schemaArgs = ['-strict', '-schema-location', schemas.template];
  const kubeconform = {
    ...findKubeconform(measurer),
    flags: ['-strict', '-output', 'json'],
    schemaLocation: schemas.template,
  };
  if (kubeconform.binary) {
    const mismatch = kubeconformMismatch(kubeconform.binary, schemaArgs, folders[10]);
    if (mismatch) kubeconform.notRun = mismatch;
  }
  if (kubeconform.notRun) {
    log(`NOTE: kubeconform not run: ${kubeconform.notRun}`);
    delete kubeconform.binary;
  }
  const theirs = (name, ...args) => {
    if (kubeconform.binary)
      record(name, measurer.binary(kubeconform.binary, [...schemaArgs, '-output', 'json', ...args]));
  };

  // The first runs write the compile cache the later ones use (as a user's first run does) and
  // bring every input into the page cache.
  measurer.node(lint(onePod));
  theirs('kubeconformWarmUp', onePod);
  delete series.kubeconformWarmUp;
  log('CLI start-up…');
  for (let i = 0; i < runs; i++) {
    ours('bareNode', ['-e', '0']);
    ours('onePod', lint(onePod));
    theirs('kubeconformOnePod', onePod);
    ours('tenByTen', lint('--jobs', '1', folders[10]));
    theirs('kubeconformTenByTen', folders[10]);
  }
  for (const files of sizes.slice(1)) {
    log(`CLI, ${files} files × ${PODS_PER_FILE} pods…`);
    const bigRuns = files >= 5000 ? Math.min(runs, 3) : runs;
    for (let i = 0; i < bigRuns; i++) {
      ours(`files${files}`, lint('--jobs', '1', folders[files]));
      ours(`files${files}Jobs2`, lint('--jobs', '2', folders[files]));
      // Its default: four validating goroutines. `-n 1` is the nearest to our one thread.
      theirs(`kubeconformFiles${files}`, folders[files]);
      theirs(`kubeconformFiles${files}N1`, '-n', '1', folders[files]);
    }
  }
  return { series, sizes, podsPerFile: PODS_PER_FILE, kubeconform, method: measurer.method };
}

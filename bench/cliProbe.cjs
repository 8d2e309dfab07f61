// Preloaded into a benchmarked CLI run (`node --require bench/cliProbe.cjs …`): as the process
// exits, writes its peak RSS (all threads) and CPU time to the file POD_PATTERNS_BENCH_PROBE names.
const { writeFileSync } = require('node:fs');

const target = process.env.POD_PATTERNS_BENCH_PROBE;
// Lint workers inherit the preload; their process-wide figures are the main thread's to write, last.
if (target && process.argv[2] !== '--pod-patterns-lint-worker') {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({ peakRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }),
    );
  });
}

// Preloaded into a benchmarked CLI run (`node --require bench/cliProbe.cjs …`) when /usr/bin/time
// is absent: as the process exits, writes its peak RSS (all threads) and CPU time to the file
// POD_PATTERNS_BENCH_PROBE names.
const { readFileSync, writeFileSync } = require('node:fs');

const target = process.env.POD_PATTERNS_BENCH_PROBE;

/**
 * The process's own high-water RSS (kB). Not `process.resourceUsage().maxRSS`: on Linux a spawned
 * child's ru_maxrss keeps the high-water mark of the forked copy of its parent from before exec,
 * so every run would read at least the benchmark process's own size.
 */
function peakRssKb() {
  try {
    const vmHwm = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (vmHwm) return Number(vmHwm[1]);
  } catch {
    // No /proc (macOS, Windows): ru_maxrss is the only figure there.
  }
  return process.resourceUsage().maxRSS;
}

// Lint workers inherit the preload; their process-wide figures are the main thread's to write, last.
if (target && process.argv[2] !== '--pod-patterns-lint-worker') {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({ peakRssKb: peakRssKb(), cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }),
    );
  });
}

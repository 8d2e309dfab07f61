import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLanguageService, DEFAULT_SETTINGS, THROWING_LOGGER } from '../../../server/src/service';
import type { FileReport, UnreadableInput } from '../../../server/src/cli/formats/report';
import { collectInputs, type InputSource } from '../../../server/src/cli/inputs';
import { autoThreads, AUTO_BYTES_PER_THREAD, lintFiles, type LintFileOptions } from '../../../server/src/cli/lintFiles';
import { QUEUE_DEPTH } from '../../../server/src/cli/lintWorkers';

const service = createLanguageService({ logger: THROWING_LOGGER });
const OPTIONS: LintFileOptions = { categories: [], countFixable: true, lineTexts: true };

function pod(index: number): string {
  // Every third pod misspells a field (a schema error), every fifth reuses a container name.
  const extra = index % 3 === 0 ? '      imagePullPolcy: Always\n' : '';
  const second = index % 5 === 0 ? 'app' : 'side';
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${index}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n${extra}    - name: ${second}\n      image: busybox:1.36\n`;
}

function collect(dir: string): InputSource[] {
  const collected = collectInputs([dir], {
    readStdin: () => '',
    isIgnored: () => false,
    gitignore: false,
  });
  assert.deepEqual(collected.unmatched, []);
  return collected.inputs;
}

function run(sources: readonly InputSource[], threads: number) {
  const outcomes: (FileReport | UnreadableInput)[] = [];
  const stats = lintFiles(
    service,
    sources,
    { settingsFor: () => DEFAULT_SETTINGS, readStdin: () => '', options: OPTIONS, threads },
    { report: (report) => outcomes.push(report), unreadable: (input) => outcomes.push(input) },
  );
  return { outcomes, stats };
}

describe('lint streams its inputs', () => {
  let dir: string;
  const FILES = 60;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pod-patterns-stream-'));
    // Sizes vary (1 to 12 pods), so workers take them in another order than the input's.
    for (let file = 0; file < FILES; file++) {
      const pods = Array.from({ length: 1 + ((file * 7) % 12) }, (_, i) => pod(file * 100 + i));
      writeFileSync(path.join(dir, `f-${String(file).padStart(3, '0')}.yaml`), pods.join('---\n'));
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('collects paths without reading them: a file is read when its turn comes', () => {
    const file = path.join(dir, 'late.yaml');
    writeFileSync(file, pod(3));
    try {
      const sources = collect(dir).filter((source) => source.path === file);
      assert.deepEqual(sources, [{ path: file, from: 'file' }]);
      // Written after collection: the lint sees the text as it is now.
      writeFileSync(file, 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n');
      const { outcomes } = run(sources, 1);
      const codes = (outcomes[0] as FileReport).findings.map((finding) => finding.code);
      assert.ok(codes.includes('yaml-syntax'), codes.join(', '));
    } finally {
      rmSync(file);
    }
  });

  it('holds one text at a time on one thread and keeps only compact reports', () => {
    const sources = collect(dir);
    const { outcomes, stats } = run(sources, 1);
    assert.equal(stats.threads, 1);
    assert.equal(stats.peakInFlight, 1);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.path),
      sources.map((source) => source.path),
    );
    for (const outcome of outcomes) {
      assert.deepEqual(Object.keys(outcome).sort(), ['findings', 'fixable', 'path', 'podCount']);
      for (const finding of (outcome as FileReport).findings)
        assert.deepEqual(Object.keys(finding).sort(), ['code', 'end', 'lineText', 'message', 'severity', 'start']);
    }
    const codes = new Set(outcomes.flatMap((outcome) => (outcome as FileReport).findings.map((f) => f.code)));
    assert.ok(codes.has('schema') && codes.has('duplicate-container-name'), [...codes].join(', '));
  });

  it('gives the same reports in input order on worker threads, each holding at most its queue', () => {
    const sources = collect(dir);
    const one = run(sources, 1);
    const three = run(sources, 3);
    assert.equal(three.stats.threads, 3);
    assert.ok(three.stats.peakInFlight >= 2, `${three.stats.peakInFlight} files in flight`);
    assert.ok(
      three.stats.peakInFlight <= 2 * QUEUE_DEPTH + 1,
      `${three.stats.peakInFlight} files in flight, more than two workers' queues and the main thread's file`,
    );
    assert.deepEqual(three.outcomes, one.outcomes);
  });

  it('reports an input that cannot be read in its place, on any number of threads', () => {
    const sources: InputSource[] = [...collect(dir).slice(0, 5), { path: path.join(dir, 'gone.yaml'), from: 'file' }];
    for (const threads of [1, 2]) {
      const { outcomes } = run(sources, threads);
      assert.deepEqual(outcomes[5], { path: path.join(dir, 'gone.yaml'), error: 'no such file or directory' });
      assert.equal(outcomes.length, 6);
    }
  });
});

describe('--jobs auto', () => {
  it('stays on one thread for a single core, a single file or little YAML', () => {
    assert.equal(autoThreads(100, 100 * AUTO_BYTES_PER_THREAD, 1), 1);
    assert.equal(autoThreads(1, 100 * AUTO_BYTES_PER_THREAD, 8), 1);
    assert.equal(autoThreads(100, AUTO_BYTES_PER_THREAD * 1.5, 8), 1);
  });

  it('uses a thread per core when each gets enough YAML, never more threads than files', () => {
    assert.equal(autoThreads(1000, 16 * AUTO_BYTES_PER_THREAD, 2), 2);
    assert.equal(autoThreads(1000, 3 * AUTO_BYTES_PER_THREAD, 8), 3);
    assert.equal(autoThreads(2, 100 * AUTO_BYTES_PER_THREAD, 8), 2);
  });

  it('takes a second thread on 2 cores only where the benchmark found it faster', () => {
    // bench/cliScale.mjs inputs: 1,000 files of ten pods (13.3 MB) ran slower on --jobs 2, 5,000 (66.6 MB) faster.
    assert.equal(autoThreads(1000, 13_331_879, 2), 1);
    assert.equal(autoThreads(5000, 66_642_944, 2), 2);
    // 2,000 pods in 8 files (2.7 MB) and the real-world corpus (1.2 MB) ran slower on --jobs 2 too.
    assert.equal(autoThreads(8, 2_663_872, 2), 1);
    assert.equal(autoThreads(531, 1_172_164, 8), 1);
  });
});

// Runs the CLI over the shared real-world corpus (../shared/corpus beside the repo) and the
// seed pods, and fails when a file the API server accepts gets an error diagnostic.
// Prints how many of the invalid files were caught. Not part of `npm test`: a fresh clone
// has no ../shared; CI has it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.POD_PATTERNS_SHARED ?? path.resolve(root, '..', 'shared');
const corpus = path.join(shared, 'corpus');
const seeds = path.join(shared, 'seed-pods');
const cli = path.join(root, 'server', 'out', 'cli.js');

if (!existsSync(path.join(corpus, 'index.tsv'))) {
  console.log(`!!! test:corpus SKIPPED: no corpus at ${corpus} (set POD_PATTERNS_SHARED to its parent folder)`);
  process.exit(process.env.CI ? 1 : 0);
}
if (!existsSync(cli)) {
  console.error('test:corpus: build first (npm run build)');
  process.exit(2);
}

function lint(target) {
  const started = process.hrtime.bigint();
  let stdout;
  try {
    stdout = execFileSync(process.execPath, [cli, 'lint', '--format', 'json', target], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    if (error.status !== 1) throw error;
    stdout = error.stdout;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { report: JSON.parse(stdout), ms };
}

const rows = readFileSync(path.join(corpus, 'index.tsv'), 'utf8').trim().split('\n');
const header = rows.shift().split('\t');
const pathColumn = header.indexOf('path');
const verdictColumn = header.indexOf('expected_verdict');
const verdicts = new Map(rows.map((row) => row.split('\t')).map((cells) => [cells[pathColumn], cells[verdictColumn]]));

const { report, ms } = lint(corpus);
const failures = [];
let invalidFiles = 0;
let invalidCaught = 0;
let validFiles = 0;
const missed = [];
for (const file of report.files) {
  const relative = path.relative(corpus, file.path).split(path.sep).join('/');
  const verdict = verdicts.get(relative);
  const errors = file.diagnostics.filter((d) => d.severity === 'error');
  if (verdict === 'valid') {
    validFiles++;
    for (const error of errors)
      failures.push(
        `${relative}:${error.range.start.line + 1}:${error.range.start.character + 1} ${error.code} ${error.message}`,
      );
  } else if (verdict === 'invalid') {
    invalidFiles++;
    if (errors.length > 0) invalidCaught++;
    else missed.push(relative);
  }
}

const seedReport = existsSync(seeds) ? lint(seeds).report : { files: [] };
for (const file of seedReport.files) {
  for (const error of file.diagnostics.filter((d) => d.severity === 'error')) {
    failures.push(`seed ${path.basename(file.path)}:${error.range.start.line + 1} ${error.code} ${error.message}`);
  }
}

console.log(`corpus: ${report.files.length} YAML files linted in ${ms.toFixed(0)} ms`);
console.log(
  `valid files: ${validFiles}, with an error diagnostic: ${new Set(failures.filter((f) => !f.startsWith('seed ')).map((f) => f.split(':')[0])).size}`,
);
console.log(`invalid files: ${invalidFiles}, caught (at least one error): ${invalidCaught}`);
if (missed.length) console.log(`invalid files not caught:\n  ${missed.join('\n  ')}`);
console.log(
  `seed pods: ${seedReport.files.length} files, errors: ${failures.filter((f) => f.startsWith('seed ')).length}`,
);
if (failures.length) {
  console.error(`\nFALSE ALARMS (errors on files the API server accepts):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('test:corpus passed');

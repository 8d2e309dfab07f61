// Runs every insert-pattern action and every quick fix on every pod of the shared corpus and
// the seed pods (../shared beside the repo): each result must parse, keep every original line
// (inserts), and add no error. Prints the counts. Needs `npm run build` first (reads build/).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.POD_PATTERNS_SHARED ?? path.resolve(root, '..', 'shared');
const require = createRequire(import.meta.url);
const service = path.join(root, 'build', 'server', 'src', 'service');
if (!existsSync(service)) {
  console.error('test:authoring-corpus: build first (npm run build)');
  process.exit(2);
}
const { ParsedFile, DEFAULT_SETTINGS } = require(path.join(service, 'index.js'));
const { insertPattern } = require(path.join(service, 'actions', 'insert', 'insertPattern.js'));
const { PATTERNS } = require(path.join(service, '..', 'shared', 'patternCatalog.js'));
const { fixesFor } = require(path.join(service, 'actions', 'index.js'));
const { applyEdits } = require(path.join(service, 'edits', 'textEdits.js'));

const dirs = [path.join(shared, 'corpus'), path.join(shared, 'seed-pods')].filter((dir) => existsSync(dir));
if (dirs.length === 0) {
  console.log(
    `!!! test:authoring-corpus SKIPPED: no corpus or seed pods under ${shared} (set POD_PATTERNS_SHARED to its parent folder)`,
  );
  process.exit(process.env.CI ? 1 : 0);
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return /\.ya?ml$/i.test(name) ? [full] : [];
  });
}

const errorsOf = (text) =>
  new ParsedFile(text).findings(DEFAULT_SETTINGS).filter((finding) => finding.severity === 'error');
const syntaxOf = (text) =>
  new ParsedFile(text)
    .findings(DEFAULT_SETTINGS)
    .filter((finding) => finding.code === 'yaml-syntax' || finding.code === 'duplicate-key');
const failures = [];
let inserts = 0;
let refused = 0;
let fixes = 0;
let pods = 0;
const started = Date.now();

for (const file of dirs.flatMap(walk)) {
  const before = readFileSync(file, 'utf8');
  const analysis = new ParsedFile(before);
  if (!analysis.hasPods) continue;
  const baseErrors = errorsOf(before).length;
  const baseSyntax = syntaxOf(before).length;
  const lines = before.split(/\r?\n/);
  for (const located of analysis.pods) {
    pods++;
    for (const pattern of PATTERNS) {
      const label = `${path.relative(shared, file)} pod ${located.pod.name ?? '?'} + ${pattern.kind}`;
      try {
        const result = insertPattern(located, { kind: pattern.kind }, DEFAULT_SETTINGS);
        if (!result.ok) {
          refused++;
          continue;
        }
        const after = applyEdits(before, result.edits);
        if (syntaxOf(after).length > baseSyntax) failures.push(`${label}: does not parse`);
        else if (errorsOf(after).length > baseErrors)
          failures.push(
            `${label}: new error ${errorsOf(after)
              .map((finding) => finding.code)
              .join(', ')}`,
          );
        const kept = after.split(/\r?\n/);
        let at = 0;
        for (const line of lines) {
          const wanted = kept.includes(line) ? line : line.replace(/: \[\]$/, ':');
          while (at < kept.length && kept[at] !== wanted) at++;
          if (at++ >= kept.length) {
            failures.push(`${label}: lost line ${JSON.stringify(line)}`);
            break;
          }
        }
        inserts++;
      } catch (error) {
        failures.push(`${label}: threw ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
  }
  for (const finding of analysis.findings(DEFAULT_SETTINGS)) {
    const target = { code: finding.code, start: finding.range.start, end: finding.range.end, data: finding.data };
    let offered;
    try {
      offered = fixesFor(analysis, target, DEFAULT_SETTINGS);
    } catch (error) {
      failures.push(`${path.relative(shared, file)}: fixes for ${finding.code} threw ${String(error)}`);
      continue;
    }
    for (const fix of offered) {
      const label = `${path.relative(shared, file)}: ${finding.code} → ${fix.title}`;
      try {
        const after = applyEdits(before, fix.edits);
        if (syntaxOf(after).length > baseSyntax) failures.push(`${label}: does not parse`);
        else if (errorsOf(after).length > baseErrors)
          failures.push(
            `${label}: new error ${errorsOf(after)
              .map((f) => f.code)
              .join(', ')}`,
          );
        fixes++;
      } catch (error) {
        failures.push(`${label}: threw ${String(error)}`);
      }
    }
  }
}

console.log(
  `authoring corpus: ${pods} pods, ${inserts} insertions (${refused} refused with a reason), ${fixes} fixes applied, ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
for (const failure of failures.slice(0, 50)) console.log(`  FAIL ${failure}`);
process.exit(failures.length ? 1 : 0);

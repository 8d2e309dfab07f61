import { SHARED_DIR } from '../../support/shared';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, ParsedFile, type ServiceSettings } from '../../../server/src/service';
import { REPO_ROOT } from '../../support/repo';
import { yaml } from '../../support/text';

export const repoRoot = REPO_ROOT;
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'authoring');

export function readFixture(...parts: string[]): string {
  return readFileSync(path.join(fixturesDir, ...parts), 'utf8');
}

/**
 * Compares a result with its golden file. `UPDATE_GOLDEN=1 npm test` writes missing or
 * changed files; they are reviewed by reading them before committing.
 */
export function assertGolden(actual: string, ...parts: string[]): void {
  const file = path.join(fixturesDir, ...parts);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  assert.ok(
    existsSync(file),
    `golden file ${path.relative(repoRoot, file)} is missing (run with UPDATE_GOLDEN=1 and review it)`,
  );
  assert.equal(actual, readFileSync(file, 'utf8'), `differs from ${path.relative(repoRoot, file)}`);
}

/** Error and warning findings as `code: message` lines, sorted. */
export function problems(text: string, settings: ServiceSettings = DEFAULT_SETTINGS): string[] {
  return new ParsedFile(text)
    .findings(settings)
    .filter((finding) => finding.severity === 'error' || finding.severity === 'warning')
    .map((finding) => `${finding.severity} ${finding.code}`)
    .sort();
}

/** Problems of `after` that `before` did not have (as a multiset of severity + code). */
export function newProblems(before: string, after: string, settings: ServiceSettings = DEFAULT_SETTINGS): string[] {
  const remaining = problems(before, settings);
  const added: string[] = [];
  for (const problem of problems(after, settings)) {
    const at = remaining.indexOf(problem);
    if (at >= 0) remaining.splice(at, 1);
    else added.push(problem);
  }
  return added;
}

/**
 * Every line of `before` appears in `after`, in the same order (edits only insert lines);
 * the one rewrite allowed is an empty value (`key: []`, `key: ~`, `key: null`) opened into a
 * block list `key:`, a comment after it kept.
 */
export function assertKeepsEveryLine(before: string, after: string, label: string): void {
  const kept = after.split(/\r?\n/);
  let at = 0;
  for (const original of before.split(/\r?\n/)) {
    const line = kept.includes(original) ? original : original.replace(/: (?:\[\]|~|null)( #.*)?$/, ':$1');
    while (at < kept.length && kept[at] !== line) at++;
    assert.ok(at < kept.length, `${label}: original line lost or changed: ${JSON.stringify(line)}`);
    at++;
  }
}

export function syntaxErrors(text: string): string[] {
  return new ParsedFile(text)
    .findings(DEFAULT_SETTINGS)
    .filter((finding) => finding.code === 'yaml-syntax' || finding.code === 'duplicate-key')
    .map((finding) => finding.message);
}

/** A folder of the shared manifests, when this machine has it. */
export function sharedDir(...parts: string[]): string | undefined {
  const dir = path.join(SHARED_DIR, ...parts);
  return existsSync(dir) ? dir : undefined;
}

/** A one-container pod whose main container `name` runs `image`, with `extra` lines of its own (ports, command). */
export function podRunning(image: string, extra = '', name = 'app'): string {
  return yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: ${name}
    spec:
      containers:
      - name: ${name}
        image: ${image}${extra}
        resources:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {cpu: 500m, memory: 256Mi}
  `;
}

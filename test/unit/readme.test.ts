import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULE_CATALOGUE } from '../../server/src/rules';
import { renderRuleTables, replaceGeneratedSection } from '../../server/src/rules/engine/catalogue';
import { NON_RULE_CODES } from '../../server/src/service/actions/fixes';
import { REPO_ROOT } from '../support/repo';

const repo = REPO_ROOT;
const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');

test('the README rule tables are the ones generated from the catalogue (npm run gen:readme-rules)', () => {
  assert.equal(
    readme,
    replaceGeneratedSection(readme, renderRuleTables(RULE_CATALOGUE)),
    'README.md is stale: run npm run gen:readme-rules',
  );
  for (const rule of RULE_CATALOGUE)
    assert.ok(
      readme.includes(`| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.severity} |`),
      `README row of ${rule.id}`,
    );
});

const CATEGORY_NOTES = {
  api: "the Kubernetes API server's own checks",
  pattern: 'multi-container pattern mistakes',
  practice: 'good practice',
} as const;
const RULE_HEADINGS = [
  '## What it checks',
  '## Why',
  '## Example that fires',
  '## Example that does not fire',
  '## Fix',
  '## Configure',
];
const NON_RULE_HEADINGS = ['## What it checks', '## Why', '## Example that fires', '## Fix'];

function headingsOf(page: string): string[] {
  return page.split('\n').filter((line) => line.startsWith('## '));
}

function pageOf(code: string): string {
  const file = path.join(repo, 'docs', 'rules', `${code}.md`);
  assert.ok(existsSync(file), `docs/rules/${code}.md is missing`);
  return readFileSync(file, 'utf8');
}

/** The rule-page template: title, category and severity line, the summary, then the sections in order. */
test('every rule page follows the template and agrees with the catalogue', () => {
  for (const rule of RULE_CATALOGUE) {
    const page = pageOf(rule.id);
    const [title, , header, , summary] = page.split('\n');
    assert.equal(title, `# \`${rule.id}\``);
    assert.equal(
      header,
      `Category: \`${rule.category}\` (${CATEGORY_NOTES[rule.category]}) · Default severity: \`${rule.severity}\``,
      `${rule.id} header`,
    );
    assert.equal(summary, rule.summary, `${rule.id} summary`);
    assert.deepEqual(headingsOf(page), RULE_HEADINGS, `${rule.id} sections`);
    // The quick-fix line is the catalogue's (derived from the fixers); no page claims one its rule lacks.
    const quickFix = page.split('\n').filter((line) => line.startsWith('Quick fix:'));
    assert.deepEqual(quickFix, rule.fix ? [`Quick fix: ${rule.fix}`] : [], `${rule.id} quick fix`);
  }
});

test('every non-rule code has a page in the same form', () => {
  for (const code of NON_RULE_CODES) {
    const page = pageOf(code);
    assert.equal(page.split('\n')[0], `# \`${code}\``);
    assert.match(
      page.split('\n')[2]!,
      /^Category: `[a-z]+` \(not a rule: no level setting\) · Severity: `(error|warning|information|hint)`/,
    );
    const headings = headingsOf(page);
    assert.deepEqual(
      headings.filter((heading) => NON_RULE_HEADINGS.includes(heading)),
      NON_RULE_HEADINGS,
      `${code} sections`,
    );
  }
});

test('the README gives the two set-up commands', () => {
  assert.match(readme, /npm install && npm run demo/);
  assert.match(readme, /^npm test\b/m);
});

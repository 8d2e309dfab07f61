import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULE_CATALOGUE } from '../../server/src/rules';

const repo = path.resolve(__dirname, '../../..');
const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');

test('the README lists every rule with its severity and a link to its page', () => {
  for (const rule of RULE_CATALOGUE) {
    const row = readme.split('\n').find((line) => line.startsWith(`| [\`${rule.id}\`](docs/rules/${rule.id}.md) |`));
    assert.ok(row, `README has a row for ${rule.id}`);
    assert.match(row, new RegExp(`\\| ${rule.severity} \\|`), `${rule.id} is listed as ${rule.severity}`);
  }
});

test('every code a diagnostic can carry has a page in docs/rules/', () => {
  const codes = [...RULE_CATALOGUE.map((rule) => rule.id), 'schema', 'field-version', 'target-version', 'yaml-syntax', 'duplicate-key', 'template-skipped'];
  for (const code of codes) assert.ok(existsSync(path.join(repo, 'docs', 'rules', `${code}.md`)), `docs/rules/${code}.md exists`);
});

test('the README gives the two set-up commands', () => {
  assert.match(readme, /npm install && npm run demo/);
  assert.match(readme, /^npm test\b/m);
});

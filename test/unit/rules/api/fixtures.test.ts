import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { API_RULES } from '../../../../server/src/rules/api';
import { byPosition, fixtureFiles, lint, parseFixture, repoRoot } from './ruleFixtures';

const API_RULE_IDS = new Set<string>(API_RULES.map((rule) => rule.id));

for (const rule of API_RULES) {
  describe(`rule ${rule.id}`, () => {
    const files = fixtureFiles(rule.id);

    it('has a doc page with what, why, examples and the fix', () => {
      const page = path.join(repoRoot(), 'docs', 'rules', `${rule.id}.md`);
      assert.ok(existsSync(page), `docs/rules/${rule.id}.md is missing`);
      const text = readFileSync(page, 'utf8');
      for (const heading of ['## What it checks', '## Why', '## Example that fires', '## Example that does not fire', '## Fix']) {
        assert.ok(text.includes(heading), `docs/rules/${rule.id}.md lacks "${heading}"`);
      }
    });

    it('has fixtures where it fires and where it does not', () => {
      assert.ok(files.some((file) => file.startsWith('fire-')), `test/fixtures/rules/${rule.id}/fire-*.yaml is missing`);
      assert.ok(files.some((file) => file.startsWith('pass-')), `test/fixtures/rules/${rule.id}/pass-*.yaml is missing`);
    });

    for (const file of files) {
      const fixture = parseFixture(rule.id, file);
      if (fixture.kind === 'fire') {
        it(`${file}: reports exactly the expected findings`, () => {
          assert.ok(fixture.expected.length > 0, `${file} has no "# expect:" lines`);
          const actual = lint(fixture.text, fixture.settings).filter((finding) => finding.finding.code === rule.id).sort(byPosition);
          const expected = [...fixture.expected].sort(byPosition);
          assert.deepEqual(
            actual.map((finding) => `${finding.severity} ${finding.range}`),
            expected.map((finding) => `${finding.severity} ${finding.range}`),
          );
          actual.forEach((finding, index) => {
            assert.ok(finding.message.startsWith(expected[index]!.messageStart), `message at ${finding.range}:\n  ${finding.message}\nshould start with\n  ${expected[index]!.messageStart}`);
          });
        });
      } else {
        it(`${file}: reports nothing, and no api rule reports an error`, () => {
          const findings = lint(fixture.text, fixture.settings);
          assert.deepEqual(findings.filter((finding) => finding.finding.code === rule.id).map((finding) => finding.message), []);
          assert.deepEqual(
            findings.filter((finding) => API_RULE_IDS.has(finding.finding.code) && finding.severity === 'error').map((finding) => `${finding.finding.code}: ${finding.message}`),
            [],
          );
        });
      }
    }
  });
}

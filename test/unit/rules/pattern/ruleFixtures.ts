import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ParsedFile, resolveSettings, type ServiceSettings } from '../../../../server/src/service';

export const REPO_ROOT = path.resolve(__dirname, '../../../../..');
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/rules');

interface ExpectedFinding {
  readonly line: number;
  /** The exact text the finding's range covers. */
  readonly text: string;
  readonly severity: string;
  readonly message: string;
  readonly related?: number;
  /** Keys that must be present with these values (deep-equal). */
  readonly data?: Record<string, unknown>;
}

/** `# settings: {...}` on the first line of a fixture sets the service settings. */
function settingsOf(text: string): ServiceSettings {
  const match = /^# settings: (\{.*\})\s*$/m.exec(text.split('\n')[0] ?? '');
  return resolveSettings(match ? JSON.parse(match[1]!) : {});
}

export function findingsOf(text: string, ruleId: string, settings = settingsOf(text)) {
  const analysis = new ParsedFile(text);
  return analysis.findings(settings).filter((finding) => finding.code === ruleId).map((finding) => ({ finding, analysis }));
}

/**
 * Runs `test/fixtures/rules/<id>/`: every `fires-*.yaml` must yield exactly the findings of
 * its `.expected.json` (line, covered text, severity, message part, related count, data),
 * every `ok-*.yaml` none of this rule.
 */
export function testRuleFixtures(ruleId: string): void {
  const dir = path.join(FIXTURES, ruleId);
  const files = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.yaml')).sort() : [];
  test(`${ruleId}: has fixtures that fire and fixtures that do not`, () => {
    assert.ok(files.some((file) => file.startsWith('fires-')), `no fires-*.yaml in ${dir}`);
    assert.ok(files.some((file) => file.startsWith('ok-')), `no ok-*.yaml in ${dir}`);
  });
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    test(`${ruleId}: ${file}`, () => {
      const found = findingsOf(text, ruleId);
      if (file.startsWith('ok-')) {
        assert.deepEqual(found.map(({ finding }) => finding.message), [], `${file} must not report ${ruleId}`);
        return;
      }
      const expected: ExpectedFinding[] = JSON.parse(readFileSync(path.join(dir, file.replace(/\.yaml$/, '.expected.json')), 'utf8')).findings;
      assert.equal(found.length, expected.length, `findings: ${found.map(({ finding }) => finding.message).join(' | ')}`);
      expected.forEach((want, index) => {
        const { finding, analysis } = found[index]!;
        assert.equal(analysis.lineIndex.positionAt(finding.range.start).line + 1, want.line, `line of ${finding.message}`);
        assert.equal(text.slice(finding.range.start, finding.range.end), want.text);
        assert.equal(finding.severity, want.severity);
        assert.ok(finding.message.includes(want.message), `"${finding.message}" should contain "${want.message}"`);
        if (want.related !== undefined) assert.equal(finding.related?.length ?? 0, want.related);
        for (const [key, value] of Object.entries(want.data ?? {})) assert.deepEqual(finding.data?.[key], value, `data.${key}`);
      });
    });
  }
}

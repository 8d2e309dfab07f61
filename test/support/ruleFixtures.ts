import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Rule } from '../../server/src/rules/types';
import {
  ParsedFile,
  resolveSettings,
  type FileFinding,
  type RuleLevel,
  type ServiceSettings,
} from '../../server/src/service';
import { fixAllOfKind } from '../../server/src/service/actions';
import { applyEdits } from '../../server/src/service/edits/textEdits';
import { THROWING_LOGGER } from '../../server/src/service/logger';
import { isRuleLevel, isRulePreset, type RulePreset } from '../../server/src/service/settings';
import { REPO_ROOT } from './repo';

export const RULE_FIXTURES_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'rules');

export interface ExpectedFinding {
  readonly severity: string;
  /** `line:col-line:col`, 1-based like editors and the CLI show them. */
  readonly range: string;
  readonly messageStart: string;
  /** Keys of the finding's data that must have these values (deep-equal). */
  readonly data?: Readonly<Record<string, unknown>>;
  /** How many related locations the finding points at. */
  readonly related?: number;
}

export interface RuleFixture {
  readonly ruleId: string;
  readonly file: string;
  readonly kind: 'fire' | 'pass';
  readonly text: string;
  readonly settings: ServiceSettings;
  readonly expected: readonly ExpectedFinding[];
  /** `fire-x.fixed.yaml`: the text once every preferred fix of the rule is applied. */
  readonly fixed?: string;
}

const EXPECT = /^# expect: (error|warning|information|hint) (\d+:\d+-\d+:\d+) (.+)$/;
const EXPECT_DATA = /^# expect-data: (\{.*\})$/;
const EXPECT_RELATED = /^# expect-related: (\d+)$/;
const SETTING = /^# settings: (.+)$/;

/**
 * The one fixture format (ESLint's RuleTester in files): `test/fixtures/rules/<id>/`
 * holds `fire-*.yaml` and `pass-*.yaml`. Header comments: `# settings: kubernetesVersion=1.31
 * preset=strict rules.<id>=warning`; in fire fixtures one `# expect: <severity> <range> <message start>` per
 * finding of the rule, each optionally followed by `# expect-data: {json}` (keys that must
 * match) and `# expect-related: <n>`. A fixable fire fixture has `fire-*.fixed.yaml` next to
 * it: the text after the rule's preferred fixes ("fix all").
 */
export function parseFixture(ruleId: string, file: string): RuleFixture {
  const text = readFileSync(path.join(RULE_FIXTURES_DIR, ruleId, file), 'utf8');
  const expected: ExpectedFinding[] = [];
  let kubernetesVersion: string | undefined;
  let preset: RulePreset | undefined;
  const rules: Record<string, RuleLevel> = {};
  for (const line of text.split(/\r?\n/)) {
    const expect = EXPECT.exec(line);
    if (expect) expected.push({ severity: expect[1]!, range: expect[2]!, messageStart: expect[3]! });
    const data = EXPECT_DATA.exec(line);
    if (data) expected.push({ ...expected.pop()!, data: JSON.parse(data[1]!) });
    const related = EXPECT_RELATED.exec(line);
    if (related) expected.push({ ...expected.pop()!, related: Number(related[1]) });
    const setting = SETTING.exec(line);
    if (setting) {
      for (const entry of setting[1]!.split(/\s+/)) {
        const [key, value] = entry.split('=');
        if (key === 'kubernetesVersion') kubernetesVersion = value;
        else if (key === 'preset' && isRulePreset(value)) preset = value;
        else if (key?.startsWith('rules.') && isRuleLevel(value)) rules[key.slice('rules.'.length)] = value;
        else throw new Error(`${ruleId}/${file}: unknown setting "${entry}"`);
      }
    }
  }
  const kind = file.startsWith('fire-') ? 'fire' : 'pass';
  const fixedPath = path.join(RULE_FIXTURES_DIR, ruleId, file.replace(/\.ya?ml$/, '.fixed.yaml'));
  return {
    ruleId,
    file,
    kind,
    text,
    expected,
    settings: resolveSettings({
      ...(kubernetesVersion ? { kubernetesVersion } : {}),
      ...(preset ? { preset } : {}),
      rules,
    }),
    ...(existsSync(fixedPath) ? { fixed: readFileSync(fixedPath, 'utf8') } : {}),
  };
}

/** The inputs of one rule's fixtures (not the `.fixed.yaml` outputs). */
export function fixtureFiles(ruleId: string): string[] {
  const dir = path.join(RULE_FIXTURES_DIR, ruleId);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => /^(fire|pass)-.*\.ya?ml$/.test(file) && !file.endsWith('.fixed.yaml'))
        .sort()
    : [];
}

export interface ActualFinding {
  readonly severity: string;
  readonly range: string;
  readonly message: string;
  readonly finding: FileFinding;
}

/** Every finding of the file, with 1-based ranges. */
export function lint(text: string, settings: ServiceSettings = resolveSettings({})): ActualFinding[] {
  const analysis = new ParsedFile(text);
  return analysis.findings(settings).map((finding) => {
    const start = analysis.lineIndex.positionAt(finding.range.start);
    const end = analysis.lineIndex.positionAt(finding.range.end);
    return {
      severity: finding.severity,
      range: `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`,
      message: finding.message,
      finding,
    };
  });
}

export function byPosition(a: { range: string }, b: { range: string }): number {
  const [al, ac] = a.range.split(/[:-]/).map(Number);
  const [bl, bc] = b.range.split(/[:-]/).map(Number);
  return al! - bl! || ac! - bc!;
}

/**
 * The one harness: every rule has fire and pass fixtures; a fire fixture yields exactly its
 * expected findings of the rule, and its `.fixed.yaml` is the text after "fix all" (required
 * exactly when the rule has a preferred fix for it); a pass fixture yields none of the rule and,
 * for api rules, no API-server error at all (it is a manifest the API server accepts).
 */
export function testRuleFixtures(rule: Rule<object>, apiRuleIds: ReadonlySet<string>): void {
  describe(`rule ${rule.id}`, () => {
    const files = fixtureFiles(rule.id);

    it('has fixtures where it fires and where it does not', () => {
      assert.ok(
        files.some((file) => file.startsWith('fire-')),
        `test/fixtures/rules/${rule.id}/fire-*.yaml is missing`,
      );
      assert.ok(
        files.some((file) => file.startsWith('pass-')),
        `test/fixtures/rules/${rule.id}/pass-*.yaml is missing`,
      );
    });

    for (const file of files) {
      const fixture = parseFixture(rule.id, file);
      if (fixture.kind === 'fire') {
        it(`${file}: reports exactly the expected findings`, () => {
          assert.ok(fixture.expected.length > 0, `${file} has no "# expect:" lines`);
          const actual = lint(fixture.text, fixture.settings)
            .filter((finding) => finding.finding.code === rule.id)
            .sort(byPosition);
          const expected = [...fixture.expected].sort(byPosition);
          assert.deepEqual(
            actual.map((finding) => `${finding.severity} ${finding.range}`),
            expected.map((finding) => `${finding.severity} ${finding.range}`),
          );
          actual.forEach((finding, index) => {
            const want = expected[index]!;
            assert.ok(
              finding.message.startsWith(want.messageStart),
              `message at ${finding.range}:\n  ${finding.message}\nshould start with\n  ${want.messageStart}`,
            );
            for (const [key, value] of Object.entries(want.data ?? {}))
              assert.deepEqual(finding.finding.data?.[key], value, `data.${key} at ${finding.range}`);
            if (want.related !== undefined)
              assert.equal(finding.finding.related?.length ?? 0, want.related, `related at ${finding.range}`);
          });
        });
        it(`${file}: "fix all" gives ${fixture.fixed === undefined ? 'no edit' : file.replace(/\.ya?ml$/, '.fixed.yaml')}`, () => {
          const all = fixAllOfKind(new ParsedFile(fixture.text), rule.id, fixture.settings, THROWING_LOGGER);
          const output = all ? applyEdits(fixture.text, all.edits) : undefined;
          assert.equal(output, fixture.fixed);
          if (output !== undefined) {
            const left = lint(output, fixture.settings).filter((finding) => finding.finding.code === rule.id);
            assert.ok(
              left.length < fixture.expected.length,
              `fixing ${file} left every finding: ${left.map((finding) => finding.message).join(' | ')}`,
            );
          }
        });
      } else {
        it(`${file}: reports nothing${apiRuleIds.has(rule.id) ? ', and no api rule reports an error' : ''}`, () => {
          const findings = lint(fixture.text, fixture.settings);
          assert.deepEqual(
            findings.filter((finding) => finding.finding.code === rule.id).map((finding) => finding.message),
            [],
          );
          if (!apiRuleIds.has(rule.id)) return;
          assert.deepEqual(
            findings
              .filter((finding) => apiRuleIds.has(finding.finding.code) && finding.severity === 'error')
              .map((finding) => `${finding.finding.code}: ${finding.message}`),
            [],
          );
        });
      }
    }
  });
}

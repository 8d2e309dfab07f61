import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ParsedFile, resolveSettings, type FileFinding, type RuleLevel, type ServiceSettings } from '../../../../server/src/service';

/** The repository root, found from the compiled test's folder (build/test/unit/...). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

export const RULE_FIXTURES_DIR = path.join(repoRoot(), 'test', 'fixtures', 'rules');

export interface ExpectedFinding {
  readonly severity: string;
  /** `line:col-line:col`, 1-based like editors and the CLI show them. */
  readonly range: string;
  readonly messageStart: string;
}

export interface RuleFixture {
  readonly ruleId: string;
  readonly file: string;
  readonly kind: 'fire' | 'pass';
  readonly text: string;
  readonly settings: ServiceSettings;
  readonly expected: readonly ExpectedFinding[];
}

const EXPECT = /^# expect: (error|warning|information|hint) (\d+:\d+-\d+:\d+) (.+)$/;
const SETTING = /^# settings: (.+)$/;

/**
 * Fixture header comments: `# settings: kubernetesVersion=1.31 rules.<id>=warning` and, in
 * fire fixtures, one `# expect: <severity> <range> <message start>` per finding of the rule.
 */
export function parseFixture(ruleId: string, file: string): RuleFixture {
  const text = readFileSync(path.join(RULE_FIXTURES_DIR, ruleId, file), 'utf8');
  const expected: ExpectedFinding[] = [];
  let kubernetesVersion: string | undefined;
  const rules: Record<string, RuleLevel> = {};
  for (const line of text.split('\n')) {
    const expect = EXPECT.exec(line);
    if (expect) expected.push({ severity: expect[1]!, range: expect[2]!, messageStart: expect[3]! });
    const setting = SETTING.exec(line);
    if (setting) {
      for (const entry of setting[1]!.split(/\s+/)) {
        const [key, value] = entry.split('=');
        if (key === 'kubernetesVersion') kubernetesVersion = value;
        else if (key?.startsWith('rules.')) rules[key.slice('rules.'.length)] = value as RuleLevel;
      }
    }
  }
  const kind = file.startsWith('fire-') ? 'fire' : 'pass';
  return { ruleId, file, kind, text, expected, settings: resolveSettings({ ...(kubernetesVersion ? { kubernetesVersion } : {}), rules }) };
}

export function fixtureFiles(ruleId: string): string[] {
  const dir = path.join(RULE_FIXTURES_DIR, ruleId);
  return existsSync(dir) ? readdirSync(dir).filter((file) => /^(fire|pass)-.*\.ya?ml$/.test(file)).sort() : [];
}

export interface ActualFinding {
  readonly severity: string;
  readonly range: string;
  readonly message: string;
  readonly finding: FileFinding;
}

/** Every finding of the file, with 1-based ranges. */
export function lint(text: string, settings: ServiceSettings): ActualFinding[] {
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

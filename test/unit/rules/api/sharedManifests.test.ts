import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { API_RULES } from '../../../../server/src/rules/api';
import { resolveSettings } from '../../../../server/src/service/settings';
import { SHARED_DIR } from '../../../support/shared';
import { lint } from '../../../support/ruleFixtures';

const API_RULE_IDS = new Set<string>(API_RULES.map((rule) => rule.id));
const shared = SHARED_DIR;
const seeds = path.join(shared, 'seed-pods');
const corpus = path.join(shared, 'corpus');

interface SeedExpectations {
  readonly pods: Record<string, { readonly absent?: readonly string[] }>;
}

describe('api rules on the shared seed pods and corpus', () => {
  if (!existsSync(path.join(seeds, 'expected.json')) || !existsSync(path.join(corpus, 'index.tsv'))) {
    it(
      'is skipped: no shared manifests here',
      { skip: `no seed pods/corpus under ${shared} (set POD_PATTERNS_SHARED)` },
      () => {},
    );
    console.log(
      `!!! api rules shared-manifest test SKIPPED: nothing at ${shared} (set POD_PATTERNS_SHARED to its folder)`,
    );
    return;
  }

  it('reports no error on any seed pod, and none of the rules the seeds must not trigger', () => {
    const expected = JSON.parse(readFileSync(path.join(seeds, 'expected.json'), 'utf8')) as SeedExpectations;
    for (const file of readdirSync(seeds).filter((name) => name.endsWith('.yaml'))) {
      const findings = lint(readFileSync(path.join(seeds, file), 'utf8'), resolveSettings({})).filter((finding) =>
        API_RULE_IDS.has(finding.finding.code),
      );
      assert.deepEqual(
        findings.filter((finding) => finding.severity === 'error').map((finding) => finding.message),
        [],
        file,
      );
      const absent = (expected.pods[file]?.absent ?? []).filter((id) => API_RULE_IDS.has(id));
      assert.deepEqual(
        findings.filter((finding) => absent.includes(finding.finding.code)).map((finding) => finding.message),
        [],
        file,
      );
    }
  });

  it('reports no error on any corpus file the API server accepts', () => {
    const rows = readFileSync(path.join(corpus, 'index.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => row.split('\t'));
    const valid = rows.filter((columns) => columns[5] === 'valid').map((columns) => columns[0]!);
    assert.ok(valid.length > 100, `only ${valid.length} valid corpus files`);
    const offenders: string[] = [];
    for (const file of valid) {
      const findings = lint(readFileSync(path.join(corpus, file), 'utf8'), resolveSettings({}));
      for (const finding of findings) {
        if (API_RULE_IDS.has(finding.finding.code) && finding.severity === 'error')
          offenders.push(`${file}:${finding.range} ${finding.message}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});

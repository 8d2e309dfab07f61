import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/run';
import { RULE_CATALOGUE } from '../../../server/src/rules';

function run(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => '',
  });
  return { code, stdout, stderr };
}

describe('pod-patterns rules', () => {
  it('prints one line per rule and a count', () => {
    const { code, stdout } = run(['rules']);
    assert.equal(code, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^ID\s+CATEGORY\s+SEVERITY\s+SUMMARY$/);
    assert.equal(lines.length, RULE_CATALOGUE.length + 2);
    assert.equal(lines[lines.length - 1], `${RULE_CATALOGUE.length} rules`);
    assert.ok(
      lines.some((line) => /^duplicate-container-name\s+api\s+error\s+Container names must be unique/.test(line)),
    );
  });

  it('prints JSON filtered by category, with doc links', () => {
    const { code, stdout } = run(['rules', '--format', 'json', '--category', 'api']);
    assert.equal(code, 0);
    const parsed = JSON.parse(stdout) as { rules: { id: string; category: string; docs: string }[] };
    assert.equal(parsed.rules.length, RULE_CATALOGUE.filter((entry) => entry.category === 'api').length);
    assert.ok(parsed.rules.every((rule) => rule.category === 'api' && rule.docs.endsWith(`/rules/${rule.id}.md`)));
  });

  it('rejects unknown categories with a usage error', () => {
    const { code, stderr } = run(['rules', '--category', 'nope']);
    assert.equal(code, 2);
    assert.match(stderr, /--category must be one of api, pattern, practice/);
  });
});

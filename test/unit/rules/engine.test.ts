import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findRule, RULE_CATALOGUE, RULES, runRules } from '../../../server/src/rules';
import { parseSuppressions } from '../../../server/src/rules/engine/suppressions';
import { ruleAppliesTo, targetMinor, targetsAtLeast } from '../../../server/src/rules/engine/version';
import { runRuleSet } from '../../../server/src/rules/engine/runRule';
import type { Rule } from '../../../server/src/rules/types';
import { ParsedFile, toDiagnostics } from '../../../server/src/service';
import { buildDocumentModel } from '../../../server/src/service/model/documentModel';
import { resolveSettings, type RuleLevel } from '../../../server/src/service/settings';
import { lint } from '../../support/ruleFixtures';

const DUPLICATE_NAMES = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: app
    image: busybox:1.36
  containers:
  - name: app
    image: nginx:1.27
  - name: app
    image: nginx:1.27
`;

function codesAndSeverities(text: string, rules: Record<string, RuleLevel> = {}, kubernetesVersion?: string): string[] {
  return lint(text, resolveSettings({ rules, ...(kubernetesVersion ? { kubernetesVersion } : {}) }))
    .filter((finding) => finding.finding.code === 'duplicate-container-name')
    .map((finding) => `${finding.severity} ${finding.range}`);
}

describe('rule engine: levels', () => {
  it('reports a rule at its default severity, with the rule id as code', () => {
    assert.deepEqual(codesAndSeverities(DUPLICATE_NAMES), ['error 12:11-12:14', 'error 7:11-7:14']);
  });

  it('applies the level from settings.rules to every finding of the rule', () => {
    assert.deepEqual(codesAndSeverities(DUPLICATE_NAMES, { 'duplicate-container-name': 'hint' }), [
      'hint 12:11-12:14',
      'hint 7:11-7:14',
    ]);
    assert.deepEqual(codesAndSeverities(DUPLICATE_NAMES, { 'duplicate-container-name': 'information' }), [
      'information 12:11-12:14',
      'information 7:11-7:14',
    ]);
  });

  it('runs nothing for a rule set to off, and leaves other rules alone', () => {
    assert.deepEqual(codesAndSeverities(DUPLICATE_NAMES, { 'duplicate-container-name': 'off' }), []);
    const withOther = DUPLICATE_NAMES.replace('image: busybox:1.36', 'image: ""');
    const codes = lint(withOther, resolveSettings({ rules: { 'duplicate-container-name': 'off' } })).map(
      (finding) => finding.finding.code,
    );
    assert.ok(codes.includes('missing-image'));
    assert.ok(!codes.includes('duplicate-container-name'));
  });

  it('keeps a finding-level severity (a warning-grade variant) unless the user sets a level', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: a
    image: nginx:1.27
    ports: [{name: http, containerPort: 80}]
  - name: b
    image: nginx:1.27
    ports: [{name: http, containerPort: 81}]
`;
    const severities = (rules: Record<string, RuleLevel>) =>
      lint(text, resolveSettings({ rules }))
        .filter((finding) => finding.finding.code === 'duplicate-port-name')
        .map((finding) => finding.severity);
    assert.deepEqual(severities({}), ['warning']);
    assert.deepEqual(severities({ 'duplicate-port-name': 'error' }), ['error']);
  });
});

describe('rule engine: suppression comments', () => {
  it('disable-next-line silences the named rule on the next line only', () => {
    const text = DUPLICATE_NAMES.replace(
      'nginx:1.27\n  - name: app',
      'nginx:1.27\n  # pod-patterns-disable-next-line duplicate-container-name\n  - name: app',
    );
    assert.deepEqual(codesAndSeverities(text), ['error 7:11-7:14']);
  });

  it('disable-next-line skips blank and comment lines and accepts several ids and a reason', () => {
    const text = DUPLICATE_NAMES.replace(
      '  initContainers:\n',
      '  initContainers:\n  # pod-patterns-disable-next-line missing-image, duplicate-container-name -- renamed at deploy time\n\n  # another comment\n',
    );
    assert.deepEqual(codesAndSeverities(text), ['error 15:11-15:14']);
  });

  it('disable-next-line with another id does not silence this rule', () => {
    const text = DUPLICATE_NAMES.replace(
      '  initContainers:\n',
      '  initContainers:\n  # pod-patterns-disable-next-line missing-image\n',
    );
    assert.deepEqual(codesAndSeverities(text), ['error 13:11-13:14', 'error 8:11-8:14']);
  });

  it('disable silences the rest of the document from the comment on', () => {
    const text = DUPLICATE_NAMES.replace(
      '  - name: app\n    image: nginx:1.27\n  - name: app',
      '  - name: app\n    image: nginx:1.27\n  # pod-patterns-disable duplicate-container-name\n  - name: app',
    );
    assert.deepEqual(codesAndSeverities(text), ['error 7:11-7:14']);
  });

  it('disable without ids silences every rule, in that document only', () => {
    const text = `# pod-patterns-disable\n${DUPLICATE_NAMES}---\n${DUPLICATE_NAMES}`;
    const findings = lint(text, resolveSettings({})).filter(
      (finding) => finding.finding.code === 'duplicate-container-name',
    );
    assert.deepEqual(
      findings.map((finding) => finding.finding.documentIndex),
      [1, 1],
    );
  });

  it('reads a reason after -- as no ids at all when nothing precedes it', () => {
    const text = 'a: 1\n# pod-patterns-disable -- generated file\nb: 2\n';
    const suppressions = parseSuppressions(text);
    assert.equal(suppressions.isSuppressed('any-rule', text.indexOf('b: 2')), true);
    assert.equal(suppressions.isSuppressed('any-rule', text.indexOf('a: 1')), false);
    const named = '# pod-patterns-disable-next-line x-rule -- why\nc: 3\n';
    assert.equal(parseSuppressions(named).isSuppressed('x-rule', named.indexOf('c: 3')), true);
    assert.equal(parseSuppressions(named).isSuppressed('why', named.indexOf('c: 3')), false);
    assert.equal(parseSuppressions(named).isSuppressed('other', named.indexOf('c: 3')), false);
  });

  it('parses directives line by line and ignores look-alikes inside values', () => {
    const text = 'a: 1\nb: "# pod-patterns-disable"\n# pod-patterns-disable-next-line x\n\nc: 2\nd: 3\n';
    const suppressions = parseSuppressions(text);
    assert.equal(suppressions.isSuppressed('x', text.indexOf('c: 2')), true);
    assert.equal(suppressions.isSuppressed('y', text.indexOf('c: 2')), false);
    assert.equal(suppressions.isSuppressed('x', text.indexOf('d: 3')), false);
    assert.equal(suppressions.isSuppressed('x', text.indexOf('a: 1')), false);
  });
});

describe('rule engine: version gating', () => {
  const settings = (kubernetesVersion: string) => resolveSettings({ kubernetesVersion });

  it('reads the target minor and compares versions', () => {
    assert.equal(targetMinor(settings('1.29')), 29);
    assert.equal(targetsAtLeast(settings('1.29'), 29), true);
    assert.equal(targetsAtLeast(settings('1.29'), '1.30'), false);
    assert.equal(ruleAppliesTo({ minVersion: '1.29' }, settings('1.28')), false);
    assert.equal(ruleAppliesTo({ minVersion: '1.29' }, settings('1.29')), true);
    assert.equal(ruleAppliesTo({ maxVersion: '1.30' }, settings('1.31')), false);
    assert.equal(ruleAppliesTo({}, settings('1.20')), true);
  });

  it('skips a rule whose minVersion is above the target', () => {
    const probe: Rule<Record<string, never>> = {
      id: 'test-only-gated',
      category: 'practice',
      defaultSeverity: 'hint',
      summary: 'test',
      minVersion: '1.30',
      *check(pod) {
        yield { message: 'seen', range: pod.kindPair.key.range };
      },
    };
    const document = buildDocumentModel(DUPLICATE_NAMES);
    const run = (kubernetesVersion: string) =>
      runRuleSet([probe], document.pods[0]!, { settings: settings(kubernetesVersion), document }).map(
        (finding) => `${finding.code}:${finding.severity}`,
      );
    assert.deepEqual(run('1.29'), []);
    assert.deepEqual(run('1.30'), ['test-only-gated:hint']);
  });

  it('gates version-dependent api checks (env var names, init probe message, restartPolicy note)', () => {
    const env = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: web
    image: nginx:1.27
    env: [{name: 1ST, value: x}]
`;
    const invalidName = (version: string) =>
      lint(env, settings(version))
        .filter((finding) => finding.finding.code === 'invalid-name')
        .map((finding) => finding.severity);
    assert.deepEqual(invalidName('1.31'), ['error']);
    assert.deepEqual(invalidName('1.32'), ['warning']);
    assert.deepEqual(invalidName('1.34'), []);
  });
});

describe('rule catalogue', () => {
  it('lists every rule once with its category, severity and summary', () => {
    assert.equal(RULE_CATALOGUE.length, RULES.length);
    assert.equal(new Set(RULE_CATALOGUE.map((entry) => entry.id)).size, RULE_CATALOGUE.length);
    for (const entry of RULE_CATALOGUE) {
      assert.match(entry.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(['api', 'pattern', 'practice'].includes(entry.category));
      assert.ok(entry.summary.length > 10 && !entry.summary.includes('\n'), `${entry.id} summary`);
      assert.equal(findRule(entry.id)?.defaultSeverity, entry.severity);
    }
  });

  it('keeps the interface ids of the api rules', () => {
    const ids = new Set(RULE_CATALOGUE.filter((entry) => entry.category === 'api').map((entry) => entry.id));
    for (const id of [
      'duplicate-container-name',
      'undefined-volume',
      'duplicate-mount-path',
      'init-container-probe',
      'invalid-restart-policy',
      'host-port-conflict',
      'duplicate-port-name',
      'duplicate-volume-name',
      'volume-source',
      'probe-handler',
      'resource-request-exceeds-limit',
      'invalid-name',
      'env-value-conflict',
      'missing-image',
      'template-restart-policy',
      'selector-mismatch',
      'duplicate-env-name',
    ]) {
      assert.ok(ids.has(id), id);
    }
  });

  it('runRules gives every finding its rule id as code', () => {
    const document = buildDocumentModel(
      DUPLICATE_NAMES.replace('image: nginx:1.27\n  - name: app', 'image: ""\n  - name: app'),
    );
    const findings = runRules(document.pods[0]!, { settings: resolveSettings({}), document });
    assert.ok(findings.length >= 3);
    for (const finding of findings) assert.ok(findRule(finding.code), finding.code);
  });
});

describe('rule findings as LSP diagnostics', () => {
  it('carry the rule id as code, a link to its doc page, related information and the fix data', () => {
    const analysis = new ParsedFile(DUPLICATE_NAMES);
    const diagnostics = toDiagnostics(analysis, resolveSettings({}), 'file:///pod.yaml').filter(
      (diagnostic) => diagnostic.code === 'duplicate-container-name',
    );
    assert.equal(diagnostics.length, 2);
    const [first] = diagnostics;
    assert.equal(first!.source, 'pod-patterns');
    assert.match(first!.codeDescription!.href, /\/docs\/rules\/duplicate-container-name\.md$/);
    assert.deepEqual(first!.range, { start: { line: 11, character: 10 }, end: { line: 11, character: 13 } });
    assert.deepEqual(
      first!.relatedInformation?.map((related) => related.location.range.start),
      [{ line: 9, character: 10 }],
    );
    assert.deepEqual(first!.data, {
      name: 'app',
      suggestion: 'app-2',
      containerIndex: 1,
      listKey: 'containers',
      documentIndex: 0,
    });
  });
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { runCli } from '../../../server/src/cli/run';
import { createLanguageService, SILENT_LOGGER } from '../../../server/src/service';

/**
 * The SARIF 2.1.0 schema as `@microsoft/jest-sarif` ships it (a draft-04 schema, final 2.1.0 text
 * `rtm.5`). Ajv 8 reads draft-07: draft-04's `id` is `$id` there, and the schema uses no other
 * keyword that changed meaning (no boolean `exclusiveMinimum`).
 */
function sarifValidator() {
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // The schema's language-tag pattern has a stray `]`, legal only outside unicode mode.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile(schema);
}

const validate = sarifValidator();
const WARNINGS_POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:latest\n';

function repository(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pod-patterns-sarif-'));
  execFileSync('git', ['init', '-q', dir]);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function sarif(argv: string[], cwd: string, stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = runCli(['lint', '--format', 'sarif', ...argv], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => stdin,
    cwd,
    env: {},
  });
  return { code, log: JSON.parse(stdout) as any, stderr }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('SARIF for code scanning', () => {
  test('validates against the SARIF 2.1.0 schema, with an unreadable input and stdin', () => {
    const dir = repository({ 'k8s/web.yaml': WARNINGS_POD });
    const { log } = sarif(
      [path.join(dir, 'k8s/web.yaml'), path.join(dir, `${'x'.repeat(300)}.yaml`), '-'],
      path.join(dir, 'k8s'),
      WARNINGS_POD,
    );
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    // And a log the validator must refuse, so that the check above can fail.
    assert.equal(validate({ ...(log as object), version: '2.0.0' }), false);
  });

  test('URIs are relative to the repository root under %SRCROOT%, however the path was typed', () => {
    const dir = repository({ 'k8s/web.yaml': WARNINGS_POD });
    const { log } = sarif(['../k8s/web.yaml'.replace('..', path.join(dir, 'k8s', '..'))], path.join(dir, 'k8s'));
    const [run] = log.runs;
    assert.deepEqual(run.results[0].locations[0].physicalLocation.artifactLocation, {
      uri: 'k8s/web.yaml',
      uriBaseId: '%SRCROOT%',
    });
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${dir}/`);
    const stdin = sarif(['-'], dir, WARNINGS_POD).log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    assert.equal(stdin.uri, 'stdin');
  });

  test('rules carry the catalogue: name, descriptions, help, default level, tags; results point at them', () => {
    const dir = repository({ 'web.yaml': WARNINGS_POD });
    const { log } = sarif([path.join(dir, 'web.yaml')], dir);
    const service = createLanguageService({ logger: SILENT_LOGGER });
    const rules = log.runs[0].tool.driver.rules;
    const catalogue = service.rules.find((rule) => rule.id === 'latest-image-tag')!;
    const rule = rules.find((candidate: { id: string }) => candidate.id === 'latest-image-tag');
    assert.equal(rule.name, 'LatestImageTag');
    assert.equal(rule.shortDescription.text, catalogue.summary);
    assert.ok(rule.fullDescription.text.startsWith(catalogue.summary));
    assert.equal(rule.helpUri, service.docsUrl('latest-image-tag'));
    assert.match(
      rule.help.text,
      new RegExp(`Documentation: ${service.docsUrl('latest-image-tag')!.replace(/[.?]/g, '\\$&')}`),
    );
    assert.equal(
      rule.defaultConfiguration.level,
      catalogue.severity === 'error' ? 'error' : catalogue.severity === 'warning' ? 'warning' : 'note',
    );
    assert.deepEqual(rule.properties.tags, ['kubernetes', catalogue.category]);
    assert.equal(
      rules.length,
      service.rules.length + 5,
      'every rule, and the codes that are not rules (schema, yaml-syntax, …)',
    );
    for (const result of log.runs[0].results) assert.equal(rules[result.ruleIndex].id, result.ruleId);
  });

  test('fingerprints survive lines moving above a finding and tell repeated findings apart', () => {
    const dir = repository({ 'web.yaml': WARNINGS_POD });
    const file = path.join(dir, 'web.yaml');
    const fingerprints = () =>
      sarif([file], dir).log.runs[0].results.map(
        (result: { ruleId: string; partialFingerprints: Record<string, string> }) =>
          `${result.ruleId} ${result.partialFingerprints['podPatterns/v1']}`,
      );
    const before = fingerprints();
    writeFileSync(file, `# a comment\n# another\n${WARNINGS_POD}`);
    assert.deepEqual(fingerprints(), before);
    writeFileSync(file, `${WARNINGS_POD}---\n${WARNINGS_POD}`);
    const twice = fingerprints();
    assert.equal(new Set(twice).size, twice.length, 'the same finding twice in one file gets two fingerprints');
  });

  test('invocations record unreadable inputs as notifications', () => {
    const dir = repository({ 'web.yaml': WARNINGS_POD });
    const unreadable = path.join(dir, `${'x'.repeat(300)}.yaml`);
    const { code, log } = sarif([path.join(dir, 'web.yaml'), unreadable], dir);
    assert.equal(code, 2);
    const [invocation] = log.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.equal(invocation.toolExecutionNotifications.length, 1);
    assert.equal(invocation.toolExecutionNotifications[0].level, 'error');
    assert.match(invocation.toolExecutionNotifications[0].message.text, /^cannot read .*x{300}\.yaml: /);
    assert.equal(
      invocation.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri,
      `${'x'.repeat(300)}.yaml`,
    );
    const clean = sarif([path.join(dir, 'web.yaml')], dir).log.runs[0].invocations[0];
    assert.deepEqual(clean, { executionSuccessful: true, toolExecutionNotifications: [] });
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { parseYamlDocument } from '../../../server/src/service/yaml/parseYaml';
import { toJSON } from '../../../server/src/service/yaml/nodes';
import { createLanguageService, projectConfigSchema, SILENT_LOGGER } from '../../../server/src/service';
import { parseProjectConfig } from '../../../server/src/service/config/projectConfig';
import { initialConfig } from '../../../server/src/cli/init';

const repo = path.resolve(__dirname, '../../../..');
const service = createLanguageService({ logger: SILENT_LOGGER });
const ruleIds = service.rules.map((rule) => rule.id);
const committed = JSON.parse(readFileSync(path.join(repo, 'schemas/pod-patterns-config.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(committed);

test('the committed config schema is what the code generates (npm run gen:config-schema)', () => {
  assert.deepEqual(committed, projectConfigSchema(ruleIds));
});

test('package.json contributes it for .pod-patterns.yaml files', () => {
  const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.yamlValidation, [
    { fileMatch: '.pod-patterns.yaml', url: './schemas/pod-patterns-config.schema.json' },
  ]);
});

test('schema and parser agree on good and bad configs', () => {
  const cases: [string, boolean][] = [
    [initialConfig(service), true],
    [
      'kubernetesVersion: "1.30"\nschemaValidation: false\npreset: strict\nrules:\n  latest-image-tag: "off"\nignore:\n  - charts/\n',
      true,
    ],
    ['rules:\n  no-such-rule: error\n', false],
    ['rules:\n  latest-image-tag: loud\n', false],
    ['colour: true\n', false],
    ['schemaValidation: "no"\n', false],
    ['ignore: charts/\n', false],
    ['preset: lax\n', false],
    ['kubernetesVersion: "latest"\n', false],
  ];
  for (const [text, valid] of cases) {
    const parsed = parseProjectConfig(text, 'c.yaml', ruleIds);
    assert.equal(
      parsed.problems.length === 0,
      valid,
      `parser on ${JSON.stringify(text)}: ${JSON.stringify(parsed.problems)}`,
    );
    const json = toJSON(parseYamlDocument(text).root);
    assert.equal(validate(json), valid, `schema on ${JSON.stringify(text)}`);
  }
});

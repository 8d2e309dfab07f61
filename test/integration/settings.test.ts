import * as assert from 'node:assert/strict';
import { closeAllEditors, openFixture, setSetting, waitForDiagnostics, waitForFindings } from './support/workspace';

const LATEST_CACHE = 'latest-image-tag@registry.example.com/cache:latest';

describe('settings', () => {
  afterEach(async () => {
    await setSetting('validate.enable', undefined);
    await setSetting('schemaValidation', undefined);
    await closeAllEditors();
  });

  it('podPatterns.validate.enable=false clears the diagnostics and true brings them back', async () => {
    const { document } = await openFixture('workloads/legacy-deployment.yaml');
    await waitForDiagnostics(document.uri, 'the apiVersion error', (d) => d.length === 1);
    await setSetting('validate.enable', false);
    await waitForDiagnostics(document.uri, 'diagnostics to clear with validation off', (d) => d.length === 0);
    await setSetting('validate.enable', true);
    const [diagnostic] = await waitForDiagnostics(document.uri, 'the error to return', (d) => d.length === 1);
    assert.match(diagnostic!.message, /extensions\/v1beta1/);
  });

  it('podPatterns.schemaValidation=false leaves schema errors to another tool and keeps the rules', async () => {
    const { document } = await openFixture('pods/schema-errors.yaml');
    await waitForFindings(document, ['schema@Sometimes', 'schema@periodSecond', LATEST_CACHE]);
    await setSetting('schemaValidation', false);
    await waitForFindings(document, [LATEST_CACHE], 'schema errors to go, the rule finding to stay');
    await setSetting('schemaValidation', true);
    await waitForFindings(
      document,
      ['schema@Sometimes', 'schema@periodSecond', LATEST_CACHE],
      'schema errors to return',
    );
  });
});

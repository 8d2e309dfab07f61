import * as assert from 'node:assert/strict';
import { closeAllEditors, openFixture, setSetting, waitForDiagnostics } from './support/workspace';

describe('settings', () => {
  afterEach(async () => {
    await setSetting('validate.enable', undefined);
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
});

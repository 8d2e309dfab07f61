import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  closeAllEditors,
  findingsOf,
  fixtureUri,
  openFixture,
  ourDiagnostics,
  settledDiagnostics,
  waitForDiagnostics,
} from './support/workspace';
import { waitFor } from './support/wait';

describe('activation', () => {
  after(closeAllEditors);

  it('is installed and not active before a YAML file is opened', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.equal(
      extension.isActive,
      false,
      'no activation before a YAML document is opened (activationEvents stay minimal)',
    );
  });

  it('activates on a YAML file and reports nothing on YAML that is not Kubernetes', async () => {
    const compose = fixtureUri('not-kubernetes/compose.yaml');
    const workflow = fixtureUri('not-kubernetes/ci-workflow.yaml');
    await openFixture('not-kubernetes/compose.yaml');
    await openFixture('not-kubernetes/ci-workflow.yaml');
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor('the extension to activate', () => (extension.isActive ? true : undefined));
    // The server handles documents in order: once a pod file opened afterwards has its
    // diagnostics, the earlier non-Kubernetes files have been through validation too.
    const broken = fixtureUri('pods/duplicate-field.yaml');
    await openFixture('pods/duplicate-field.yaml');
    await waitForDiagnostics(
      broken,
      'diagnostics on the pod file opened last',
      (diagnostics) => diagnostics.length > 0,
    );
    assert.deepEqual(ourDiagnostics(compose), [], 'no diagnostics on a compose file');
    assert.deepEqual(ourDiagnostics(workflow), [], 'no diagnostics on a CI workflow with containers/image keys');
  });

  it('reports nothing on a valid pod with a native sidecar', async () => {
    const { document } = await openFixture('pods/web-with-sidecar.yaml');
    assert.deepEqual(findingsOf(document, await settledDiagnostics(document)), []);
  });
});

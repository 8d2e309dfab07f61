import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  openFixture,
  replaceText,
  setSetting,
  waitForDiagnostics,
  waitForFindings,
} from './support/workspace';

const LATEST = 'latest-image-tag@registry.example.com/shop:latest';
const UNSHARED = 'unshared-volume@logs';

describe('rules', () => {
  afterEach(async () => {
    await setSetting('rules', undefined);
    await setSetting('kubernetesVersion', undefined);
    await closeAllEditors();
  });

  it("reports pattern and practice findings on the value or name at fault, with the recommended preset's levels", async () => {
    const { document } = await openFixture('pods/log-tailer.yaml');
    const diagnostics = await waitForFindings(document, [LATEST, UNSHARED]);
    const severityOf = (code: string) => diagnostics.find((d) => codeOf(d) === code)!.severity;
    // The default preset (recommended) reports the hygiene rule latest-image-tag as information.
    assert.equal(severityOf('latest-image-tag'), vscode.DiagnosticSeverity.Information);
    assert.equal(severityOf('unshared-volume'), vscode.DiagnosticSeverity.Information);
  });

  it('clears a finding when an edit fixes it', async () => {
    const { document } = await openFixture('pods/log-tailer.yaml');
    await waitForFindings(document, [LATEST, UNSHARED]);
    await replaceText(document, 'shop:latest', 'shop:4.1.0');
    await waitForFindings(document, [UNSHARED], 'the :latest finding to clear once the tag is pinned');
  });

  it('a disable-next-line comment typed above a finding silences that rule there', async () => {
    const { document } = await openFixture('pods/log-tailer.yaml');
    await waitForFindings(document, [LATEST, UNSHARED]);
    await replaceText(
      document,
      '      image: registry.example.com/shop:latest',
      '      # pod-patterns-disable-next-line latest-image-tag -- pinned by the deploy pipeline\n      image: registry.example.com/shop:latest',
    );
    await waitForFindings(document, [UNSHARED], 'latest-image-tag to be silenced by the comment');
  });

  it('podPatterns.rules turns a rule off or raises its level', async () => {
    const { document } = await openFixture('pods/log-tailer.yaml');
    await waitForFindings(document, [LATEST, UNSHARED]);
    await setSetting('rules', { 'latest-image-tag': 'off' });
    await waitForFindings(document, [UNSHARED], 'latest-image-tag to go when turned off');
    await setSetting('rules', { 'latest-image-tag': 'error' });
    await waitForDiagnostics(document.uri, 'latest-image-tag to return as an error', (diagnostics) =>
      diagnostics.some((d) => codeOf(d) === 'latest-image-tag' && d.severity === vscode.DiagnosticSeverity.Error),
    );
  });

  it('podPatterns.kubernetesVersion 1.28 flags a native sidecar, and 1.29 does not', async () => {
    const { document } = await openFixture('pods/web-with-sidecar.yaml');
    await waitForFindings(document, [], 'a clean start on the default version');
    await setSetting('kubernetesVersion', '1.28');
    // 1.28 and 1.29 are past their end of life: the file also gets the target-version notice.
    const found = await waitForFindings(
      document,
      ['native-sidecar-unsupported@restartPolicy: Always', 'target-version@kind'],
      'the native sidecar finding on 1.28',
    );
    const diagnostic = found.find((d) => codeOf(d) === 'native-sidecar-unsupported');
    assert.match(diagnostic!.message, /1\.29/);
    await setSetting('kubernetesVersion', '1.29');
    await waitForFindings(document, ['target-version@kind'], 'the finding to go on 1.29');
  });
});

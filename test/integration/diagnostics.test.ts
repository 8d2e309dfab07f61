import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  openFixture,
  rangeOfText,
  replaceText,
  waitForDiagnostics,
  waitForFindings,
} from './support/workspace';

const LATEST_CACHE = 'latest-image-tag@registry.example.com/cache:latest';

describe('diagnostics in the editor', () => {
  afterEach(closeAllEditors);

  it('marks the removed apiVersion value, links the rule page, and follows edits until fixed', async () => {
    const { document } = await openFixture('workloads/legacy-deployment.yaml');
    const [diagnostic] = await waitForFindings(document, ['schema@extensions/v1beta1']);
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic!.message, /"Deployment" in version "extensions\/v1beta1".*Use apps\/v1/);
    const code = diagnostic!.code;
    // The link opens the rule's page shipped in the extension, in a Markdown preview (it works offline).
    assert.ok(
      typeof code === 'object' && code.target.scheme === 'command' && code.target.path === 'podPatterns.openDoc',
      'the code links to its documentation',
    );
    assert.deepEqual(JSON.parse(decodeURIComponent(code.target.query)), ['rules/schema.md']);

    await replaceText(document, 'extensions/v1beta1', 'apps/v1beta1');
    // The old diagnostic's range also covers the new value until the server answers: wait for the new message.
    const [updated] = await waitForDiagnostics(
      document.uri,
      'the error to follow the edit',
      (d) => d.length === 1 && d[0]!.message.includes('version "apps/v1beta1"'),
    );
    assert.equal(document.getText(updated!.range), 'apps/v1beta1');

    await replaceText(document, 'apps/v1beta1', 'apps/v1');
    await waitForFindings(document, [], 'the error to clear once apiVersion is apps/v1');
  });

  it('marks schema errors on the bad value and the unknown field', async () => {
    const { document } = await openFixture('pods/schema-errors.yaml');
    const diagnostics = await waitForFindings(document, ['schema@Sometimes', 'schema@periodSecond', LATEST_CACHE]);
    const unknownField = diagnostics.find((d) => document.getText(d.range) === 'periodSecond')!;
    assert.match(unknownField.message, /unknown field "periodSecond".*periodSeconds/);
    await replaceText(document, 'periodSecond:', 'periodSeconds:');
    await waitForFindings(
      document,
      ['schema@Sometimes', LATEST_CACHE],
      'the unknown-field error to clear after the rename',
    );
  });

  it('marks a duplicated field at its second occurrence and clears when it is removed', async () => {
    const { document } = await openFixture('pods/duplicate-field.yaml');
    const secondImageKey = rangeOfText(document, 'image:', 1);
    const [diagnostic] = await waitForDiagnostics(
      document.uri,
      'the duplicate-key error',
      (d) => d.length === 1 && codeOf(d[0]!) === 'duplicate-key',
    );
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(
      diagnostic!.range.start.isEqual(secondImageKey.start),
      `starts at the second "image" key, got line ${diagnostic!.range.start.line}:${diagnostic!.range.start.character}`,
    );
    assert.ok(secondImageKey.contains(diagnostic!.range), 'stays within the key');

    const edit = new vscode.WorkspaceEdit();
    edit.delete(document.uri, document.lineAt(secondImageKey.start.line).rangeIncludingLineBreak);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForFindings(document, [], 'the error to clear once the duplicate line is gone');
  });

  it('reports an error when an edit breaks a valid file', async () => {
    const { document } = await openFixture('pods/web-with-sidecar.yaml');
    await waitForFindings(document, [], 'a clean start');
    await replaceText(document, 'kind: Pod', 'kind: Pod\nkind: Pod');
    const [diagnostic] = await waitForDiagnostics(
      document.uri,
      'a duplicate-key error after the edit',
      (d) => d.length === 1,
    );
    assert.equal(codeOf(diagnostic!), 'duplicate-key');
    assert.ok(diagnostic!.range.start.isEqual(rangeOfText(document, 'kind', 1).start));
  });

  it("places a finding of the third document of a multi-document file on that document's text", async () => {
    const { document } = await openFixture('workloads/stack.yaml');
    const [diagnostic] = await waitForFindings(document, ['schema@apps/v1beta2']);
    assert.equal(diagnostic!.range.start.line, rangeOfText(document, 'apps/v1beta2').start.line);
    assert.match(diagnostic!.message, /StatefulSet/);
  });

  it('leaves Helm templates to their rendered output, with one hint and no errors', async () => {
    const { document } = await openFixture('chart/templates/deployment.yaml');
    const [hint] = await waitForFindings(document, ['template-skipped@{{']);
    assert.equal(hint!.severity, vscode.DiagnosticSeverity.Hint);
    assert.ok(hint!.range.start.isEqual(rangeOfText(document, '{{').start), 'on the first template expression');
  });
});

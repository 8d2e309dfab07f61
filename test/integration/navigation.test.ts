import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, rangeOfText, settledDiagnostics } from './support/workspace';

describe('navigation', () => {
  afterEach(closeAllEditors);

  it('goes from a volume mount to its volume, and renames the volume with every mount', async () => {
    const { document } = await openFixture('pods/web-with-sidecar.yaml');
    // The server has analysed the text once its verdict is in.
    await settledDiagnostics(document);
    const mount = rangeOfText(document, 'logs', 1);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      mount.start,
    );
    const ranges = locations.map((location) => ('targetRange' in location ? location.targetRange : location.range));
    assert.deepEqual(
      ranges.map((range) => `${range.start.line}:${document.getText(range)}`),
      [`${rangeOfText(document, 'logs', 2).start.line}:logs`],
    );

    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      mount.start,
      'web-logs',
    );
    const original = document.getText();
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(document.getText(), original.replaceAll('name: logs', 'name: web-logs'));
  });
});

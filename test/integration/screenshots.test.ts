import * as vscode from 'vscode';
import { closeAllEditors, openFixture, waitForDiagnostics } from './support/workspace';
import { NO_UI_DRIVER, hasUiDriver, ui } from './support/ui';

/** Pictures for the README, taken from a real workbench with real diagnostics. */
describe('screenshots', () => {
  before(function () {
    if (!hasUiDriver()) {
      console.warn(`SKIPPED screenshots: ${NO_UI_DRIVER}`);
      this.skip();
    }
  });
  after(closeAllEditors);

  it('captures a manifest with its problems', async () => {
    const editor = await openFixture('workloads/stack.yaml');
    await waitForDiagnostics(editor.document.uri, 'the StatefulSet error', (d) => d.length === 1);
    const line = editor.document.getText().split('\n').findIndex((text) => text.includes('apps/v1beta2'));
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
    editor.selection = new vscode.Selection(line, 16, line, 16);
    await vscode.commands.executeCommand('editor.action.showHover');
    await ui({ action: 'screenshot', name: 'diagnostics' });
  });
});

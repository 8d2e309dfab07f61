import * as vscode from 'vscode';
import { closeAllEditors, openFixture, rangeOfText, waitForDiagnostics } from './support/workspace';
import { NO_UI_DRIVER, hasUiDriver, ui } from './support/ui';

/** Pictures for the README, taken from a real workbench with real diagnostics. */
describe('screenshots', () => {
  before(function () {
    if (!hasUiDriver()) {
      console.warn(`SKIPPED screenshots: ${NO_UI_DRIVER}`);
      this.skip();
    }
  });
  after(async () => {
    await vscode.workspace
      .getConfiguration('editor')
      .update('stickyScroll.enabled', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('captures a pod with schema and rule findings, the hover on one, and the Problems view', async () => {
    const editor = await openFixture('pods/schema-errors.yaml');
    await waitForDiagnostics(editor.document.uri, 'the three findings', (d) => d.length === 3);
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    // Sticky scroll would pin headers over a short file scrolled by a line or two.
    await vscode.workspace
      .getConfiguration('editor')
      .update('stickyScroll.enabled', false, vscode.ConfigurationTarget.Global);
    const field = rangeOfText(editor.document, 'periodSecond');
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    editor.selection = new vscode.Selection(field.start.translate(0, 3), field.start.translate(0, 3));
    await vscode.commands.executeCommand('editor.action.showHover');
    await ui({ action: 'screenshot', name: 'diagnostics' });
  });
});

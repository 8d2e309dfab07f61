import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, findingsOf, settledDiagnostics } from './support/workspace';
import { waitFor } from './support/wait';

describe('snippets', () => {
  after(closeAllEditors);

  for (const name of ['Pod with a native sidecar', 'Deployment with a sidecar', 'Job with a native sidecar']) {
    it(`"${name}" expands into a manifest with no findings`, async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'yaml', name });
      await waitFor(`the "${name}" snippet to expand`, () =>
        /^kind: \w+$/m.test(document.getText()) ? true : undefined,
      );
      await vscode.commands.executeCommand('leaveSnippet');
      assert.deepEqual(findingsOf(document, await settledDiagnostics(document)), []);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  }
});

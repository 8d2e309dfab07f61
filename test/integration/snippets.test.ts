import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, findingsOf, settledDiagnostics } from './support/workspace';
import { waitFor } from './support/wait';

/** The snippet completions VS Code shows at a position (ours come from the language server). */
async function snippetsAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
  );
  return list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet);
}

const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: shop',
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: nginx:1.27',
  '  ',
  '',
].join('\n');

describe('snippets', () => {
  after(closeAllEditors);

  // Served by the language server (package.json contributes no snippet file): each only where it fits.
  for (const prefix of ['pod-native-sidecar', 'deployment-sidecar', 'job-native-sidecar']) {
    it(`"${prefix}" is offered in an empty file and expands into a manifest with no findings`, async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
      const editor = await vscode.window.showTextDocument(document);
      const item = await waitFor(`the "${prefix}" snippet in an empty file`, async () =>
        (await snippetsAt(document, new vscode.Position(0, 0))).find((candidate) => label(candidate) === prefix),
      );
      assert.ok(item.insertText instanceof vscode.SnippetString, 'with tab stops and placeholders');
      assert.ok(item.range instanceof vscode.Range);
      assert.ok(await editor.insertSnippet(item.insertText, item.range));
      await waitFor(`the "${prefix}" snippet to expand`, () =>
        /^kind: \w+$/m.test(document.getText()) ? true : undefined,
      );
      await vscode.commands.executeCommand('leaveSnippet');
      assert.deepEqual(findingsOf(document, await settledDiagnostics(document)), []);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  }

  it('container snippets are offered in a containers list, not at the document root', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: POD });
    await vscode.window.showTextDocument(document);
    const inList = await waitFor('the container snippets in the containers list', async () => {
      const items = await snippetsAt(document, new vscode.Position(8, 2));
      return items.length > 0 ? items.map(label) : undefined;
    });
    // VS Code sorts the items by label.
    assert.deepEqual(inList.sort(), ['adapter-container', 'ambassador-container', 'sidecar-container']);
    assert.deepEqual((await snippetsAt(document, new vscode.Position(9, 0))).map(label), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

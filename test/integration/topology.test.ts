import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, waitForDiagnostics } from './support/workspace';
import { NO_UI_DRIVER, hasUiDriver, ui } from './support/ui';
import { waitFor } from './support/wait';

/** Text of every node the topology webview drew (it lives in a nested iframe). */
function nodeTexts(): Promise<string[]> {
  return ui<string[]>({ action: 'frameTexts', selector: '[data-node-id]' });
}

describe('topology preview', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await closeAllEditors();
  });

  it('opens beside the pod file in a webview panel', async () => {
    const { document } = await openFixture('pods/log-tailer.yaml');
    await waitForDiagnostics(document.uri, 'the log-tailer findings', (d) => d.length === 2);
    await vscode.commands.executeCommand('podPatterns.showTopologyToSide');
    await waitFor('a topology tab', () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find(
          (tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('podPatterns.topology'),
        ),
    );
  });

  it("draws the pod's containers and volume as nodes that can be read from the page", async function () {
    if (!hasUiDriver()) {
      console.warn(`SKIPPED topology node check: ${NO_UI_DRIVER}`);
      this.skip();
    }
    const texts = await waitFor('the topology nodes', async () => {
      const found = await nodeTexts();
      return found.some((text) => text.includes('log-tailer')) ? found : undefined;
    });
    const all = texts.join('\n');
    for (const name of ['shop', 'log-tailer', 'logs'])
      assert.ok(all.includes(name), `a node names "${name}": ${JSON.stringify(texts)}`);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await ui({ action: 'screenshot', name: 'topology-in-editor' });
  });
});

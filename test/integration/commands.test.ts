import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { NO_UI_DRIVER, hasUiDriver, ui } from './support/ui';
import { waitFor } from './support/wait';
import {
  EXTENSION_ID,
  activateExtension,
  closeAllEditors,
  openFixture,
  replaceText,
  waitForDiagnostics,
} from './support/workspace';

interface ContributedCommand {
  readonly command: string;
  readonly title: string;
  readonly category?: string;
}

describe('commands', () => {
  after(closeAllEditors);

  it('registers every contributed command, each in the "Pod Patterns" category', async () => {
    const extension = await activateExtension();
    const contributed = (extension.packageJSON as { contributes: { commands: ContributedCommand[] } }).contributes
      .commands;
    assert.ok(contributed.length > 0, `${EXTENSION_ID} contributes commands`);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter(({ command }) => !registered.has(command)).map(({ command }) => command);
    assert.deepEqual(missing, [], 'contributed but not registered');
    assert.deepEqual(
      contributed.filter((c) => c.category !== 'Pod Patterns').map((c) => c.command),
      [],
    );
  });

  it('Restart Language Server leaves a live server that validates edits', async () => {
    const { document } = await openFixture('workloads/legacy-deployment.yaml');
    await waitForDiagnostics(document.uri, 'the apiVersion error', (d) => d.length === 1);
    await vscode.commands.executeCommand('podPatterns.restartServer');
    // Only a restarted server that received the open document can answer this edit.
    await replaceText(document, 'extensions/v1beta1', 'apps/v1beta2');
    const [diagnostic] = await waitForDiagnostics(
      document.uri,
      'the edited apiVersion error from the new server',
      (d) => d.length === 1 && d[0]!.message.includes('apps/v1beta2'),
    );
    assert.match(diagnostic!.message, /Deployment/);
  });

  it("Show Output reveals the Pod Patterns channel with the server's log", async function () {
    if (!hasUiDriver()) {
      console.warn(`SKIPPED output channel check: ${NO_UI_DRIVER}`);
      this.skip();
    }
    await openFixture('pods/log-tailer.yaml');
    await vscode.commands.executeCommand('podPatterns.restartServer');
    await vscode.commands.executeCommand('podPatterns.showOutput');
    await waitFor('the Pod Patterns channel in the panel', async () => {
      const texts = await ui<string[]>({ action: 'texts', selector: '.part.panel [aria-label*="Pod Patterns"]' });
      // The output view wraps long lines: compare with whitespace collapsed.
      return texts.some((text) => text.replace(/\s+/g, ' ').includes('Restarting the Pod Patterns language server'))
        ? true
        : undefined;
    });
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });
});

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Commands about the language server itself: its log and a restart after it misbehaves. */
export function registerServerCommands(
  client: LanguageClient,
  outputChannel: vscode.OutputChannel,
): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('podPatterns.showOutput', () => outputChannel.show(true)),
    vscode.commands.registerCommand('podPatterns.restartServer', async () => {
      outputChannel.appendLine('Restarting the Pod Patterns language server.');
      await client.restart();
    }),
  ];
}

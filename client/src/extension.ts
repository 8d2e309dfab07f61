import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerAuthoringCommands } from './commands/addPatternContainer';
import { registerSelectAfterEdit } from './commands/selectAfterEdit';
import { registerTopologyPreview } from './preview';
import { registerServerCommands } from './serverCommands';
import { PodStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('Pod Patterns', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: 'podPatterns' },
    outputChannel,
    traceOutputChannel: outputChannel,
    // documentSummary: this client's status bar reads the podPatterns/documentSummary notification.
    initializationOptions: { settings: vscode.workspace.getConfiguration('podPatterns'), documentSummary: true },
    middleware: registerSelectAfterEdit(context),
  };
  client = new LanguageClient('podPatterns', 'Pod Patterns', serverOptions, clientOptions);
  context.subscriptions.push(outputChannel, new PodStatusBar(client), ...registerServerCommands(client, outputChannel));
  registerAuthoringCommands(context, () => client);
  await client.start();
  registerTopologyPreview(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerAuthoringCommands } from './commands/addPatternContainer';
import { registerSelectAfterEdit } from './commands/selectAfterEdit';
import { registerDocs } from './docs';
import { describeStartup, describeSettings } from './startupReport';
import { registerWalkthrough } from './walkthrough';
import { registerTopologyPreview } from './preview';
import { registerServerCommands } from './serverCommands';
import { createServerKeeper } from './serverKeeper';
import { PodStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6019'] },
    },
  };
  const outputChannel = vscode.window.createOutputChannel('Pod Patterns', { log: true });
  // What runs, and with which settings: the first lines to read in a bug report.
  outputChannel.info(
    describeStartup(
      context.extension.packageJSON as { version?: string },
      vscode.version,
      vscode.env.appName,
      vscode.env.remoteName,
    ),
  );
  const logSettings = () =>
    outputChannel.info(
      describeSettings(context.extension.packageJSON, (key) => vscode.workspace.getConfiguration().inspect(key)),
    );
  logSettings();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('podPatterns') && logSettings()),
  );
  const keeper = createServerKeeper(outputChannel, () => client);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: 'podPatterns' },
    outputChannel,
    traceOutputChannel: outputChannel,
    // documentSummary: this client's status bar reads the podPatterns/documentSummary notification. The snippets
    // come from the server's completion, like every client's, so each is offered only where it fits.
    initializationOptions: {
      settings: vscode.workspace.getConfiguration('podPatterns'),
      documentSummary: true,
    },
    middleware: {
      ...registerSelectAfterEdit(context, () => client?.state === State.Running),
      ...registerDocs(context),
      ...keeper.middleware,
    },
    errorHandler: keeper.errorHandler,
  };
  client = new LanguageClient('podPatterns', 'Pod Patterns', serverOptions, clientOptions);
  context.subscriptions.push(outputChannel, new PodStatusBar(client), ...registerServerCommands(client, outputChannel));
  registerAuthoringCommands(context, () => client);
  await client.start();
  const previews = registerTopologyPreview(context, client);
  registerWalkthrough(context, previews);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

import * as vscode from 'vscode';

/** The examples the walkthrough opens, one per pattern (shipped in the extension's `examples/`). */
export const WALKTHROUGH_EXAMPLES = [
  'init-git-sync.yaml',
  'sidecar-log-writer.yaml',
  'native-sidecar-job.yaml',
  'adapter-prometheus-exporter.yaml',
  'ambassador-forward-proxy.yaml',
] as const;

export const OPEN_EXAMPLE_COMMAND = 'podPatterns.openExample';

/** What the walkthrough needs of the previews: show a tab in those that follow the editor. */
export interface PreviewTabs {
  showTab(tab: 'topology' | 'lifecycle'): void;
}

/**
 * The walkthrough's steps run `podPatterns.openExample` with an example's name and a tab: it
 * opens the example shipped with the extension with its topology preview beside it, on that tab.
 */
export function registerWalkthrough(context: vscode.ExtensionContext, previews: PreviewTabs): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_EXAMPLE_COMMAND, async (name: unknown, tab: unknown) => {
      if (typeof name !== 'string' || !(WALKTHROUGH_EXAMPLES as readonly string[]).includes(name)) return;
      const document = await vscode.workspace.openTextDocument(
        vscode.Uri.joinPath(context.extensionUri, 'examples', name),
      );
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: true });
      await vscode.commands.executeCommand('podPatterns.showTopologyToSide', document.uri);
      previews.showTab(tab === 'lifecycle' ? 'lifecycle' : 'topology');
    }),
  );
}

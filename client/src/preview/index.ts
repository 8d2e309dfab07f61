import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { mentionsPodKind } from '../../../server/src/shared/podKinds';
import { TOPOLOGY_AUTHORING_COMMANDS, type TopologyViewState } from '../../../server/src/shared/topologyWebview';
import { TOPOLOGY_VIEW_TYPE, TopologyPreview, webviewOptions } from './topologyPreview';

/**
 * The topology previews, like the Markdown preview: "Open" shows the file in the preview
 * that follows the active editor; a locked preview keeps its file.
 */
export function registerTopologyPreview(
  context: vscode.ExtensionContext,
  client: LanguageClient,
): { showTab(tab: 'topology' | 'lifecycle'): void } {
  const previews = new Set<TopologyPreview>();
  const track = (preview: TopologyPreview) => {
    previews.add(preview);
    preview.onDidDispose(() => previews.delete(preview));
    return preview;
  };
  const isYaml = (document: vscode.TextDocument) => document.languageId === 'yaml';

  function open(column: vscode.ViewColumn, uri?: vscode.Uri): void {
    const editor = vscode.window.activeTextEditor;
    const resource = uri ?? editor?.document.uri;
    if (!resource || (!uri && editor && !isYaml(editor.document))) {
      void vscode.window.showInformationMessage(
        'Open a YAML file with a Pod, Deployment, Job or other pod-bearing object to preview its topology.',
      );
      return;
    }
    const cursor =
      editor && editor.document.uri.toString() === resource.toString()
        ? editor.document.offsetAt(editor.selection.active)
        : undefined;
    const following = [...previews].find((preview) => !preview.locked);
    if (following) {
      following.panel.reveal(column, column === vscode.ViewColumn.Beside);
      following.show(resource, cursor);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      TOPOLOGY_VIEW_TYPE,
      'Topology',
      { viewColumn: column, preserveFocus: column === vscode.ViewColumn.Beside },
      webviewOptions(context.extensionUri),
    );
    track(new TopologyPreview(panel, client, context.extensionUri, {})).show(resource, cursor);
  }

  const hasPods = (editor: vscode.TextEditor | undefined) =>
    !!editor && isYaml(editor.document) && mentionsPodKind(editor.document.getText());

  context.subscriptions.push(
    vscode.commands.registerCommand('podPatterns.showTopology', (uri?: vscode.Uri) =>
      open(vscode.ViewColumn.Active, uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.commands.registerCommand('podPatterns.showTopologyToSide', (uri?: vscode.Uri) =>
      open(vscode.ViewColumn.Beside, uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.commands.registerCommand('podPatterns.toggleTopologyLock', () => {
      const active = [...previews].find((preview) => preview.panel.active);
      active?.toggleLock();
    }),
    // The preview's context menu: "Add … here" on the node right-clicked (its id comes in the webview context).
    ...TOPOLOGY_AUTHORING_COMMANDS.map((entry) =>
      vscode.commands.registerCommand(`${entry.command}.fromTopology`, (context?: { nodeId?: unknown }) => {
        const active = [...previews].find((preview) => preview.panel.active);
        return active?.runAuthoringCommand(
          entry.command,
          typeof context?.nodeId === 'string' ? context.nodeId : undefined,
        );
      }),
    ),
    vscode.window.registerWebviewPanelSerializer(TOPOLOGY_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: TopologyViewState | undefined) {
        const preview = track(new TopologyPreview(panel, client, context.extensionUri, state ?? {}));
        // A panel closed before it ever showed a file comes back following the active editor.
        const editor = vscode.window.activeTextEditor;
        if (!preview.uri && editor && hasPods(editor))
          preview.show(editor.document.uri, editor.document.offsetAt(editor.selection.active));
      },
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      // Every YAML file is followed, so one without pods (or a template) clears the picture instead of leaving another file's pod.
      if (!editor || !isYaml(editor.document)) return;
      const cursor = editor.document.offsetAt(editor.selection.active);
      for (const preview of previews) if (!preview.locked) preview.show(editor.document.uri, cursor);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      const uri = event.document.uri.toString();
      for (const preview of previews) if (preview.uri?.toString() === uri) preview.scheduleRefresh();
    }),
    vscode.window.onDidChangeTextEditorSelection((event) => {
      const offset = event.textEditor.document.offsetAt(event.selections[0]!.active);
      for (const preview of previews) preview.cursorMoved(event.textEditor.document, offset);
    }),
    { dispose: () => [...previews].forEach((preview) => preview.dispose()) },
  );
  return { showTab: (tab) => previews.forEach((preview) => !preview.locked && preview.showTab(tab)) };
}

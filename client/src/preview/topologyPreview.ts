import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TopologyRequest, type TopologyParams, type TopologyResult } from '../../../server/src/shared/protocol';
import {
  TOPOLOGY_AUTHORING_COMMANDS,
  type FromTopologyWebview,
  type ToTopologyWebview,
  type TopologyViewState,
} from '../../../server/src/shared/topologyWebview';
import type { TopologyNode } from '../../../server/src/shared/topology/types';
import { exportTopologySvg } from './exportSvg';
import { topologyPageHtml } from './html';
import { nodeAtOffset } from '../../../server/src/shared/topology/nodeAtOffset';

export const TOPOLOGY_VIEW_TYPE = 'podPatterns.topology';
/** Edits closer together than this are drawn once, at the end. */
const REFRESH_INTERVAL_MS = 300;

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  // Only the bundle and its stylesheet may be loaded; the panel is rebuilt from state when hidden (no retainContextWhenHidden).
  return {
    enableScripts: true,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'webview', 'out'),
      vscode.Uri.joinPath(extensionUri, 'webview', 'media'),
    ],
  };
}

/** One preview panel: which file it shows, whether it follows the active editor, and its last answer. */
export class TopologyPreview implements vscode.Disposable {
  private resource: vscode.Uri | undefined;
  private target: { documentIndex: number; podIndex: number } | undefined;
  private result: TopologyResult | undefined;
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private lastCursorOffset: number | undefined;
  private highlighted: string | null = null;
  /** The tab asked for by the walkthrough, if any: a page still loading would miss the message. */
  private tab: 'topology' | 'lifecycle' | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly client: LanguageClient,
    private readonly extensionUri: vscode.Uri,
    state: TopologyViewState,
    private lockedState = state.locked ?? false,
  ) {
    if (state.uri) this.resource = vscode.Uri.parse(state.uri);
    if (state.documentIndex !== undefined && state.podIndex !== undefined)
      this.target = { documentIndex: state.documentIndex, podIndex: state.podIndex };
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = this.html();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: FromTopologyWebview) => void this.onMessage(message)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.updateTitle();
  }

  get uri(): vscode.Uri | undefined {
    return this.resource;
  }

  get locked(): boolean {
    return this.lockedState;
  }

  /** Shows another file (following the active editor); the pod is chosen by the cursor. */
  show(uri: vscode.Uri, cursorOffset?: number): void {
    if (this.resource?.toString() === uri.toString()) return;
    this.resource = uri;
    this.target = undefined;
    this.result = undefined;
    this.lastCursorOffset = cursorOffset;
    this.updateTitle();
    this.refreshNow();
  }

  /** Called on every edit of the shown file: at most one request per interval, the last edit always drawn. */
  scheduleRefresh(): void {
    if (this.timer) {
      this.dirty = true;
      return;
    }
    this.refreshNow();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.dirty) {
        this.dirty = false;
        this.scheduleRefresh();
      }
    }, REFRESH_INTERVAL_MS);
  }

  /** The editor's cursor moved in the shown file: highlight the node under it, or switch to the pod it entered. */
  cursorMoved(document: vscode.TextDocument, offset: number): void {
    if (document.uri.toString() !== this.resource?.toString()) return;
    this.lastCursorOffset = offset;
    const graph = this.result?.graph;
    if (!graph) return;
    const shown = graph.target;
    const entered = this.result!.targets.find((target) => target.start <= offset && offset <= target.end);
    if (entered && (entered.documentIndex !== shown.documentIndex || entered.podIndex !== shown.podIndex)) {
      this.target = { documentIndex: entered.documentIndex, podIndex: entered.podIndex };
      this.refreshNow();
      return;
    }
    this.highlight(nodeAtOffset(graph.nodes, offset)?.id ?? null);
  }

  /** Selection events come in bursts while typing or dragging: only a change of node is sent. */
  private highlight(nodeId: string | null, force = false): void {
    if (!force && nodeId === this.highlighted) return;
    this.highlighted = nodeId;
    void this.post({ type: 'highlight', nodeId });
  }

  /** Switches the page to a tab (the walkthrough shows the lifecycle); sent again when a new page says it is ready. */
  showTab(tab: 'topology' | 'lifecycle'): void {
    this.tab = tab;
    void this.post({ type: 'showTab', tab });
  }

  toggleLock(): void {
    this.lockedState = !this.lockedState;
    this.updateTitle();
    void this.post({ type: 'locked', locked: this.lockedState });
  }

  refreshNow(): void {
    const uri = this.resource;
    if (!uri) return;
    const params: TopologyParams = {
      uri: this.client.code2ProtocolConverter.asUri(uri),
      ...(this.target
        ? { target: this.target }
        : this.lastCursorOffset !== undefined
          ? { offset: this.lastCursorOffset }
          : {}),
    };
    // After a reload the file may not be open yet: opening it hands it to the language server first.
    Promise.resolve(vscode.workspace.openTextDocument(uri))
      .then(() => this.client.sendRequest(TopologyRequest, params))
      .then(
        (result) => this.accept(uri, result),
        (error: unknown) =>
          this.client.warn(
            `Topology request for ${uri.toString()} failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
      );
  }

  private accept(uri: vscode.Uri, result: TopologyResult): void {
    if (uri.toString() !== this.resource?.toString()) return;
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    // An answer computed from an older text than the editor's is dropped: a newer request is on its way.
    if (document && result.version !== null && result.version < document.version) return;
    this.result = result;
    if (result.graph)
      this.target = { documentIndex: result.graph.target.documentIndex, podIndex: result.graph.target.podIndex };
    void this.post({
      type: 'topology',
      uri: uri.toString(),
      fileName: path.posix.basename(uri.path),
      version: result.version,
      targets: result.targets,
      graph: result.graph,
      lifecycle: result.lifecycle,
      template: result.template,
      syntaxError: result.syntaxError ?? null,
      locked: this.lockedState,
    });
    if (this.lastCursorOffset !== undefined && result.graph) {
      // A new page (after a reload) has no highlight yet: always send it with a new graph.
      this.highlight(nodeAtOffset(result.graph.nodes, this.lastCursorOffset)?.id ?? null, true);
    }
  }

  private async onMessage(message: FromTopologyWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        if (this.tab) void this.post({ type: 'showTab', tab: this.tab });
        this.refreshNow();
        break;
      case 'reveal': {
        const node = this.result?.graph?.nodes.find((candidate) => candidate.id === message.nodeId);
        if (node) await this.reveal(node);
        break;
      }
      case 'selectTarget':
        this.target = { documentIndex: message.documentIndex, podIndex: message.podIndex };
        this.refreshNow();
        break;
      case 'toggleLock':
        this.toggleLock();
        break;
      case 'exportSvg':
        if (this.result?.graph && this.resource)
          await exportTopologySvg(this.result, message.tab ?? 'topology', this.resource, {
            width: message.width,
            height: message.height,
          });
        break;
      case 'runCommand':
        await this.runAuthoringCommand(message.command);
        break;
    }
  }

  /** Selects a node's source in an editor beside the preview, opening one if needed. */
  private async reveal(node: TopologyNode): Promise<vscode.TextEditor | undefined> {
    if (!node.range || !this.resource) return undefined;
    const editor = await this.editorForResource();
    if (!editor) return undefined;
    const start = new vscode.Position(node.range.startPosition.line, node.range.startPosition.character);
    const end = new vscode.Position(node.range.endPosition.line, node.range.endPosition.character);
    editor.selection = new vscode.Selection(start, end);
    editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  private async editorForResource(): Promise<vscode.TextEditor | undefined> {
    const uri = this.resource!;
    const visible = vscode.window.visibleTextEditors.find(
      (editor) => editor.document.uri.toString() === uri.toString(),
    );
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const column =
        visible?.viewColumn ??
        (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
      return await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false });
    } catch (error) {
      void vscode.window.showErrorMessage(
        `Cannot open ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
  }

  /**
   * Runs an authoring command on the shown pod: at the chosen node when one is given (the
   * context menu), else at the editor's cursor when it is inside the pod, else at the pod's start.
   */
  async runAuthoringCommand(command: string, nodeId?: string): Promise<void> {
    if (!TOPOLOGY_AUTHORING_COMMANDS.some((entry) => entry.command === command)) return;
    const nodes = this.result?.graph?.nodes ?? [];
    const pod = nodes.find((node) => node.kind === 'pod');
    const chosen = nodes.find((node) => node.id === nodeId && node.range);
    const editor = await this.editorForResource();
    if (!editor || !pod?.range) return;
    const cursor = editor.document.offsetAt(editor.selection.active);
    const cursorInPod = cursor >= pod.range.start && cursor <= pod.range.end;
    const at = chosen?.range?.startPosition ?? (cursorInPod ? editor.selection.active : pod.range.startPosition);
    const position = new vscode.Position(at.line, at.character);
    editor.selection = new vscode.Selection(position, position);
    try {
      await vscode.commands.executeCommand(command, {
        uri: editor.document.uri.toString(),
        position: { line: position.line, character: position.character },
      });
    } catch (error) {
      void vscode.window.showErrorMessage(
        `${command} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private post(message: ToTopologyWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private updateTitle(): void {
    const name = this.resource ? path.posix.basename(this.resource.path) : 'Pod';
    this.panel.title = `${this.lockedState ? '[Locked] ' : ''}Topology: ${name}`;
  }

  private html(): string {
    const webview = this.panel.webview;
    return topologyPageHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'webview', 'out', 'main.js')).toString(),
      styleUri: webview
        .asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'webview', 'media', 'topology.css'))
        .toString(),
      nonce: randomBytes(18).toString('base64'),
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}

import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { DocumentSummaryNotification, type DocumentSummary } from '../../server/src/shared/protocol';

/** True while the active editor shows a YAML document the server found pods in; menus key off it. */
export const HAS_PODS_CONTEXT_KEY = 'podPatterns.documentHasPods';

const PROBLEMS_VIEW_COMMAND = 'workbench.actions.view.problems';

/**
 * A status bar item for the active pod file: how many pods the server found and the worst
 * finding among them; a click opens the Problems view. Driven by the server's per-document
 * summary notification, so it never re-reads the document itself.
 */
export class PodStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly summaries = new Map<string, DocumentSummary>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private hasPods: boolean | undefined;

  constructor(client: LanguageClient) {
    this.item = vscode.window.createStatusBarItem('podPatterns.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Pod Patterns';
    this.item.command = PROBLEMS_VIEW_COMMAND;
    this.subscriptions.push(
      this.item,
      client.onNotification(DocumentSummaryNotification, (summary: DocumentSummary) => {
        this.summaries.set(summary.uri, summary);
        this.refresh();
      }),
      // A stopped server's counts are stale: nothing is shown until the restarted server reports.
      client.onDidChangeState((change) => {
        if (change.newState === State.Running) return;
        this.summaries.clear();
        this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidCloseTextDocument((document) => this.summaries.delete(document.uri.toString())),
    );
    this.refresh();
  }

  private refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    const summary = document?.languageId === 'yaml' ? this.summaries.get(document.uri.toString()) : undefined;
    const podCount = summary?.podCount ?? 0;
    this.setHasPods(podCount > 0);
    if (!summary || podCount === 0) {
      this.item.hide();
      return;
    }
    const pods = `${podCount} ${podCount === 1 ? 'pod' : 'pods'}`;
    const worst =
      summary.errors > 0
        ? `$(error) ${summary.errors}`
        : summary.warnings > 0
          ? `$(warning) ${summary.warnings}`
          : '$(check)';
    this.item.text = `$(package) ${pods} ${worst}`;
    const findings = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
    this.item.tooltip = `Pod Patterns: ${pods}, ${findings}. Click to open the Problems view.`;
    this.item.accessibilityInformation = { label: `Pod Patterns: ${pods}, ${findings}` };
    this.item.show();
  }

  private setHasPods(hasPods: boolean): void {
    if (this.hasPods === hasPods) return;
    this.hasPods = hasPods;
    void vscode.commands.executeCommand('setContext', HAS_PODS_CONTEXT_KEY, hasPods);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

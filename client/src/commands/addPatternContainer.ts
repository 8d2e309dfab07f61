import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PATTERNS, type PatternInfo } from '../../../server/src/shared/patternCatalog';
import {
  InsertPatternRequest,
  type InsertPatternParams,
  type ProtocolRange,
} from '../../../server/src/shared/protocol';

function toRange(range: ProtocolRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/**
 * Optional arguments, for callers other than the palette (the topology view's "Add sidecar
 * here"): the document and a position inside the pod, and the template to skip the pick.
 */
export interface AddPatternArguments {
  readonly uri?: string;
  readonly position?: { readonly line: number; readonly character: number };
  readonly template?: string;
}

async function addPatternContainer(
  pattern: PatternInfo,
  getClient: () => LanguageClient | undefined,
  args: AddPatternArguments = {},
): Promise<void> {
  // A caller beside the editor (the topology preview) names the document: reuse its visible editor.
  const editor = args.uri
    ? (vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === args.uri) ??
      (await vscode.window.showTextDocument(vscode.Uri.parse(args.uri), { preserveFocus: false })))
    : vscode.window.activeTextEditor;
  const client = getClient();
  if (!editor || editor.document.languageId !== 'yaml') {
    void vscode.window.showWarningMessage(
      `Pod Patterns: open a YAML file with a pod to ${pattern.title.toLowerCase()}.`,
    );
    return;
  }
  if (!client) return;
  const templateId =
    args.template ??
    (
      await vscode.window.showQuickPick(
        pattern.templates.map((template) => ({ label: template.label, detail: template.detail, id: template.id })),
        { title: `Pod Patterns: ${pattern.title}`, placeHolder: 'Choose what the container does' },
      )
    )?.id;
  if (!templateId) return;
  const document = editor.document;
  const version = document.version;
  const params: InsertPatternParams = {
    uri: document.uri.toString(),
    position: args.position ?? { line: editor.selection.active.line, character: editor.selection.active.character },
    kind: pattern.kind,
    template: templateId,
  };
  const response = await client.sendRequest(InsertPatternRequest, params);
  if (!response.ok) {
    void vscode.window.showWarningMessage(`Pod Patterns: cannot ${pattern.title.toLowerCase()}: ${response.reason}.`);
    return;
  }
  if (document.version !== version) return; // The user typed meanwhile: the edits are stale.
  const edit = new vscode.WorkspaceEdit();
  for (const change of response.edits) edit.replace(document.uri, toRange(change.range), change.newText);
  if (!(await vscode.workspace.applyEdit(edit))) return;
  if (response.selection) {
    const selection = toRange(response.selection);
    editor.selection = new vscode.Selection(selection.start, selection.end);
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

/** "Pod Patterns: Add Init Container / Sidecar / Native Sidecar / Adapter / Ambassador". */
export function registerAuthoringCommands(
  context: vscode.ExtensionContext,
  getClient: () => LanguageClient | undefined,
): void {
  for (const pattern of PATTERNS) {
    context.subscriptions.push(
      vscode.commands.registerCommand(pattern.command, (args?: AddPatternArguments) =>
        addPatternContainer(pattern, getClient, args),
      ),
    );
  }
}

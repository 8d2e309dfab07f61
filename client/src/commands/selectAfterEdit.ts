import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { SELECTION_DATA_KEY, type ProtocolRange } from '../../../server/src/shared/protocol';

const SELECT_COMMAND = 'podPatterns.selectAfterEdit';

/**
 * The insert-pattern code actions carry the range of the value to fill in: once VS Code has
 * applied their edit, it runs this command, which selects that value, as the palette
 * commands do.
 */
export function registerSelectAfterEdit(
  context: vscode.ExtensionContext,
  serverRunning: () => boolean = () => true,
): Middleware {
  context.subscriptions.push(
    vscode.commands.registerCommand(SELECT_COMMAND, (uri: string, range: ProtocolRange) => {
      const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri);
      if (!editor) return;
      const selection = new vscode.Selection(
        range.start.line,
        range.start.character,
        range.end.line,
        range.end.character,
      );
      editor.selection = selection;
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  );
  return {
    async provideCodeActions(document, range, codeActionContext, token, next) {
      // While the server restarts a request would only fail (and be logged as an error).
      if (!serverRunning()) return [];
      let actions;
      try {
        actions = await next(document, range, codeActionContext, token);
      } catch {
        // The server is down (it is being restarted): no actions this time, the editor asks again.
        return [];
      }
      for (const action of actions ?? []) {
        const data = (action as { data?: Record<string, unknown> }).data;
        const selection = data?.[SELECTION_DATA_KEY] as ProtocolRange | undefined;
        if (action instanceof vscode.CodeAction && selection && !action.command) {
          action.command = {
            command: SELECT_COMMAND,
            title: 'Select the value to fill in',
            arguments: [document.uri.toString(), selection],
          };
        }
      }
      return actions;
    },
  };
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  DidOpenTextDocumentNotification,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClient,
  type Middleware,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';

const SHOW_OUTPUT = 'Show Output';

/**
 * Keeps the language server alive: an error handler that always restarts it (with backoff,
 * never giving up as vscode-languageclient's default does after a few crashes), and document
 * middleware that does not send the server a file it crashed on repeatedly until the file changes.
 */
export function createServerKeeper(
  outputChannel: vscode.OutputChannel,
  client: () => LanguageClient | undefined,
): { errorHandler: ErrorHandler; middleware: Middleware } {
  const policy = new RestartPolicy();
  /** Documents open in the editor that the server was not sent (skipped). */
  const notOnServer = new Set<string>();

  const errorHandler: ErrorHandler = {
    // Read/write errors come with a dying connection: `closed` decides about the restart.
    error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue, handled: true }),
    closed: async (): Promise<CloseHandlerResult> => {
      const decision = policy.crashed();
      outputChannel.appendLine(
        `The Pod Patterns language server stopped; restarting it in ${decision.restartAfterMs} ms.`,
      );
      if (decision.skipped) {
        const name = path.basename(vscode.Uri.parse(decision.skipped).fsPath);
        outputChannel.appendLine(
          `The server stopped repeatedly while working on ${decision.skipped}: that file is not validated until it changes.`,
        );
        void vscode.window
          .showWarningMessage(
            `Pod Patterns: the language server stopped repeatedly while working on ${name}. The file is skipped until you change it.`,
            SHOW_OUTPUT,
          )
          .then((choice) => {
            if (choice === SHOW_OUTPUT) outputChannel.show(true);
          });
      }
      await new Promise((resolve) => setTimeout(resolve, decision.restartAfterMs));
      return { action: CloseAction.Restart, handled: true };
    },
  };

  /**
   * Sends a document notification and says whether it went out; while the server is down (between a
   * crash and its restart) sending fails, which is fine: the restarted server is sent every open
   * document afresh. Only a text the server received can be blamed for its next crash: typing just
   * after a crash must not get the file skipped.
   */
  const forward = async (send: () => Promise<void>): Promise<boolean> => {
    try {
      await send();
      return true;
    } catch (error) {
      outputChannel.appendLine(
        `Not sent to the language server (it is restarting): ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    }
  };

  const middleware: Middleware = {
    didOpen: async (document, next) => {
      const uri = document.uri.toString();
      if (policy.isSkipped(uri, document.getText())) {
        notOnServer.add(uri);
        return;
      }
      notOnServer.delete(uri);
      const text = document.getText();
      if (await forward(() => next(document))) policy.sent(uri, text);
    },
    didChange: async (event, next) => {
      const uri = event.document.uri.toString();
      const text = event.document.getText();
      if (notOnServer.has(uri)) {
        if (policy.isSkipped(uri, text)) return;
        // Changed since it was skipped: the server learns of it now, with its whole text.
        notOnServer.delete(uri);
        const { languageId, version } = event.document;
        const received = await forward(async () =>
          client()?.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId, version, text },
          }),
        );
        if (received) policy.sent(uri, text);
        return;
      }
      if (await forward(() => next(event))) policy.sent(uri, text);
    },
    didSave: async (document, next) => {
      if (!notOnServer.has(document.uri.toString())) await forward(() => next(document));
    },
    didClose: async (document, next) => {
      const uri = document.uri.toString();
      policy.closed(uri);
      if (notOnServer.delete(uri)) return;
      await forward(() => next(document));
    },
  };
  return { errorHandler, middleware };
}

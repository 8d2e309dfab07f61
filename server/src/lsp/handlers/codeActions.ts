import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { guardRequest } from './requestGuard';
import type { FeatureHandler, ServerState } from './types';
import { rangeInResult, toTextEdits } from './editConversion';
import { SELECTION_DATA_KEY } from '../../shared/protocol';

/** Quick fixes for our diagnostics and the insert-pattern refactorings. */
export const codeActionsHandler: FeatureHandler = {
  capabilities: {
    codeActionProvider: {
      codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.SourceFixAll],
      resolveProvider: false,
    },
  },
  register(state: ServerState): void {
    state.connection.onCodeAction((params: CodeActionParams, token) =>
      guardRequest(state, token, async (): Promise<CodeAction[]> => {
        const file = await state.fileForRequest(params.textDocument.uri, token);
        if (!file || !file.isRelevant) return [];
        const settings = await state.settingsFor(params.textDocument.uri);
        if (token.isCancellationRequested) return [];
        const positions = state.positions;
        const diagnostics: readonly Diagnostic[] = params.context.diagnostics;
        const actions = state.service.codeActions(
          file,
          {
            start: positions.offsetAt(file, params.range.start),
            end: positions.offsetAt(file, params.range.end),
            diagnostics: diagnostics.map((diagnostic) => ({
              code: typeof diagnostic.code === 'string' ? diagnostic.code : String(diagnostic.code ?? ''),
              source: diagnostic.source,
              start: positions.offsetAt(file, diagnostic.range.start),
              end: positions.offsetAt(file, diagnostic.range.end),
              data: diagnostic.data,
            })),
            only: params.context.only,
          },
          settings,
        );
        return actions.map((action): CodeAction => {
          const fixed = action.fixes?.map((index) => diagnostics[index]!).filter(Boolean);
          const out: CodeAction = { title: action.title, kind: action.kind };
          if (action.disabledReason) out.disabled = { reason: action.disabledReason };
          else out.edit = { changes: { [params.textDocument.uri]: toTextEdits(file, action.edits, positions) } };
          if (action.isPreferred) out.isPreferred = true;
          // Where the value to fill in lands once the edit is applied; our client selects it.
          if (action.selection && !action.disabledReason)
            out.data = { [SELECTION_DATA_KEY]: rangeInResult(file, action.edits, action.selection, positions) };
          if (fixed?.length) out.diagnostics = fixed;
          return out;
        });
      }),
    );
  },
};

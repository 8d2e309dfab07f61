import { MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import { guardRequest } from './requestGuard';
import type { FeatureHandler, ServerState } from './types';

/** Schema keys and enum values, and pod-aware values: volumes, named ports, container names, pinned images. */
export const completionHandler: FeatureHandler = {
  capabilities: { completionProvider: { triggerCharacters: [' ', ':'], resolveProvider: false } },
  register(state: ServerState): void {
    state.connection.onCompletion((params: CompletionParams, token) =>
      guardRequest(state, token, async (): Promise<CompletionItem[]> => {
        const file = await state.fileForRequest(params.textDocument.uri, token);
        if (!file || !file.isRelevant) return [];
        const lines = file.lineIndex;
        return state.service.completions(file, lines.offsetAt(params.position)).map((item) => ({
          label: item.label,
          kind: item.kind,
          detail: item.detail,
          documentation: item.documentation ? { kind: MarkupKind.PlainText, value: item.documentation } : undefined,
          sortText: item.sortText,
          filterText: item.label,
          textEdit: {
            range: { start: lines.positionAt(item.replace.start), end: lines.positionAt(item.replace.end) },
            newText: item.insertText,
          },
        }));
      }),
    );
  },
};

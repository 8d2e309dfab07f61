import { InsertTextFormat, MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import { snippetAsPlainText } from '../../service';
import { guardRequest } from './requestGuard';
import type { FeatureHandler, ServerState } from './types';

/**
 * Schema keys and enum values, and pod-aware values: volumes, named ports, container names, pinned
 * images; the snippets of snippets/ where they make sense, unless the client has its own (VS Code).
 */
export const completionHandler: FeatureHandler = {
  capabilities: { completionProvider: { triggerCharacters: [' ', ':'], resolveProvider: false } },
  register(state: ServerState): void {
    state.connection.onCompletion((params: CompletionParams, token) =>
      guardRequest(state, token, async (): Promise<CompletionItem[]> => {
        const file = await state.fileForRequest(params.textDocument.uri, token);
        // The service decides relevance: a new, still empty document gets its kind and snippets.
        if (!file) return [];
        const positions = state.positions;
        const completions = state.service.completions(file, positions.offsetAt(file, params.position));
        return completions
          .filter((item) => !item.snippet || state.client.snippets)
          .map((item) => {
            const asSnippet = item.snippet && state.client.snippetSupport;
            return {
              label: item.label,
              kind: item.kind,
              detail: item.detail,
              documentation: item.documentation ? { kind: MarkupKind.PlainText, value: item.documentation } : undefined,
              sortText: item.sortText,
              filterText: item.label,
              ...(asSnippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
              textEdit: {
                range: positions.rangeAt(file, item.replace),
                newText: item.snippet && !asSnippet ? snippetAsPlainText(item.insertText) : item.insertText,
              },
            };
          });
      }),
    );
  },
};

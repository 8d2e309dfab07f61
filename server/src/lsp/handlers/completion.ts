import {
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionParams,
  type MarkupContent,
} from 'vscode-languageserver';
import { snippetAsPlainText, type ServiceCompletion } from '../../service';
import { escapeMarkdown, markdownCodeBlock } from '../../shared/markdown';
import { guardRequest } from './requestGuard';
import type { FeatureHandler, ServerState } from './types';

/**
 * Schema keys and enum values, and pod-aware values: volumes, named ports, container names, pinned
 * images; the snippets of snippets/ where they make sense, unless the client asked for none.
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
        const markdown =
          state
            .clientCapabilities()
            .textDocument?.completion?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown) === true;
        const completions = state.service.completions(file, positions.offsetAt(file, params.position));
        return completions
          .filter((item) => !item.snippet || state.client.snippets)
          .map((item) => {
            const asSnippet = item.snippet && state.client.snippetSupport;
            return {
              label: item.label,
              kind: item.kind,
              detail: item.detail,
              documentation: documentationOf(item, markdown),
              sortText: item.sortText,
              filterText: item.filterText ?? item.label,
              ...(asSnippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
              // A snippet's later lines carry the cursor line's indentation already: a client that
              // re-indents them (VS Code does by default) would indent them twice.
              ...(item.snippet ? { insertTextMode: InsertTextMode.asIs } : {}),
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

/** A completion's note; a snippet's with the text it gives, as a YAML code block where the client renders Markdown. */
function documentationOf(item: ServiceCompletion, markdown: boolean): MarkupContent | undefined {
  if (item.preview === undefined) {
    return item.documentation ? { kind: MarkupKind.PlainText, value: item.documentation } : undefined;
  }
  if (!markdown) {
    return { kind: MarkupKind.PlainText, value: `${item.documentation ?? ''}\n\n${item.preview}`.trimStart() };
  }
  const note = item.documentation ? `${escapeMarkdown(item.documentation)}\n\n` : '';
  return { kind: MarkupKind.Markdown, value: `${note}${markdownCodeBlock(item.preview, 'yaml')}` };
}

import {
  SymbolKind,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type SymbolInformation,
} from 'vscode-languageserver';
import type { OutlineKind, OutlineSymbol, ParsedFile } from '../../service';
import { toLspRange } from './editConversion';
import { guardRequest } from './requestGuard';
import type { FeatureHandler, ServerState } from './types';

const SYMBOL_KINDS: Readonly<Record<OutlineKind, SymbolKind>> = {
  object: SymbolKind.Class,
  list: SymbolKind.Array,
  container: SymbolKind.Object,
  volume: SymbolKind.Field,
};

/** The outline: objects, and for pods their init containers, containers and volumes. */
export const documentSymbolsHandler: FeatureHandler = {
  capabilities: { documentSymbolProvider: { label: 'Pod Patterns' } },
  register(state: ServerState): void {
    state.connection.onDocumentSymbol((params: DocumentSymbolParams, token) =>
      guardRequest(state, token, async (): Promise<DocumentSymbol[] | SymbolInformation[] | null> => {
        const file = await state.fileForRequest(params.textDocument.uri, token);
        if (!file || !file.isRelevant) return null;
        const outline = state.service.documentSymbols(file);
        const hierarchical =
          state.clientCapabilities().textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
        return hierarchical
          ? outline.map((symbol) => toDocumentSymbol(file, symbol))
          : outline.flatMap((symbol) => flatten(file, params.textDocument.uri, symbol, undefined));
      }),
    );
  },
};

function toDocumentSymbol(file: ParsedFile, symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: SYMBOL_KINDS[symbol.kind],
    range: toLspRange(file, symbol.range),
    selectionRange: toLspRange(file, symbol.selectionRange),
    children: symbol.children.map((child) => toDocumentSymbol(file, child)),
  };
}

/** For clients without hierarchical symbols: each entry with its parent's name as container. */
function flatten(
  file: ParsedFile,
  uri: string,
  symbol: OutlineSymbol,
  parent: string | undefined,
): SymbolInformation[] {
  return [
    {
      name: symbol.name,
      kind: SYMBOL_KINDS[symbol.kind],
      location: { uri, range: toLspRange(file, symbol.range) },
      ...(parent ? { containerName: parent } : {}),
    },
    ...symbol.children.flatMap((child) => flatten(file, uri, child, symbol.name)),
  ];
}

import {
  DocumentHighlightKind,
  type DocumentHighlight,
  type DocumentHighlightParams,
  type Location,
  type ReferenceParams,
} from 'vscode-languageserver';
import { toLspRange } from './editConversion';
import { guardRequest } from './requestGuard';
import type { FeatureHandler, ServerState } from './types';

/** Find references and document highlights: every place of the file linked to a name. */
export const referencesHandler: FeatureHandler = {
  capabilities: { referencesProvider: true, documentHighlightProvider: true },
  register(state: ServerState): void {
    state.connection.onReferences((params: ReferenceParams, token) =>
      guardRequest(state, token, async (): Promise<Location[] | null> => {
        const file = await state.fileForRequest(params.textDocument.uri, token);
        if (!file || !file.isRelevant) return null;
        const ranges = state.service.references(
          file,
          file.lineIndex.offsetAt(params.position),
          params.context.includeDeclaration,
        );
        return ranges.map((range) => ({ uri: params.textDocument.uri, range: toLspRange(file, range) }));
      }),
    );
    state.connection.onDocumentHighlight((params: DocumentHighlightParams, token) =>
      guardRequest(state, token, async (): Promise<DocumentHighlight[] | null> => {
        const file = await state.fileForRequest(params.textDocument.uri, token);
        if (!file || !file.isRelevant) return null;
        return state.service.highlights(file, file.lineIndex.offsetAt(params.position)).map((highlight) => ({
          range: toLspRange(file, highlight),
          kind: highlight.role === 'definition' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
        }));
      }),
    );
  },
};

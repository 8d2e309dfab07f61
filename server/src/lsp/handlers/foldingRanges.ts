import type { FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import { guardRequest } from './requestGuard';
import type { FeatureHandler, ServerState } from './types';

/** Folding: every block of the file that spans lines, within the client's range limit. */
export const foldingRangesHandler: FeatureHandler = {
  capabilities: { foldingRangeProvider: true },
  register(state: ServerState): void {
    state.connection.onFoldingRanges((params: FoldingRangeParams, token) =>
      guardRequest(state, token, async (): Promise<FoldingRange[] | null> => {
        const file = await state.fileForRequest(params.textDocument.uri, token);
        if (!file || !file.isRelevant) return null;
        const ranges = state.service.foldingRanges(file);
        const limit = state.clientCapabilities().textDocument?.foldingRange?.rangeLimit;
        return typeof limit === 'number' && limit >= 0 ? ranges.slice(0, limit) : ranges;
      }),
    );
  },
};

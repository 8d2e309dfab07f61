import type { SelectionRange, SelectionRangeParams } from 'vscode-languageserver';
import { toLspRange } from './editConversion';
import { guardRequest } from './requestGuard';
import type { FeatureHandler, ServerState } from './types';

/** Expand selection: name → key or value → pair → block → … → document, for each position asked. */
export const selectionRangesHandler: FeatureHandler = {
  capabilities: { selectionRangeProvider: true },
  register(state: ServerState): void {
    state.connection.onSelectionRanges((params: SelectionRangeParams, token) =>
      guardRequest(state, token, async (): Promise<SelectionRange[] | null> => {
        const file = await state.fileForRequest(params.textDocument.uri, token);
        if (!file || !file.isRelevant) return null;
        return params.positions.map((position) => {
          const offset = file.lineIndex.offsetAt(position);
          const innermostFirst = state.service.selectionRanges(file, offset);
          let chain: SelectionRange | undefined;
          for (const range of [...innermostFirst].reverse())
            chain = { range: toLspRange(file, range), ...(chain ? { parent: chain } : {}) };
          // The protocol wants one answer per position: an empty range at the cursor when nothing contains it.
          return chain ?? { range: toLspRange(file, { start: offset, end: offset }) };
        });
      }),
    );
  },
};

import type { DefinitionParams, Location } from 'vscode-languageserver';
import { toLspRange } from './editConversion';
import { guardRequest } from './requestGuard';
import type { FeatureHandler, ServerState } from './types';

/** Go to definition: from a name to the place in the file that declares it. */
export const definitionHandler: FeatureHandler = {
  capabilities: { definitionProvider: true },
  register(state: ServerState): void {
    state.connection.onDefinition((params: DefinitionParams, token) =>
      guardRequest(state, token, async (): Promise<Location[] | null> => {
        const file = await state.fileForRequest(params.textDocument.uri, token);
        if (!file || !file.isRelevant) return null;
        const ranges = state.service.definition(file, file.lineIndex.offsetAt(params.position));
        if (ranges.length === 0) return null;
        return ranges.map((range) => ({ uri: params.textDocument.uri, range: toLspRange(file, range) }));
      }),
    );
  },
};

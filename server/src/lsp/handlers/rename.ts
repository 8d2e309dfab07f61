import {
  ErrorCodes,
  ResponseError,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { toLspRange, toTextEdits } from './editConversion';
import { guardRequest } from './requestGuard';
import type { FeatureHandler, ServerState } from './types';

/**
 * Rename a volume, container, port, env var, resource claim, ConfigMap or Secret (or a key of
 * one) with every place linked to it. A refusal (an invalid new name, a name not defined in the
 * file, a label) is an error whose message the editor shows.
 */
export const renameHandler: FeatureHandler = {
  capabilities: (client) => ({
    renameProvider: client.textDocument?.rename?.prepareSupport === true ? { prepareProvider: true } : true,
  }),
  register(state: ServerState): void {
    state.connection.onPrepareRename((params: PrepareRenameParams, token) =>
      guardRequest(
        state,
        token,
        async (): Promise<{ range: Range; placeholder: string } | null | ResponseError<void>> => {
          const file = await state.fileForRequest(params.textDocument.uri, token);
          if (!file || !file.isRelevant) return null;
          const prepared = state.service.prepareRename(file, state.positions.offsetAt(file, params.position));
          if (!prepared) return null;
          if ('refused' in prepared) return new ResponseError(ErrorCodes.InvalidRequest, prepared.refused);
          return { range: toLspRange(file, prepared.range, state.positions), placeholder: prepared.placeholder };
        },
      ),
    );
    state.connection.onRenameRequest((params: RenameParams, token) =>
      guardRequest(state, token, async (): Promise<WorkspaceEdit | null | ResponseError<void>> => {
        // Checked here, where the client's JSON comes in: the service takes the new name as text.
        if (typeof params.newName !== 'string')
          return new ResponseError(ErrorCodes.InvalidParams, 'rename needs the new name as a string (newName)');
        const file = await state.fileForRequest(params.textDocument.uri, token);
        if (!file || !file.isRelevant) return null;
        const renamed = state.service.rename(file, state.positions.offsetAt(file, params.position), params.newName);
        if (!renamed) return null;
        if ('refused' in renamed) return new ResponseError(ErrorCodes.InvalidRequest, renamed.refused);
        const document = state.documents.get(params.textDocument.uri);
        const edits = toTextEdits(file, renamed.edits, state.positions);
        // A versioned edit, for a client that takes one: it applies it only to the text it was computed on.
        const versioned = state.clientCapabilities().workspace?.workspaceEdit?.documentChanges === true;
        return versioned && document && document.getText() === file.text
          ? { documentChanges: [{ textDocument: { uri: params.textDocument.uri, version: document.version }, edits }] }
          : { changes: { [params.textDocument.uri]: edits } };
      }),
    );
  },
};

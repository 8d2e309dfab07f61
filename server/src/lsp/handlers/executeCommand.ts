import type { CancellationToken, Connection } from 'vscode-languageserver';
import { patternInfo, type PatternKind } from '../../shared/patternCatalog';
import {
  INSERT_PATTERN_COMMAND,
  InsertPatternRequest,
  type InsertPatternParams,
  type InsertPatternResponse,
} from '../../shared/protocol';
import { onCustomRequest } from '../customMessages';
import { guardRequest } from './requestGuard';
import type { FeatureHandler, ServerState } from './types';
import { rangeInResult, toTextEdits } from './editConversion';

async function planInsertion(
  state: ServerState,
  params: InsertPatternParams,
  token: CancellationToken,
): Promise<InsertPatternResponse> {
  const info = patternInfo(params.kind);
  if (!info) return { ok: false, reason: `unknown pattern "${params.kind}"` };
  const file = await state.fileForRequest(params.uri, token);
  if (!file)
    return {
      ok: false,
      reason: state.documents.get(params.uri)
        ? 'the document is too large to analyse while it is being edited (podPatterns.maxFileSize): save it first'
        : 'the document is not open',
    };
  const offset = state.positions.offsetAt(file, params.position);
  const located = state.service.podAt(file, offset);
  if (!located)
    return { ok: false, reason: 'the cursor is not inside a pod-bearing document (Pod, Deployment, Job, …)' };
  const settings = await state.settingsFor(params.uri);
  const result = state.service.insertPattern(
    located,
    { kind: info.kind as PatternKind, template: params.template, at: offset },
    settings,
  );
  if (!result.ok) return result;
  return {
    ok: true,
    title: result.title,
    edits: toTextEdits(file, result.edits, state.positions),
    selection: result.selection && rangeInResult(file, result.edits, result.selection, state.positions),
  };
}

/** The insert-pattern request of our client, and the same as a command for other editors. */
export const executeCommandHandler: FeatureHandler = {
  capabilities: { executeCommandProvider: { commands: [INSERT_PATTERN_COMMAND] } },
  register(state: ServerState): void {
    const connection: Connection = state.connection;
    onCustomRequest(connection, InsertPatternRequest, (params: InsertPatternParams, token) =>
      guardRequest(state, token, () => planInsertion(state, params, token)),
    );
    connection.onExecuteCommand((params, token) =>
      guardRequest(state, token, async () => {
        if (params.command !== INSERT_PATTERN_COMMAND) return undefined;
        const request = params.arguments?.[0] as InsertPatternParams | undefined;
        if (!request || typeof request.uri !== 'string' || typeof request.kind !== 'string' || !request.position) {
          return { ok: false, reason: `${INSERT_PATTERN_COMMAND} takes one argument {uri, position, kind, template?}` };
        }
        const response = await planInsertion(state, request, token);
        if (response.ok) {
          await connection.workspace.applyEdit({
            label: response.title,
            edit: { changes: { [request.uri]: [...response.edits] } },
          });
        }
        return response;
      }),
    );
  },
};

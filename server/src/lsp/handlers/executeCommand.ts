import type { Connection } from 'vscode-languageserver';
import { insertPattern, podAt } from '../../service/actions/insert/insertPattern';
import { patternInfo, type PatternKind } from '../../service/actions/insert/catalog';
import { INSERT_PATTERN_COMMAND, InsertPatternRequest, type InsertPatternParams, type InsertPatternResponse } from '../../protocol';
import type { FeatureHandler, ServerState } from './types';
import { rangeInResult, toTextEdits } from './editConversion';

async function planInsertion(state: ServerState, params: InsertPatternParams): Promise<InsertPatternResponse> {
  const info = patternInfo(params.kind);
  if (!info) return { ok: false, reason: `unknown pattern "${params.kind}"` };
  const analysis = state.analysisOf(params.uri);
  if (!analysis) return { ok: false, reason: 'the document is not open' };
  const located = podAt(analysis, analysis.lineIndex.offsetAt(params.position));
  if (!located) return { ok: false, reason: 'the cursor is not inside a pod-bearing document (Pod, Deployment, Job, …)' };
  const settings = await state.settingsFor(params.uri);
  const result = insertPattern(located, { kind: info.kind as PatternKind, template: params.template }, settings);
  if (!result.ok) return result;
  return {
    ok: true,
    title: result.title,
    edits: toTextEdits(analysis, result.edits),
    selection: result.selection && rangeInResult(analysis, result.edits, result.selection),
  };
}

/** The insert-pattern request of our client, and the same as a command for other editors. */
export const executeCommandHandler: FeatureHandler = {
  capabilities: { executeCommandProvider: { commands: [INSERT_PATTERN_COMMAND] } },
  register(state: ServerState): void {
    const connection: Connection = state.connection;
    connection.onRequest(InsertPatternRequest, (params: InsertPatternParams) => planInsertion(state, params));
    connection.onExecuteCommand(async (params) => {
      if (params.command !== INSERT_PATTERN_COMMAND) return undefined;
      const request = params.arguments?.[0] as InsertPatternParams | undefined;
      if (!request || typeof request.uri !== 'string' || typeof request.kind !== 'string' || !request.position) {
        return { ok: false, reason: `${INSERT_PATTERN_COMMAND} takes one argument {uri, position, kind, template?}` };
      }
      const response = await planInsertion(state, request);
      if (response.ok) {
        await connection.workspace.applyEdit({ label: response.title, edit: { changes: { [request.uri]: [...response.edits] } } });
      }
      return response;
    });
  },
};

import { TopologyRequest, type TopologyParams, type TopologyResult } from '../../shared/protocol';
import { onCustomRequest } from '../customMessages';
import { guardRequest } from './requestGuard';
import type { FeatureHandler } from './types';

/** Answers the preview's request for a pod's topology graph, from the document's current parse. */
export const topologyHandler: FeatureHandler = {
  capabilities: {},
  register(state) {
    onCustomRequest(state.connection, TopologyRequest, (params: TopologyParams, token) =>
      guardRequest(state, token, async (): Promise<TopologyResult> => {
        const document = state.documents.get(params.uri);
        const file = await state.fileForRequest(params.uri, token);
        if (!document || !file)
          return { uri: params.uri, version: null, targets: [], graph: null, lifecycle: null, template: false };
        const version = document.version;
        const settings = await state.settingsFor(params.uri);
        // Settings may arrive after an edit: answer for the text as it is now, with its version.
        const current = state.documents.get(params.uri);
        const now = (await state.fileForRequest(params.uri, token)) ?? file;
        const target = state.service.topologyTarget(now, params.target, params.offset);
        // A pod of a document with a syntax error is not drawn from the parser's guess: the preview says why.
        const syntaxError = target ? (state.service.syntaxProblem(now, target.documentIndex) ?? null) : null;
        const drawn = syntaxError ? undefined : target;
        return {
          uri: params.uri,
          version: current?.version ?? version,
          targets: state.service.topologyTargets(now),
          graph: drawn ? (state.service.topologyGraph(now, drawn, settings) ?? null) : null,
          lifecycle: drawn ? (state.service.lifecycle(now, drawn, settings) ?? null) : null,
          template: !target && state.service.isUnrenderedTemplate(now),
          syntaxError,
        };
      }),
    );
  },
};

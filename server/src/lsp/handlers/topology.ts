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
        return {
          uri: params.uri,
          version: current?.version ?? version,
          targets: state.service.topologyTargets(now),
          graph: target ? (state.service.topologyGraph(now, target, settings) ?? null) : null,
          lifecycle: target ? (state.service.lifecycle(now, target, settings) ?? null) : null,
          template: !target && state.service.isUnrenderedTemplate(now),
        };
      }),
    );
  },
};

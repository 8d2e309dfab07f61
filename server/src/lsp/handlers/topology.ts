import { lifecycleOf } from '../../service/lifecycle';
import { buildTopologyGraph, resolveTarget, targetAt, topologyTargets } from '../../service/topology';
import { TopologyRequest, type TopologyParams, type TopologyResult } from '../../protocol';
import type { FeatureHandler } from './types';

/** Answers the preview's request for a pod's topology graph, from the document's current analysis. */
export const topologyHandler: FeatureHandler = {
  capabilities: {},
  register(state) {
    state.connection.onRequest(TopologyRequest, async (params: TopologyParams): Promise<TopologyResult> => {
      const document = state.documents.get(params.uri);
      const file = state.analysisOf(params.uri);
      if (!document || !file) return { uri: params.uri, version: null, targets: [], graph: null, lifecycle: null, template: false };
      const version = document.version;
      const settings = await state.settingsFor(params.uri);
      // Settings may arrive after an edit: answer for the text as it is now, with its version.
      const current = state.documents.get(params.uri);
      const now = state.analysisOf(params.uri) ?? file;
      const target = params.target ? resolveTarget(now, params.target) : targetAt(now, params.offset);
      return {
        uri: params.uri,
        version: current?.version ?? version,
        targets: topologyTargets(now),
        graph: target ? buildTopologyGraph(now, target, settings) ?? null : null,
        lifecycle: target ? lifecycleOf(now, target, settings) ?? null : null,
        template: !target && now.documents.some((entry) => entry.model.templateAt !== undefined),
      };
    });
  },
};

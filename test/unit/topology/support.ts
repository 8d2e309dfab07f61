import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FileAnalysis, resolveSettings } from '../../../server/src/service';
import { buildTopologyGraph, topologyTargets, type TopologyGraph } from '../../../server/src/service/topology';

/** The repository's topology fixtures (compiled tests run from build/test/unit/topology). */
export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/topology');

export function readFixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The graph of the first pod of a text, as the language server would compute it. */
export function graphOf(text: string, podPosition = 0): TopologyGraph {
  const file = new FileAnalysis(text);
  const target = topologyTargets(file)[podPosition];
  if (!target) throw new Error('no pod in the text');
  const graph = buildTopologyGraph(file, target, resolveSettings({}));
  if (!graph) throw new Error('no graph');
  return graph;
}

export function nodeByLabel(graph: TopologyGraph, label: string) {
  const node = graph.nodes.find((candidate) => candidate.label === label);
  if (!node) throw new Error(`no node labelled ${label}`);
  return node;
}

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ParsedFile, resolveSettings } from '../../../server/src/service';
import {
  buildTopologyGraph,
  topologyTargets,
  type TopologyEdge,
  type TopologyGraph,
  type TopologyNode,
} from '../../../server/src/service/topology';

/** The repository's topology fixtures (compiled tests run from build/test/unit/topology). */
export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/topology');

export function readFixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The graph of the first pod of a text, as the language server would compute it. */
export function graphOf(text: string, podPosition = 0): TopologyGraph {
  const file = new ParsedFile(text);
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

/** A pod with every kind of node and edge, as the analysis would describe an adapter-and-ambassador pod. */
export function busyGraph(): TopologyGraph {
  const container = (index: number, label: string, role: TopologyNode['role'], order?: number): TopologyNode => ({
    id: `container:${index}`,
    kind: 'container',
    role,
    label,
    ...(order !== undefined ? { order } : {}),
  });
  const nodes: TopologyNode[] = [
    { id: 'pod', kind: 'pod', label: 'busy' },
    container(0, 'wait-db', 'init', 1),
    container(1, 'proxy', 'native-sidecar', 2),
    container(2, 'egress', 'ambassador'),
    container(3, 'app', 'main'),
    container(4, 'metrics', 'adapter'),
    container(5, 'logs', 'sidecar'),
    { id: 'volume:0', kind: 'volume', label: 'data', volumeType: 'emptyDir' },
    { id: 'volume:1', kind: 'volume', label: 'config', volumeType: 'configMap' },
    { id: 'endpoint:0', kind: 'endpoint', label: 'db.example.com:5432' },
    { id: 'endpoint:1', kind: 'endpoint', label: 'https://api.example.com' },
    { id: 'service:0', kind: 'service', label: 'busy' },
  ];
  const edges: TopologyEdge[] = [
    { id: 'sequence:0', from: 'container:0', to: 'container:1', kind: 'sequence', label: 'then' },
    { id: 'sequence:1', from: 'container:1', to: 'container:3', kind: 'sequence', label: 'started' },
    { id: 'mount:0:0', from: 'container:3', to: 'volume:0', kind: 'mount', label: '/data' },
    { id: 'mount:0:1', from: 'container:5', to: 'volume:0', kind: 'mount', label: '/logs', readOnly: true },
    { id: 'mount:1:0', from: 'container:1', to: 'volume:1', kind: 'mount', label: '/etc/proxy', readOnly: true },
    { id: 'localhost:0', from: 'container:3', to: 'container:2', kind: 'localhost', label: 'localhost:5432' },
    { id: 'localhost:1', from: 'container:4', to: 'container:3', kind: 'localhost', label: 'localhost:8080' },
    { id: 'external:0', from: 'container:2', to: 'endpoint:0', kind: 'external' },
    { id: 'external:1', from: 'container:3', to: 'endpoint:1', kind: 'external' },
    { id: 'service:0:0', from: 'service:0', to: 'container:4', kind: 'service', label: 'port 9100' },
  ];
  return {
    target: { documentIndex: 0, podIndex: 0, label: 'Pod busy', start: 0, end: 0 },
    pod: { name: 'busy', kind: 'Pod', qosClass: 'BestEffort', requests: {}, limits: {} },
    nodes,
    edges,
  };
}

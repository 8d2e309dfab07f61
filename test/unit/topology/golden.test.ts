import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { layoutTopology, type TopologyGraph } from '../../../server/src/service/topology';
import { FIXTURES, graphOf, nodeByLabel, readFixture } from './support';

interface Expected {
  readonly roles: Record<string, string>;
  readonly sharedVolumes?: Record<string, string[]>;
  readonly localhostLinks?: { from: string; to: string; port: number }[];
  readonly services: string[];
}

const expected = JSON.parse(readFixture('expected.json')).pods as Record<string, Expected>;
const GOLDEN = path.join(FIXTURES, 'golden');
/** `UPDATE_TOPOLOGY_GOLDEN=1 npm test` rewrites the golden files; review their diff before committing. */
const update = process.env.UPDATE_TOPOLOGY_GOLDEN === '1';

/** What the picture is made of, without ranges or finding badges (those change with every rule). */
function projection(graph: TopologyGraph) {
  const layout = layoutTopology(graph);
  return {
    nodes: graph.nodes.map((node) => ({
      id: node.id,
      kind: node.kind,
      label: node.label,
      ...(node.role ? { role: node.role } : {}),
      ...(node.order !== undefined ? { order: node.order } : {}),
      ...(node.shortImage ? { image: node.shortImage } : {}),
      ...(node.ports?.length ? { ports: node.ports } : {}),
      ...(node.volumeType ? { volumeType: node.volumeType } : {}),
      ...(layout.boxes[node.id] ? { box: layout.boxes[node.id] } : {}),
    })),
    edges: graph.edges.map((edge) => ({
      ...edge,
      ...(layout.routes[edge.id] ? { path: layout.routes[edge.id]!.path } : {}),
    })),
    size: { width: layout.width, height: layout.height, frame: layout.frame },
  };
}

describe('topology of the example pods', () => {
  for (const [name, facts] of Object.entries(expected)) {
    const graph = graphOf(readFixture(name));

    it(`${name}: roles, shared volumes, localhost links and Services`, () => {
      for (const [container, role] of Object.entries(facts.roles))
        assert.equal(nodeByLabel(graph, container).role, role, `role of ${container}`);
      assert.equal(graph.nodes.filter((node) => node.kind === 'container').length, Object.keys(facts.roles).length);
      for (const [volume, containers] of Object.entries(facts.sharedVolumes ?? {})) {
        const id = graph.nodes.find((node) => node.kind === 'volume' && node.label === volume)!.id;
        const mounters = graph.edges
          .filter((edge) => edge.kind === 'mount' && edge.to === id)
          .map((edge) => graph.nodes.find((node) => node.id === edge.from)!.label);
        assert.deepEqual(mounters.sort(), [...containers].sort(), `containers mounting ${volume}`);
      }
      const links = graph.edges
        .filter((edge) => edge.kind === 'localhost')
        .map(
          (edge) =>
            `${graph.nodes.find((node) => node.id === edge.from)!.label}>${graph.nodes.find((node) => node.id === edge.to)!.label}`,
        );
      assert.deepEqual(
        links,
        (facts.localhostLinks ?? []).map((link) => `${link.from}>${link.to}`),
      );
      for (const link of facts.localhostLinks ?? []) {
        const edge = graph.edges.find(
          (candidate) => candidate.kind === 'localhost' && candidate.from === nodeByLabel(graph, link.from).id,
        )!;
        assert.match(edge.label ?? '', new RegExp(`(:|port )${link.port}\\b`), `port of ${edge.label}`);
      }
      assert.deepEqual(
        graph.nodes.filter((node) => node.kind === 'service').map((node) => node.label),
        facts.services,
      );
    });

    it(`${name}: graph and layout match the golden file`, () => {
      const file = path.join(GOLDEN, name.replace(/\.yaml$/, '.json'));
      const actual = projection(graph);
      if (update) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      }
      assert.ok(existsSync(file), `${file} is missing: run UPDATE_TOPOLOGY_GOLDEN=1 npm test and review it`);
      assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutTopology, type LayoutOptions, type TopologyLayout } from '../../../server/src/service/topology';
import type { TopologyGraph } from '../../../server/src/shared/topology/types';
import { countCrossings, countLabelOverlaps } from './geometry';
import { graphOf, readFixture } from './support';

/** The eight seed pods (the tutorials' multi-container patterns; the fixtures hold their YAML). */
const SEED_PODS = [
  '01-init-git-sync.yaml',
  '02-sidecar-git-sync.yaml',
  '03-init-wait-for-service.yaml',
  '04-sidecar-log-writer.yaml',
  '05-sidecar-log-exporter.yaml',
  '06-ambassador-forward-proxy.yaml',
  '07-adapter-log-format.yaml',
  '08-adapter-prometheus-exporter.yaml',
];
/** Pods with many lines through few gaps: every kind of node and edge, six containers. */
const CROWDED_PODS = ['six-containers.yaml', 'native-sidecar-deployment.yaml'];
/**
 * The one-row picture (a wide editor), then the room a panel lays it out for: wide, side panel, narrow;
 * then a side panel and a narrow one too low for the wrapped lanes (drawn compact).
 */
const ROOMS: readonly LayoutOptions[] = [
  {},
  { maxWidth: 1200 },
  { maxWidth: 650 },
  { maxWidth: 350 },
  { maxWidth: 650, maxHeight: 400 },
  { maxWidth: 350, maxHeight: 400 },
];

function layoutsOf(name: string): { graph: TopologyGraph; room: string; layout: TopologyLayout }[] {
  const graph = graphOf(readFixture(name));
  return ROOMS.map((room) => ({
    graph,
    room: room.maxWidth === undefined ? 'one row' : `${room.maxWidth} × ${room.maxHeight ?? 'any'} px`,
    layout: layoutTopology(graph, room),
  }));
}

describe('topology crossings and label placement', () => {
  // Before lanes were ordered and gaps chosen by crossings, the seed pods had 6 crossings (01 and 02 at
  // 650 and 350 px, 06 at 350 px) and 5 labels on a lane caption (350 px).
  for (const name of SEED_PODS) {
    it(`draws seed pod ${name} with no crossing lines and no label on a node, caption or label, at every width`, () => {
      for (const { graph, room, layout } of layoutsOf(name)) {
        assert.equal(countCrossings(graph, layout), 0, `${name} at ${room}: crossings`);
        assert.equal(countLabelOverlaps(graph, layout), 0, `${name} at ${room}: label overlaps`);
      }
    });
  }

  it('keeps crossings in crowded pods few (was 39 over these widths) and their labels clear (was 21 overlaps)', () => {
    let crossings = 0;
    for (const name of CROWDED_PODS) {
      const layouts = layoutsOf(name);
      for (const { graph, room, layout } of layouts) {
        assert.equal(countLabelOverlaps(graph, layout), 0, `${name} at ${room}: label overlaps`);
        if (layout.dense) {
          // Compact crosses no more lines than the wrapped lanes at the same width.
          const wrapped = layouts.find((other) => !other.layout.dense && other.layout.width === layout.width)!;
          assert.ok(
            countCrossings(graph, layout) <= countCrossings(graph, wrapped.layout),
            `${name} at ${room}: ${countCrossings(graph, layout)} crossings, wrapped ${countCrossings(graph, wrapped.layout)}`,
          );
        } else crossings += countCrossings(graph, layout);
      }
    }
    assert.ok(crossings <= 10, `${crossings} crossings`);
  });

  it('counts a crossing where two lines cross, not where they meet at a shared node', () => {
    const graph = graphOf(readFixture('01-init-git-sync.yaml'));
    const layout = layoutTopology(graph);
    const [first, second] = graph.edges;
    assert.ok(first && second);
    const box = { x: 100, y: 100, width: 50, height: 50 };
    const crossing = {
      ...layout,
      boxes: { ...layout.boxes, [first.from]: box, [first.to]: box, [second.from]: box, [second.to]: box },
      routes: {
        [first.id]: { path: 'M 0 0 L 400 400' },
        [second.id]: { path: 'M 0 400 L 400 0' },
      },
    };
    const withoutShared = { ...graph, edges: [first, { ...second, from: 'a', to: 'b' }] };
    assert.equal(countCrossings(withoutShared, { ...crossing, boxes: { ...crossing.boxes, a: box, b: box } }), 1);
    // The same two lines, meeting inside the node they share: a junction.
    const shared = { ...graph, edges: [first, { ...second, from: first.from, to: 'b' }] };
    const junction = {
      ...crossing,
      boxes: { ...layout.boxes, [first.from]: { x: 180, y: 180, width: 40, height: 40 } },
    };
    assert.equal(countCrossings(shared, junction), 0);
  });
});

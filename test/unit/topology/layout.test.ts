import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutTopology, renderTopologyScene, type Box, type SvgElement } from '../../../server/src/service/topology';
import { laneCaptionBox } from '../../../server/src/shared/topology/labels';
import { legendEntryWidth } from '../../../server/src/shared/topology/layout';
import type { TopologyGraph } from '../../../server/src/shared/topology/types';
import { busyGraph, graphOf, readFixture } from './support';

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

describe('topology layout', () => {
  it('is deterministic', () => {
    assert.deepEqual(layoutTopology(busyGraph()), layoutTopology(busyGraph()));
  });

  it('places init containers first in start order, then adapters, main, sidecars and ambassadors', () => {
    const layout = layoutTopology(busyGraph());
    const order = Object.entries(layout.boxes)
      .filter(([id]) => id.startsWith('container:'))
      .sort((a, b) => a[1].x - b[1].x)
      .map(([id]) => id);
    assert.deepEqual(order, ['container:0', 'container:1', 'container:4', 'container:3', 'container:5', 'container:2']);
  });

  it('keeps containers and volumes inside the frame, Services above it and endpoints to its right, with no overlaps', () => {
    const graph = busyGraph();
    const layout = layoutTopology(graph);
    const all = Object.entries(layout.boxes);
    assert.equal(all.length, graph.nodes.length - 1);
    for (const [id, box] of all) {
      if (id.startsWith('container:') || id.startsWith('volume:'))
        assert.ok(inside(box, layout.frame), `${id} inside the frame`);
      else assert.ok(!overlaps(box, layout.frame), `${id} outside the frame`);
      if (id.startsWith('service:')) assert.ok(box.y + box.height <= layout.frame.y);
      if (id.startsWith('endpoint:')) assert.ok(box.x >= layout.frame.x + layout.frame.width);
      assert.ok(inside(box, { x: 0, y: 0, width: layout.width, height: layout.height }), `${id} inside the picture`);
      for (const [otherId, other] of all)
        if (otherId !== id) assert.ok(!overlaps(box, other), `${id} overlaps ${otherId}`);
    }
    assert.ok(layout.legend.y >= layout.frame.y + layout.frame.height);
    assert.ok(layout.legend.y + layout.legend.height <= layout.height);
  });

  it('routes every edge, arcing localhost calls above the row and mounts down to the volumes', () => {
    const graph = busyGraph();
    const layout = layoutTopology(graph);
    for (const edge of graph.edges) assert.ok(layout.routes[edge.id], `route for ${edge.id}`);
    const rowTop = layout.boxes['container:3']!.y;
    const arcTop = Number(layout.routes['localhost:0']!.path.split(' ')[5]);
    assert.ok(arcTop < rowTop, 'the arc rises above the containers');
    // A mount leaves the container's bottom and ends on the volume's top.
    const mount = layout.routes['mount:0:0']!.path.split(' ').map(Number);
    assert.equal(mount[2], rowTop + layout.boxes['container:3']!.height);
    assert.equal(mount[mount.length - 1], layout.boxes['volume:0']!.y);
  });

  it('orders volumes under the containers that mount them', () => {
    const layout = layoutTopology(busyGraph());
    // config is mounted by the native sidecar (second box), data by app and logs (further right).
    assert.ok(layout.boxes['volume:1']!.x < layout.boxes['volume:0']!.x);
  });

  it('lays out every example pod without overlapping boxes', () => {
    for (const name of [
      '01-init-git-sync.yaml',
      '04-sidecar-log-writer.yaml',
      '06-ambassador-forward-proxy.yaml',
      'native-sidecar-deployment.yaml',
    ]) {
      const layout = layoutTopology(graphOf(readFixture(name)));
      const boxes = Object.entries(layout.boxes);
      for (const [id, box] of boxes)
        for (const [otherId, other] of boxes)
          if (id !== otherId) assert.ok(!overlaps(box, other), `${name}: ${id} overlaps ${otherId}`);
    }
  });
});

describe('topology layout for a narrow panel', () => {
  for (const width of [650, 480, 360]) {
    it(`wraps a six-container pod into phase lanes no wider than ${width} px, with no overlapping boxes`, () => {
      const graph = graphOf(readFixture('six-containers.yaml'));
      const layout = layoutTopology(graph, { maxWidth: width });
      assert.ok(layout.width <= width, `${layout.width} > ${width}`);
      const placed = Object.entries(layout.boxes);
      assert.equal(placed.length, graph.nodes.length - 1, 'every node but the pod has a box');
      for (const [id, box] of placed) {
        assert.ok(
          box.x >= 0 && box.x + box.width <= layout.width && box.y >= 0 && box.y + box.height <= layout.height,
          `${id} inside the picture`,
        );
        for (const [other, otherBox] of placed)
          if (other < id) assert.ok(!overlaps(box, otherBox), `${id} overlaps ${other}`);
      }
      for (const edge of graph.edges) assert.ok(layout.routes[edge.id], `${edge.id} is routed`);
      // Init containers and native sidecars in the first lane, above every app container.
      const bottomOfInits = Math.max(
        ...graph.nodes.filter((node) => node.order !== undefined).map((node) => layout.boxes[node.id]!.y),
      );
      const topOfApps = Math.min(
        ...graph.nodes
          .filter((node) => node.kind === 'container' && node.order === undefined)
          .map((node) => layout.boxes[node.id]!.y),
      );
      assert.ok(bottomOfInits < topOfApps);
      // The long captions where they fit, the short ones in a narrow panel.
      const captions = layout.lanes?.map((lane) => lane.label.replace(/^\d · /, '')) ?? [];
      assert.equal(captions.length, 4);
      assert.match(captions[0]!, /^init(?: containers and native sidecars)?, one after another$/);
      assert.match(captions[1]!, /^app(?: containers)?, started together$/);
      assert.deepEqual(captions.slice(2), ['volumes', 'outside the pod']);
      for (const lane of layout.lanes ?? [])
        assert.ok(lane.x + lane.label.length * 7 <= layout.width, `caption ${lane.label} fits`);
    });
  }

  it('keeps the one-row picture when it fits, and the legend lists only what the picture shows', () => {
    const graph = graphOf(readFixture('04-sidecar-log-writer.yaml'));
    assert.deepEqual(layoutTopology(graph, { maxWidth: 2000 }), layoutTopology(graph));
    assert.deepEqual(
      layoutTopology(graph).legendEntries.map((entry) => entry.key),
      ['main', 'sidecar', 'edge-mount'],
    );
  });

  it('runs lines that would cross a row of boxes down the gaps between them', () => {
    const graph = graphOf(readFixture('six-containers.yaml'));
    const layout = layoutTopology(graph, { maxWidth: 650 });
    const boxes = Object.values(layout.boxes);
    let gutterRoutes = 0;
    for (const edge of graph.edges) {
      const points = [...layout.routes[edge.id]!.path.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((match) => ({
        x: Number(match[1]),
        y: Number(match[2]),
      }));
      if (!layout.routes[edge.id]!.path.includes(' L ') || layout.routes[edge.id]!.path.includes(' C ')) continue;
      if (points.length > 2) gutterRoutes++;
      // Every vertical segment of a gutter route stays out of every box.
      for (let i = 0; i + 1 < points.length; i++) {
        const [a, b] = [points[i]!, points[i + 1]!];
        if (a.x !== b.x || Math.abs(a.y - b.y) < 30) continue;
        for (const box of boxes) {
          const crosses =
            a.x > box.x &&
            a.x < box.x + box.width &&
            Math.min(a.y, b.y) < box.y &&
            Math.max(a.y, b.y) > box.y + box.height;
          assert.ok(!crosses, `${edge.id} crosses a box`);
        }
      }
    }
    // The Service above the frame, the mounts of the native sidecar and the outside call take gutters.
    assert.ok(gutterRoutes >= 3, `${gutterRoutes} gutter routes`);
  });
});

describe('topology layout for a panel too low for the wrapped lanes', () => {
  const graph = graphOf(readFixture('six-containers.yaml'));

  for (const width of [650, 350]) {
    it(`draws a six-container pod ${width} px wide compact: lower, every node in its own place, captions and legend clear of the boxes`, () => {
      const wrapped = layoutTopology(graph, { maxWidth: width });
      const compact = layoutTopology(graph, { maxWidth: width, maxHeight: 500 });
      assert.equal(wrapped.dense, undefined);
      assert.equal(compact.dense, true);
      assert.ok(compact.height < wrapped.height - 200, `${compact.height} vs ${wrapped.height}`);
      assert.ok(compact.width <= width);
      const placed = Object.entries(compact.boxes);
      assert.equal(placed.length, graph.nodes.length - 1);
      const picture = { x: 0, y: 0, width: compact.width, height: compact.height };
      const captions = (compact.lanes ?? []).map(laneCaptionBox);
      assert.equal(captions.length, 4);
      for (const [id, box] of placed) {
        assert.ok(inside(box, picture), `${id} inside the picture`);
        if (id.startsWith('container:') || id.startsWith('volume:')) assert.ok(inside(box, compact.frame), id);
        for (const [other, otherBox] of placed)
          if (other < id) assert.ok(!overlaps(box, otherBox), `${id} overlaps ${other}`);
        for (const [index, caption] of captions.entries())
          assert.ok(!overlaps(box, caption), `${id} under caption ${compact.lanes![index]!.label}`);
        assert.ok(box.y + box.height <= compact.legend.y, `${id} above the legend`);
      }
      for (const edge of graph.edges) assert.ok(compact.routes[edge.id], `${edge.id} is routed`);
      // The legend flows like text: every entry inside the picture, none on another.
      const entries = compact.legendEntries.map((entry, index) => ({
        ...compact.legendPlaces[index]!,
        width: legendEntryWidth(entry),
        height: 16,
      }));
      assert.equal(entries.length, 12);
      entries.forEach((entry, index) => {
        assert.ok(inside(entry, picture), `legend entry ${index} inside the picture`);
        for (const other of entries.slice(index + 1)) assert.ok(!overlaps(entry, other));
      });
    });
  }

  it('fits the six-container pod in a 650 px side panel 700 px high (640 px below the one-row toolbar and the title line)', () => {
    assert.ok(layoutTopology(graph, { maxWidth: 650 }).height > 640, 'the wrapped lanes do not');
    assert.ok(layoutTopology(graph, { maxWidth: 650, maxHeight: 640 }).height <= 640);
  });

  it('fits the six-container pod in a 650 px side panel 600 px high (the page gives it 626 × 540 px)', () => {
    const compact = layoutTopology(graph, { maxWidth: 626, maxHeight: 540 });
    assert.equal(compact.dense, true);
    assert.ok(compact.height <= 540, `${compact.height}`);
    assert.ok(compact.width <= 626, `${compact.width}`);
  });

  it('puts the pod resource summary on its heading line when both fit, on a line of its own when not', () => {
    const pictured = (layout: ReturnType<typeof layoutTopology>, of = graph) => {
      const texts = (element: SvgElement): SvgElement[] =>
        element.children.flatMap((child) =>
          typeof child === 'string' ? [] : child.tag === 'text' ? [child] : texts(child),
        );
      const all = texts(renderTopologyScene(of, layout));
      const heading = all.find((text) => text.attrs.class === 'pp-frame-title')!;
      const summary = all.find((text) => text.attrs.class === 'pp-frame-sub')!;
      return { heading, summary, text: summary.children.join('') };
    };
    const side = layoutTopology(graph, { maxWidth: 626, maxHeight: 540 });
    assert.equal(side.titleOnOneLine, true);
    const oneLine = pictured(side);
    assert.equal(oneLine.summary.attrs.y, oneLine.heading.attrs.y);
    assert.equal(oneLine.summary.attrs['text-anchor'], 'end');
    assert.equal(oneLine.text, 'QoS BestEffort · requests none · limits none');
    // The heading (14 px bold, 9 px a glyph at most) ends clear of the summary (12 px, 7 px a glyph), ending 16 px in.
    const headingEnd = Number(oneLine.heading.attrs.x) + 'Deployment storefront'.length * 9;
    assert.ok(headingEnd + 24 <= Number(oneLine.summary.attrs.x) - oneLine.text.length * 7);
    assert.equal(Number(oneLine.summary.attrs.x), side.frame.x + side.frame.width - 16);
    // Lower in a narrow panel, where the two do not fit side by side; and in the wrapped lanes, which are not compact.
    for (const layout of [
      layoutTopology(graph, { maxWidth: 350, maxHeight: 500 }),
      layoutTopology(graph, { maxWidth: 626 }),
    ]) {
      assert.equal(layout.titleOnOneLine, undefined);
      const twoLines = pictured(layout);
      assert.ok(Number(twoLines.summary.attrs.y) > Number(twoLines.heading.attrs.y));
      assert.equal(twoLines.summary.attrs['text-anchor'], undefined);
    }
    // A pod with requests and limits has a summary too long to share the line, even in a side panel.
    const withResources: TopologyGraph = {
      ...graph,
      pod: {
        ...graph.pod,
        qosClass: 'Burstable',
        requests: { cpu: '250m', memory: '256Mi', 'ephemeral-storage': '1Gi' },
        limits: { cpu: '1', memory: '512Mi' },
      },
    };
    const burstable = layoutTopology(withResources, { maxWidth: 626, maxHeight: 540 });
    assert.equal(burstable.dense, true);
    assert.equal(burstable.titleOnOneLine, undefined);
    assert.ok(burstable.frame.height > side.frame.height, 'the title band keeps its second line');
  });

  it('keeps the wrapped lanes when they fit the height, and the one-row picture whenever it fits the width', () => {
    assert.deepEqual(
      layoutTopology(graph, { maxWidth: 650, maxHeight: 2000 }),
      layoutTopology(graph, { maxWidth: 650 }),
    );
    assert.deepEqual(layoutTopology(graph, { maxWidth: 3000, maxHeight: 100 }), layoutTopology(graph));
  });

  it('puts each line of text of a compact box inside the box', () => {
    const compact = layoutTopology(graph, { maxWidth: 650, maxHeight: 500 });
    const scene = renderTopologyScene(graph, compact);
    const groups = (element: SvgElement): SvgElement[] =>
      element.children.flatMap((child) =>
        typeof child === 'string' ? [] : child.attrs['data-node-id'] !== undefined ? [child] : groups(child),
      );
    const nodes = groups(scene).filter((group) => group.attrs['data-node-id'] !== 'pod');
    assert.equal(nodes.length, graph.nodes.length - 1);
    for (const node of nodes) {
      const box = compact.boxes[String(node.attrs['data-node-id'])]!;
      const baselines = node.children
        .filter((child): child is SvgElement => typeof child !== 'string' && child.tag === 'text')
        .map((text) => Number(text.attrs.y));
      assert.ok(baselines.length >= 1);
      // A baseline at least 13 px below the top (the title's ascent) and 4 px above the bottom (descenders).
      for (const y of baselines)
        assert.ok(
          y >= box.y + 13 && y <= box.y + box.height - 4,
          `${String(node.attrs['data-node-id'])}: ${y} in ${JSON.stringify(box)}`,
        );
    }
  });
});

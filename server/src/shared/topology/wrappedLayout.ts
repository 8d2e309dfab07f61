import {
  orderContainers,
  round,
  SIZES,
  verticalCurve,
  withLegend,
  type Box,
  type EdgeRoute,
  type Point,
  type TopologyLayout,
} from './layout';
import type { TopologyEdge, TopologyGraph, TopologyNode } from './types';

/** Tighter spacing than the one-row picture: a side panel is narrow. */
const WRAPPED = {
  margin: 12,
  framePadding: 14,
  gap: 28,
  laneCaption: 22,
  rowGap: 44,
  arcRoom: 34,
  endpointGap: 28,
} as const;

/**
 * The picture for a panel narrower than the one-row layout: phase lanes top to bottom — init
 * containers and native sidecars in start order, then the app containers, then the volumes —
 * each lane wrapped into rows that fit `maxWidth`; outside endpoints in a lane below the pod.
 * Nothing is wider than `maxWidth` (unless one box alone is), so the picture fits the panel
 * at its natural size and its text keeps its size. Pure and deterministic like `layoutTopology`.
 */
export function layoutWrapped(graph: TopologyGraph, maxWidth: number): TopologyLayout {
  const m = WRAPPED.margin;
  const pad = WRAPPED.framePadding;
  const inner = Math.max(160, maxWidth - 2 * m - 2 * pad);
  const containerWidth = Math.min(SIZES.container.width, inner);
  const volumeWidth = Math.min(SIZES.volume.width, inner);
  const perRow = (width: number) => Math.max(1, Math.floor((inner + WRAPPED.gap) / (width + WRAPPED.gap)));
  const ordered = orderContainers(graph.nodes.filter((node) => node.kind === 'container'));
  const volumes = graph.nodes.filter((node) => node.kind === 'volume');
  const services = graph.nodes.filter((node) => node.kind === 'service');
  const endpoints = graph.nodes.filter((node) => node.kind === 'endpoint');
  const boxes: Record<string, Box> = {};
  const lanes: { label: string; x: number; y: number }[] = [];
  const rowOf = new Map<string, number>();
  const columnOf = new Map<string, number>();

  // Services above the frame, wrapped like everything else.
  let y = m;
  const servicesPerRow = perRow(Math.min(SIZES.service.width, inner));
  services.forEach((node, index) => {
    const row = Math.floor(index / servicesPerRow);
    const column = index % servicesPerRow;
    boxes[node.id] = {
      x: m + pad + column * (Math.min(SIZES.service.width, inner) + WRAPPED.gap),
      y: m + row * (SIZES.service.height + 16),
      width: Math.min(SIZES.service.width, inner),
      height: SIZES.service.height,
    };
  });
  if (services.length > 0) y = m + Math.ceil(services.length / servicesPerRow) * (SIZES.service.height + 16) + 24;

  const frameY = y;
  y += SIZES.frameTitle;
  let rowIndex = 0;
  const placeLane = (label: string, nodes: readonly TopologyNode[], size: { width: number; height: number }) => {
    if (nodes.length === 0) return;
    lanes.push({ label, x: m + pad, y: y + 14 });
    y += WRAPPED.laneCaption;
    const count = perRow(size.width);
    for (let start = 0; start < nodes.length; start += count) {
      const row = nodes.slice(start, start + count);
      const arcs = graph.edges.some((edge) => isSameRowArc(edge, row));
      if (arcs) y += WRAPPED.arcRoom;
      const rowWidth = row.length * size.width + (row.length - 1) * WRAPPED.gap;
      const x0 = m + pad + Math.max(0, (inner - rowWidth) / 2);
      row.forEach((node, column) => {
        boxes[node.id] = { x: round(x0 + column * (size.width + WRAPPED.gap)), y, ...size };
        rowOf.set(node.id, rowIndex);
        columnOf.set(node.id, column);
      });
      rowIndex++;
      y += size.height + WRAPPED.rowGap;
    }
  };
  const initPhase = ordered.filter((node) => node.order !== undefined);
  const appPhase = ordered.filter((node) => node.order === undefined);
  placeLane('1 · init containers and native sidecars, one after another', initPhase, {
    width: containerWidth,
    height: SIZES.container.height,
  });
  placeLane(`${initPhase.length > 0 ? '2' : '1'} · app containers, started together`, appPhase, {
    width: containerWidth,
    height: SIZES.container.height,
  });
  placeLane('volumes', orderByMounts(volumes, graph.edges, boxes), { width: volumeWidth, height: SIZES.volume.height });
  const frame: Box = { x: m, y: frameY, width: inner + 2 * pad, height: y - WRAPPED.rowGap + pad - frameY };

  y = frame.y + frame.height + WRAPPED.endpointGap;
  const endpointWidth = Math.min(SIZES.endpoint.width, inner + 2 * pad);
  if (endpoints.length > 0) {
    lanes.push({ label: 'outside the pod', x: m, y: y + 14 });
    y += WRAPPED.laneCaption;
    endpoints.forEach((node) => {
      boxes[node.id] = { x: m, y, width: endpointWidth, height: SIZES.endpoint.height };
      y += SIZES.endpoint.height + 12;
    });
  }

  // Lines that would cross rows of boxes run down the gaps between the columns instead.
  const gutters = gutterXs(boxes, frame, pad);
  const gutterUse = new Map<number, number>();
  const routes: Record<string, EdgeRoute> = {};
  const arcLevel = new Map<number, number>();
  for (const edge of graph.edges) {
    const from = edge.from === 'pod' ? frame : boxes[edge.from];
    const to = edge.to === 'pod' ? frame : boxes[edge.to];
    if (!from || !to) continue;
    const sameRow = rowOf.has(edge.from) && rowOf.get(edge.from) === rowOf.get(edge.to);
    if (sameRow && (edge.kind === 'localhost' || edge.kind === 'sequence')) {
      const span = Math.abs(columnOf.get(edge.to)! - columnOf.get(edge.from)!);
      const forward = from.x < to.x;
      if (span === 1 && edge.kind === 'sequence') {
        const start = { x: forward ? from.x + from.width : from.x, y: from.y + from.height / 2 };
        const end = { x: forward ? to.x : to.x + to.width, y: to.y + to.height / 2 };
        routes[edge.id] = {
          path: `M ${round(start.x)} ${round(start.y)} L ${round(end.x)} ${round(end.y)}`,
          labelAt: { x: round((start.x + end.x) / 2), y: round(start.y - 6) },
        };
      } else {
        const row = rowOf.get(edge.from)!;
        const level = arcLevel.get(row) ?? 0;
        arcLevel.set(row, level + 1);
        const height = Math.min(WRAPPED.arcRoom - 4, 18 + 8 * level);
        const start = { x: from.x + from.width * (forward ? 0.7 : 0.3), y: from.y };
        const end = { x: to.x + to.width * (forward ? 0.3 : 0.7), y: to.y };
        const top = from.y - height;
        routes[edge.id] = {
          path: `M ${round(start.x)} ${round(start.y)} C ${round(start.x)} ${round(top)} ${round(end.x)} ${round(top)} ${round(end.x)} ${round(end.y)}`,
          labelAt: { x: round((start.x + end.x) / 2), y: round(top + 6) },
        };
      }
      continue;
    }
    // Between rows (and to volumes, endpoints, Services): from the lower side of the upper box to the upper side of the lower one.
    const down = from.y <= to.y;
    const start: Point = {
      x: from.x + from.width / 2 + (edge.kind === 'mount' ? offsetFor(edge, graph.edges, 'from') : 0),
      y: down ? from.y + from.height : from.y,
    };
    const end: Point = {
      x: to.x + to.width / 2 + (edge.kind === 'mount' ? offsetFor(edge, graph.edges, 'to') : 0),
      y: down ? to.y : to.y + to.height,
    };
    const between = Object.entries(boxes).filter(
      ([id, box]) =>
        id !== edge.from &&
        id !== edge.to &&
        box.y >= Math.min(start.y, end.y) &&
        box.y + box.height <= Math.max(start.y, end.y),
    );
    if (between.length === 0) {
      const labelAt =
        edge.label !== undefined ? { x: round((start.x + end.x) / 2), y: round((start.y + end.y) / 2) } : undefined;
      routes[edge.id] = { path: verticalCurve(start, end), ...(labelAt ? { labelAt } : {}) };
    } else {
      routes[edge.id] = gutterRoute(
        start,
        end,
        between.map(([, box]) => box),
        gutters,
        gutterUse,
      );
    }
  }

  return withLegend(graph, {
    margin: m,
    contentWidth: inner + 2 * pad,
    legendTop: y + 8,
    minPerRow: 1,
    frame,
    boxes,
    routes,
    lanes,
  });
}

/** The x of every vertical gap: the frame's inner margins and the gaps between the columns of the fullest row. */
function gutterXs(boxes: Record<string, Box>, frame: Box, pad: number): number[] {
  const xs = [frame.x + pad / 2, frame.x + frame.width - pad / 2];
  const rows = new Map<number, Box[]>();
  for (const box of Object.values(boxes))
    if (box.y > frame.y && box.y < frame.y + frame.height) rows.set(box.y, [...(rows.get(box.y) ?? []), box]);
  const fullest = [...rows.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const sorted = [...fullest].sort((a, b) => a.x - b.x);
  for (let i = 0; i + 1 < sorted.length; i++) xs.push(round((sorted[i]!.x + sorted[i]!.width + sorted[i + 1]!.x) / 2));
  return xs;
}

/**
 * Down from the start to the gap below its row, across to the free gutter nearest the two ends,
 * down (or up) past the rows between, across to the end's column and into it.
 */
function gutterRoute(
  start: Point,
  end: Point,
  obstacles: readonly Box[],
  gutters: readonly number[],
  use: Map<number, number>,
): EdgeRoute {
  const down = start.y <= end.y;
  const free = gutters.filter((x) => !obstacles.some((box) => x > box.x - 4 && x < box.x + box.width + 4));
  const middle = (start.x + end.x) / 2;
  const chosen = [...(free.length > 0 ? free : gutters)].sort(
    (a, b) => Math.abs(a - middle) - Math.abs(b - middle),
  )[0]!;
  // Several lines in one gutter run side by side, 5 px apart, alternating around its middle.
  const count = use.get(chosen) ?? 0;
  use.set(chosen, count + 1);
  const gutter = chosen + (count % 2 === 0 ? 1 : -1) * Math.ceil(count / 2) * 5;
  const lane = Math.ceil(count / 2) * 4;
  const turnY = down ? start.y + 14 + lane : start.y - 14 - lane;
  const arriveY = down ? end.y - 14 - lane : end.y + 14 + lane;
  const points = [
    start,
    { x: start.x, y: turnY },
    { x: gutter, y: turnY },
    { x: gutter, y: arriveY },
    { x: end.x, y: arriveY },
    end,
  ];
  return {
    path: `M ${points.map((point) => `${round(point.x)} ${round(point.y)}`).join(' L ')}`,
    // On the last crossing, in the gap above (or below) the target's row: clear of every box.
    labelAt: { x: round((gutter + end.x) / 2), y: round(arriveY - 4) },
  };
}

/** A localhost call or start-order step between two boxes of one row that are not neighbours (or any call): it arcs above the row. */
function isSameRowArc(edge: TopologyEdge, row: readonly TopologyNode[]): boolean {
  if (edge.kind !== 'localhost' && edge.kind !== 'sequence') return false;
  const from = row.findIndex((node) => node.id === edge.from);
  const to = row.findIndex((node) => node.id === edge.to);
  return from >= 0 && to >= 0 && (edge.kind === 'localhost' || Math.abs(from - to) > 1);
}

/** Several mounts on one box side are spread across it in a fixed order, so they do not start from one point. */
function offsetFor(edge: TopologyEdge, edges: readonly TopologyEdge[], end: 'from' | 'to'): number {
  const siblings = edges.filter((candidate) => candidate.kind === 'mount' && candidate[end] === edge[end]);
  const index = siblings.indexOf(edge);
  return (index - (siblings.length - 1) / 2) * 18;
}

/** Volumes in the order of the first container (top to bottom, left to right) that mounts them. */
function orderByMounts(
  volumes: readonly TopologyNode[],
  edges: readonly TopologyEdge[],
  boxes: Record<string, Box>,
): TopologyNode[] {
  const firstMount = (node: TopologyNode) => {
    const places = edges
      .filter((edge) => edge.kind === 'mount' && edge.to === node.id)
      .map((edge) => boxes[edge.from])
      .filter((box): box is Box => !!box);
    return places.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...places.map((box) => box.y * 10_000 + box.x));
  };
  return volumes
    .map((node, index) => ({ node, index, key: firstMount(node) }))
    .sort((a, b) => (a.key === b.key ? a.index - b.index : a.key < b.key ? -1 : 1))
    .map((entry) => entry.node);
}

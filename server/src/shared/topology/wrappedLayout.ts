import { grow, lineEntersBox, linesCross, polyline } from './geometry';
import { laneCaptionBox, titleFitsOneLine } from './labels';
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

/** The room the wrapped picture gives its parts. */
interface Spacing {
  readonly margin: number;
  readonly framePadding: number;
  /** Between columns: room for a short label (`then`) between two neighbours. */
  readonly gap: number;
  /** The pod's name and resource line at the top of the frame, and the part of it their text covers. */
  readonly frameTitle: number;
  readonly titleText: number;
  /**
   * The resource summary's own line in the title band: saved when the summary fits at the right end of the
   * heading's line (0: it keeps its line).
   */
  readonly summaryLine: number;
  readonly laneCaption: number;
  /**
   * Lane captions after the first go beside their lane's first row when its first box leaves room on its
   * left, else in the gap above the lane (made `captionInGap` higher), instead of taking a band of their own.
   */
  readonly compactCaptions: boolean;
  readonly captionInGap: number;
  readonly rowGap: number;
  /** Above a row whose boxes call each other: the arcs and their labels. */
  readonly arcRoom: number;
  /** Between Service rows, and from the last one to the frame. */
  readonly serviceGap: number;
  readonly serviceToFrame: number;
  readonly endpointGap: number;
  readonly endpointStep: number;
  /** Added to the room below the last endpoint (or the frame, with none) above the legend. */
  readonly legendGap: number;
  /** How far below (or above) a box a line going round turns towards its gap. */
  readonly turn: number;
  readonly heights: { readonly container: number; readonly volume: number; readonly small: number };
}

/**
 * Tighter spacing than the one-row picture: a side panel is narrow. A function, not a constant:
 * `SIZES` comes from the module that imports this one, so it is not there yet when this one loads.
 */
const wrappedSpacing = (): Spacing => ({
  margin: 12,
  framePadding: 14,
  gap: 36,
  frameTitle: SIZES.frameTitle,
  titleText: 48,
  summaryLine: 0,
  laneCaption: 22,
  compactCaptions: false,
  captionInGap: 0,
  rowGap: 44,
  arcRoom: 34,
  serviceGap: 16,
  serviceToFrame: 40,
  endpointGap: 28,
  endpointStep: 12,
  legendGap: 8,
  turn: 14,
  heights: { container: SIZES.container.height, volume: SIZES.volume.height, small: SIZES.endpoint.height },
});

/**
 * For a panel too low for the wrapped picture: lower boxes (their text lines closer), smaller
 * gaps and margins, lane captions in the gaps, the pod's resource line beside its name when both
 * fit, and a legend that flows like text. Text keeps its size. Rows keep gaps of 28 px: at 24 to 27 px
 * the lines turning below one row and above the next crossed more and labels met.
 */
const COMPACT: Spacing = {
  margin: 4,
  framePadding: 12,
  gap: 36,
  frameTitle: 40,
  titleText: 36,
  summaryLine: 14,
  laneCaption: 18,
  compactCaptions: true,
  captionInGap: 6,
  rowGap: 28,
  arcRoom: 24,
  serviceGap: 10,
  serviceToFrame: 20,
  endpointGap: 10,
  endpointStep: 8,
  legendGap: 2,
  turn: 12,
  heights: { container: 52, volume: 38, small: 38 },
};

/** The places a line may take in a gap between columns: its offset from the gap's middle and how much later it turns. */
const GUTTER_LANES = [0, 5, -5, 10, -10].flatMap((offset) => [0, 4, -4, 8, -8].map((shift) => ({ offset, shift })));

/** Lanes of at most this many nodes are arranged by trying every order; longer ones by barycentre. */
const EXHAUSTIVE_LIMIT = 6;

interface Cell {
  readonly row: number;
  readonly column: number;
}

/**
 * The picture for a panel narrower than the one-row layout: phase lanes top to bottom — init
 * containers and native sidecars in start order, then the app containers, then the volumes —
 * each lane wrapped into rows that fit `maxWidth`; outside endpoints in a lane below the pod.
 * Every lane sits on one grid of columns, so the gaps between columns run clear from top to
 * bottom and lines that must pass a row of boxes go down them. Within a lane the nodes are
 * ordered (and a short row's nodes given columns) to keep each line short and straight: under
 * the nodes it connects to in the lanes above, next to the nodes of its own lane it calls,
 * close to the containers it shares a volume with — which is what keeps lines from crossing.
 * Nothing is wider than `maxWidth` (unless one box alone is), so the picture fits the panel
 * at its natural size and its text keeps its size. Pure and deterministic like `layoutTopology`.
 */
export function layoutWrapped(
  graph: TopologyGraph,
  maxWidth: number,
  options: { readonly compact?: boolean } = {},
): TopologyLayout {
  const S = options.compact ? COMPACT : wrappedSpacing();
  const m = S.margin;
  const pad = S.framePadding;
  const inner = Math.max(160, maxWidth - 2 * m - 2 * pad);
  const slot = Math.min(SIZES.container.width, inner);
  const volumeWidth = Math.min(SIZES.volume.width, slot);
  const columns = Math.max(1, Math.floor((inner + S.gap) / (slot + S.gap)));
  const gridX = m + pad + Math.max(0, (inner - (columns * slot + (columns - 1) * S.gap)) / 2);
  const columnX = (column: number) => round(gridX + column * (slot + S.gap));

  const ordered = orderContainers(graph.nodes.filter((node) => node.kind === 'container'));
  const volumes = graph.nodes.filter((node) => node.kind === 'volume');
  const services = graph.nodes.filter((node) => node.kind === 'service');
  const endpoints = graph.nodes.filter((node) => node.kind === 'endpoint');
  const boxes: Record<string, Box> = {};
  const lanes: { label: string; x: number; y: number }[] = [];
  const cells = new Map<string, Cell>();
  const rowOf = new Map<string, number>();

  const initPhase = ordered.filter((node) => node.order !== undefined);
  const appPhase = ordered.filter((node) => node.order === undefined);
  // Arranged top lane first, each against the lanes above; then the init lane once more against the app lane.
  const arrangedInit = arrangeLane(initPhase, true, graph.edges, cells, columns);
  arrangedInit.forEach((cell, id) => cells.set(id, cell));
  const arrangedApp = arrangeLane(appPhase, false, graph.edges, cells, columns);
  arrangedApp.forEach((cell, id) => cells.set(id, cell));
  for (const id of arrangedInit.keys()) cells.delete(id);
  const initAgain = arrangeLane(initPhase, true, graph.edges, cells, columns);
  initAgain.forEach((cell, id) => cells.set(id, cell));
  const arrangedVolumes = arrangeLane(volumes, false, graph.edges, cells, columns);
  arrangedVolumes.forEach((cell, id) => cells.set(id, cell));

  // Services above the frame, over the column of the container they send to.
  const serviceRows = Math.ceil(services.length / columns);
  const serviceWidth = Math.min(SIZES.service.width, slot);
  const serviceColumns = assignColumns(
    services.map((node) => {
      const target = graph.edges.find((edge) => edge.from === node.id && cells.has(edge.to));
      return target ? cells.get(target.to)!.column : 0;
    }),
    columns,
  );
  services.forEach((node, index) => {
    boxes[node.id] = {
      x: columnX(serviceColumns[index]!) + (slot - serviceWidth) / 2,
      y: m + Math.floor(index / columns) * (S.heights.small + S.serviceGap),
      width: serviceWidth,
      height: S.heights.small,
    };
  });
  let y =
    services.length > 0 ? m + serviceRows * (S.heights.small + S.serviceGap) - S.serviceGap + S.serviceToFrame : m;

  const frameY = y;
  const titleOnOneLine = S.summaryLine > 0 && titleFitsOneLine(graph, inner + 2 * pad);
  const titleSaves = titleOnOneLine ? S.summaryLine : 0;
  y += S.frameTitle - titleSaves;
  let rowIndex = 0;
  const placeLane = (
    caption: { long: string; short: string },
    arranged: Map<string, Cell>,
    size: { width: number; height: number },
    nodes: readonly TopologyNode[],
  ) => {
    if (nodes.length === 0) return;
    const label = laneCaptionBox({ label: caption.long, x: 0, y: 0 }).width <= inner ? caption.long : caption.short;
    const xOf = (node: TopologyNode) => round(columnX(arranged.get(node.id)!.column) + (slot - size.width) / 2);
    const firstRowX = Math.min(...nodes.filter((node) => arranged.get(node.id)!.row === 0).map(xOf));
    const beside = S.compactCaptions && lanes.length > 0 && fitsBeside(label, m + pad, firstRowX);
    if (!beside && S.compactCaptions && lanes.length > 0) {
      y += S.captionInGap;
      lanes.push({ label, x: m + pad, y: y - 6 });
    } else if (!beside) {
      lanes.push({ label, x: m + pad, y: y + S.laneCaption - 8 });
      y += S.laneCaption;
    }
    const rows = Math.max(...[...arranged.values()].map((cell) => cell.row)) + 1;
    for (let row = 0; row < rows; row++) {
      const inRow = nodes.filter((node) => arranged.get(node.id)!.row === row);
      if (graph.edges.some((edge) => isSameRowArc(edge, inRow, arranged))) y += S.arcRoom;
      // Level with the boxes' top: lines reaching a box from the side come in lower, at its middle.
      if (beside && row === 0) lanes.push({ label, x: m + pad, y: y + 13 });
      for (const node of inRow) {
        boxes[node.id] = { x: xOf(node), y, ...size };
        rowOf.set(node.id, rowIndex);
      }
      rowIndex++;
      y += size.height + S.rowGap;
    }
  };
  const containerSize = { width: slot, height: S.heights.container };
  const appNumber = initPhase.length > 0 ? '2' : '1';
  placeLane(
    { long: '1 · init containers and native sidecars, one after another', short: '1 · init, one after another' },
    initAgain,
    containerSize,
    initPhase,
  );
  placeLane(
    { long: `${appNumber} · app containers, started together`, short: `${appNumber} · app, started together` },
    arrangedApp,
    containerSize,
    appPhase,
  );
  placeLane(
    { long: 'volumes', short: 'volumes' },
    arrangedVolumes,
    { width: volumeWidth, height: S.heights.volume },
    volumes,
  );
  const frame: Box = { x: m, y: frameY, width: inner + 2 * pad, height: y - S.rowGap + pad - frameY };

  // Outside endpoints below the pod, one per row, in the order of the boxes that call them, clear of
  // the frame's side margins so lines coming down those margins reach them from the side.
  y = frame.y + frame.height + S.endpointGap;
  const endpointWidth = Math.min(SIZES.endpoint.width, inner);
  if (endpoints.length > 0) {
    const callerPlace = (node: TopologyNode) => {
      const callers = graph.edges
        .filter((edge) => edge.to === node.id)
        .map((edge) => boxes[edge.from])
        .filter((box): box is Box => !!box);
      return callers.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...callers.map((box) => box.x));
    };
    const byCaller = endpoints
      .map((node, index) => ({ node, index, place: callerPlace(node) }))
      .sort((a, b) => (a.place === b.place ? a.index - b.index : a.place < b.place ? -1 : 1))
      .map(({ node, place }) => ({
        node,
        x: round(
          Math.max(m + pad, Math.min(Number.isFinite(place) ? place : m + pad, m + pad + inner - endpointWidth)),
        ),
      }));
    const label = 'outside the pod';
    if (S.compactCaptions && fitsBeside(label, m, byCaller[0]!.x)) {
      lanes.push({ label, x: m, y: y + 13 });
    } else {
      lanes.push({ label, x: m, y: y + S.laneCaption - 8 });
      y += S.laneCaption;
    }
    for (const { node, x } of byCaller) {
      boxes[node.id] = { x, y, width: endpointWidth, height: S.heights.small };
      y += S.heights.small + S.endpointStep;
    }
  }

  const gutters = [
    frame.x + pad / 2,
    ...Array.from({ length: columns - 1 }, (_, column) => columnX(column) + slot + S.gap / 2),
    frame.x + frame.width - pad / 2,
  ];
  const routes = routeEdges(graph, boxes, frame, rowOf, gutters, S);

  return withLegend(graph, {
    margin: m,
    contentWidth: inner + 2 * pad,
    legendTop: y + S.legendGap,
    minPerRow: 1,
    titleBand: S.titleText - titleSaves,
    frame,
    boxes,
    routes,
    lanes,
    ...(options.compact ? { dense: true } : {}),
    ...(titleOnOneLine ? { titleOnOneLine } : {}),
  });
}

/** Whether a lane caption starting at `x` ends clear of a box starting at `boxX`. */
function fitsBeside(label: string, x: number, boxX: number): boolean {
  const box = laneCaptionBox({ label, x, y: 0 });
  return box.x + box.width + 12 <= boxX;
}

/**
 * Gives each node of a lane a row and a column. Full rows come first; the last row's nodes may
 * take any columns, in order. The arrangement chosen has the smallest cost (see `laneCost`);
 * `fixedOrder` keeps the given order (the start order of init containers) and only picks columns.
 */
function arrangeLane(
  nodes: readonly TopologyNode[],
  fixedOrder: boolean,
  edges: readonly TopologyEdge[],
  placed: ReadonlyMap<string, Cell>,
  columns: number,
): Map<string, Cell> {
  if (nodes.length === 0) return new Map();
  const orders = fixedOrder
    ? [nodes]
    : nodes.length <= EXHAUSTIVE_LIMIT
      ? permutations(nodes)
      : [barycentreOrder(nodes, edges, placed)];
  const fullRows = Math.floor(nodes.length / columns);
  const lastRow = nodes.length - fullRows * columns;
  const lastColumns = lastRow === 0 ? [[]] : combinations(columns, lastRow);
  let best: { cells: Map<string, Cell>; cost: number } | undefined;
  for (const order of orders) {
    for (const chosen of lastColumns) {
      const cells = new Map<string, Cell>();
      order.forEach((node, index) => {
        const row = Math.floor(index / columns);
        cells.set(node.id, { row, column: row < fullRows ? index % columns : chosen[index - fullRows * columns]! });
      });
      const cost =
        laneCost(cells, edges, placed) +
        0.001 * order.reduce((sum, node, index) => sum + Math.abs(nodes.indexOf(node) - index), 0);
      if (!best || cost < best.cost - 1e-9) best = { cells, cost };
    }
  }
  return best!.cells;
}

/**
 * What an arrangement costs in long, bent or crossing lines: each line to a node of the lanes
 * above costs its column distance (a line straight down costs nothing) and a little per row it
 * has to descend within the lane; a call or start step within the lane costs the boxes it must
 * jump over (neighbours in one row cost nothing); two containers sharing a volume cost their
 * column distance, since the volume below sits between them.
 */
function laneCost(
  cells: ReadonlyMap<string, Cell>,
  edges: readonly TopologyEdge[],
  placed: ReadonlyMap<string, Cell>,
): number {
  let cost = 0;
  const sharers = new Map<string, string[]>();
  for (const edge of edges) {
    const from = cells.get(edge.from) ?? placed.get(edge.from);
    const to = cells.get(edge.to) ?? placed.get(edge.to);
    const inLane = [edge.from, edge.to].filter((id) => cells.has(id)).length;
    if (inLane === 0) {
      continue;
    } else if (inLane === 2 && from && to) {
      cost +=
        from.row === to.row
          ? 2 * Math.max(0, Math.abs(from.column - to.column) - 1)
          : 2 + Math.abs(from.column - to.column);
    } else if (from && to) {
      const own = cells.get(edge.from) ?? cells.get(edge.to)!;
      cost += 2 * Math.abs(from.column - to.column) + 0.5 * own.row;
    }
    if (edge.kind === 'mount' && cells.has(edge.from))
      sharers.set(edge.to, [...(sharers.get(edge.to) ?? []), edge.from]);
  }
  for (const ids of sharers.values())
    for (let i = 0; i + 1 < ids.length; i++)
      cost += Math.abs(cells.get(ids[i]!)!.column - cells.get(ids[i + 1]!)!.column);
  return cost;
}

/** Nodes sorted by the mean column of their neighbours already placed; nodes without keep their place. */
function barycentreOrder(
  nodes: readonly TopologyNode[],
  edges: readonly TopologyEdge[],
  placed: ReadonlyMap<string, Cell>,
): TopologyNode[] {
  const key = (node: TopologyNode, index: number) => {
    const columns = edges
      .filter((edge) => edge.from === node.id || edge.to === node.id)
      .map((edge) => placed.get(edge.from === node.id ? edge.to : edge.from)?.column)
      .filter((column): column is number => column !== undefined);
    return columns.length === 0 ? index / nodes.length : columns.reduce((sum, c) => sum + c, 0) / columns.length;
  };
  return nodes
    .map((node, index) => ({ node, index, key: key(node, index) }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((entry) => entry.node);
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

/** Every increasing choice of `count` columns out of `columns`. */
function combinations(columns: number, count: number, from = 0): number[][] {
  if (count === 0) return [[]];
  const out: number[][] = [];
  for (let column = from; column <= columns - count; column++)
    for (const rest of combinations(columns, count - 1, column + 1)) out.push([column, ...rest]);
  return out;
}

/** Columns as near the wished ones as possible, distinct and in order within each row (several Services over one container). */
function assignColumns(wished: readonly number[], columns: number): number[] {
  const out: number[] = [];
  wished.forEach((column, index) => {
    const inRow = index % columns;
    const laterInRow = Math.min(wished.length, index - inRow + columns) - index - 1;
    const previous = inRow === 0 ? -1 : out[index - 1]!;
    out.push(Math.min(columns - 1 - laterInRow, Math.max(previous + 1, column)));
  });
  return out;
}

/**
 * Routes every edge: calls and start steps within a row arc above it (neighbours' start steps
 * are a straight arrow); a line to another row runs straight when no box is in its way, else
 * down the free gap between columns that crosses the fewest lines already drawn.
 */
function routeEdges(
  graph: TopologyGraph,
  boxes: Record<string, Box>,
  frame: Box,
  rowOf: ReadonlyMap<string, number>,
  gutters: readonly number[],
  spacing: Spacing,
): Record<string, EdgeRoute> {
  const routes: Record<string, EdgeRoute> = {};
  const drawn: { edge: TopologyEdge; points: Point[] }[] = [];
  const gutterUse = new Map<number, Set<number>>();
  const arcLevel = new Map<number, number>();
  const boxOf = (id: string) => (id === 'pod' ? frame : boxes[id]);
  const pending: { edge: TopologyEdge; start: Point; end: Point; obstacles: Box[]; side?: Box }[] = [];
  const add = (edge: TopologyEdge, route: EdgeRoute) => {
    routes[edge.id] = route;
    drawn.push({ edge, points: polyline(route.path) });
  };

  for (const edge of graph.edges) {
    const from = boxOf(edge.from);
    const to = boxOf(edge.to);
    if (!from || !to) continue;
    const sameRow = rowOf.has(edge.from) && rowOf.get(edge.from) === rowOf.get(edge.to);
    if (sameRow && (edge.kind === 'localhost' || edge.kind === 'sequence')) {
      add(edge, sameRowRoute(edge, from, to, rowOf.get(edge.from)!, arcLevel, boxes, spacing.arcRoom));
      continue;
    }
    const down = from.y <= to.y;
    const toSide = edge.kind === 'external';
    const start: Point = {
      x: from.x + from.width / 2 + (edge.kind === 'mount' ? mountOffset(edge, graph.edges, 'from', boxes) : 0),
      y: down ? from.y + from.height : from.y,
    };
    const end: Point = {
      x: to.x + to.width / 2 + (edge.kind === 'mount' ? mountOffset(edge, graph.edges, 'to', boxes) : 0),
      y: down ? to.y : to.y + to.height,
    };
    const curve = verticalCurve(start, end);
    const obstacles = Object.entries(boxes)
      .filter(([id]) => id !== edge.from && id !== edge.to)
      .map(([, box]) => box);
    if (!obstacles.some((box) => lineEntersBox(polyline(curve), grow(box, 2)))) {
      const labelAt =
        edge.label !== undefined ? { x: round((start.x + end.x) / 2), y: round((start.y + end.y) / 2) } : undefined;
      add(edge, { path: curve, ...(labelAt ? { labelAt } : {}) });
    } else {
      pending.push({
        edge,
        start,
        end,
        obstacles: obstacles.filter(
          (box) => box.y < Math.max(start.y, end.y) && box.y + box.height > Math.min(start.y, end.y),
        ),
        ...(toSide ? { side: to } : {}),
      });
    }
  }
  // The lines that go round come last, shortest first, each down the gap that crosses the fewest lines drawn.
  pending.sort((a, b) => Math.abs(a.end.y - a.start.y) - Math.abs(b.end.y - b.start.y));
  for (const { edge, start, end, obstacles, side } of pending) {
    const junctions = [edge.from, edge.to]
      .map(boxOf)
      .filter((box): box is Box => !!box)
      .map((box) => grow(box, 12));
    // Side by side in a gap (5 px apart) and turning a little earlier or later, so that lines sharing a gap
    // nest instead of crossing; on a big pod only the first free place, to stay fast.
    const lanes = graph.edges.length > 40 ? [{ offset: 0, shift: 0 }] : GUTTER_LANES;
    let best: { route: EdgeRoute; points: Point[]; gutter: number; offset: number; score: number } | undefined;
    for (const gutter of gutters) {
      // A line that reaches an endpoint from the side comes down beside it, not through it.
      if (side && gutter > side.x - 8 && gutter < side.x + side.width + 8) continue;
      const used = gutterUse.get(gutter) ?? new Set<number>();
      const free = lanes.filter((lane) => !used.has(lane.offset));
      for (const { offset, shift } of free.length > 0 ? free : [{ offset: 5 * used.size, shift: 0 }]) {
        const route = gutterRoute(start, end, gutter + offset, shift, spacing.turn, side);
        const points = polyline(route.path);
        if (obstacles.some((box) => lineEntersBox(points, box))) continue;
        const crossings = drawn.filter((other) => {
          const shared = [other.edge.from, other.edge.to].some((id) => id === edge.from || id === edge.to);
          return linesCross(points, other.points, shared ? junctions : []);
        }).length;
        const score =
          1000 * crossings + Math.abs(gutter - start.x) + Math.abs(gutter - end.x) + Math.abs(offset) + Math.abs(shift);
        if (!best || score < best.score) best = { route, points, gutter, offset, score };
      }
    }
    if (!best) {
      const gutter = gutters[0]!;
      const route = gutterRoute(start, end, gutter, 0, spacing.turn, side);
      best = { route, points: polyline(route.path), gutter, offset: 0, score: 0 };
    }
    gutterUse.set(best.gutter, new Set([...(gutterUse.get(best.gutter) ?? []), best.offset]));
    routes[edge.id] = best.route;
    drawn.push({ edge, points: best.points });
  }
  return routes;
}

function sameRowRoute(
  edge: TopologyEdge,
  from: Box,
  to: Box,
  row: number,
  arcLevel: Map<number, number>,
  boxes: Record<string, Box>,
  arcRoom: number,
): EdgeRoute {
  const forward = from.x < to.x;
  const neighbours = !Object.values(boxes).some(
    (box) => box.y === from.y && box.x > Math.min(from.x, to.x) && box.x < Math.max(from.x, to.x),
  );
  if (neighbours && edge.kind === 'sequence') {
    const start = { x: forward ? from.x + from.width : from.x, y: from.y + from.height / 2 };
    const end = { x: forward ? to.x : to.x + to.width, y: to.y + to.height / 2 };
    return {
      path: `M ${round(start.x)} ${round(start.y)} L ${round(end.x)} ${round(end.y)}`,
      labelAt: { x: round((start.x + end.x) / 2), y: round(start.y - 6) },
    };
  }
  const level = arcLevel.get(row) ?? 0;
  arcLevel.set(row, level + 1);
  const height = Math.min(arcRoom - 4, 18 + 8 * level);
  const start = { x: from.x + from.width * (forward ? 0.7 : 0.3), y: from.y };
  const end = { x: to.x + to.width * (forward ? 0.3 : 0.7), y: to.y };
  const top = from.y - height;
  return {
    path: `M ${round(start.x)} ${round(start.y)} C ${round(start.x)} ${round(top)} ${round(end.x)} ${round(top)} ${round(end.x)} ${round(end.y)}`,
    labelAt: { x: round((start.x + end.x) / 2), y: round(top + 6) },
  };
}

/**
 * Down from the start to the gap below its row, across to the gutter, down (or up) past the rows
 * between, then across to the end's column and into it — or, for an endpoint below the pod,
 * straight into its side.
 */
function gutterRoute(start: Point, end: Point, gutter: number, shift: number, turn: number, side?: Box): EdgeRoute {
  const down = start.y <= end.y;
  const turnY = down ? start.y + turn + shift : start.y - turn - shift;
  const arriveY = down ? end.y - turn - shift : end.y + turn + shift;
  const sideY = side ? side.y + side.height / 2 : 0;
  const sideX = side ? (gutter < side.x ? side.x : side.x + side.width) : 0;
  const points = side
    ? [start, { x: start.x, y: turnY }, { x: gutter, y: turnY }, { x: gutter, y: sideY }, { x: sideX, y: sideY }]
    : [
        start,
        { x: start.x, y: turnY },
        { x: gutter, y: turnY },
        { x: gutter, y: arriveY },
        { x: end.x, y: arriveY },
        end,
      ];
  return {
    path: `M ${points.map((point) => `${round(point.x)} ${round(point.y)}`).join(' L ')}`,
    labelAt: side
      ? { x: round(gutter), y: round((turnY + sideY) / 2) }
      : { x: round((gutter + end.x) / 2), y: round(arriveY - 4) },
  };
}

/** A call or start step between two boxes of one row that are not neighbours (or any call): it arcs above the row. */
function isSameRowArc(edge: TopologyEdge, row: readonly TopologyNode[], cells: ReadonlyMap<string, Cell>): boolean {
  if (edge.kind !== 'localhost' && edge.kind !== 'sequence') return false;
  const from = row.find((node) => node.id === edge.from);
  const to = row.find((node) => node.id === edge.to);
  if (!from || !to) return false;
  return edge.kind === 'localhost' || Math.abs(cells.get(from.id)!.column - cells.get(to.id)!.column) > 1;
}

/** Several mounts on one box side are spread across it in the order of their other ends, so they do not cross there. */
function mountOffset(
  edge: TopologyEdge,
  edges: readonly TopologyEdge[],
  end: 'from' | 'to',
  boxes: Record<string, Box>,
): number {
  const other = end === 'from' ? 'to' : 'from';
  const siblings = edges
    .filter((candidate) => candidate.kind === 'mount' && candidate[end] === edge[end])
    .sort(
      (a, b) =>
        (boxes[a[other]]?.x ?? 0) - (boxes[b[other]]?.x ?? 0) || (boxes[a[other]]?.y ?? 0) - (boxes[b[other]]?.y ?? 0),
    );
  const index = siblings.indexOf(edge);
  return (index - (siblings.length - 1) / 2) * 18;
}

import type { ContainerRole } from '../vocabulary';
import type { TopologyEdge, TopologyGraph, TopologyNode } from './types';
import { round } from './geometry';
import { laneCaptionBox, placeEdgeLabels } from './labels';
import { layoutWrapped } from './wrappedLayout';

export { round };

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface EdgeRoute {
  /** SVG path data. */
  readonly path: string;
  readonly labelAt?: Point;
}

export interface TopologyLayout {
  readonly width: number;
  readonly height: number;
  /** The pod's frame. */
  readonly frame: Box;
  /** Every node but the pod, by id. */
  readonly boxes: Readonly<Record<string, Box>>;
  readonly routes: Readonly<Record<string, EdgeRoute>>;
  /** Where the legend goes, below the frame. */
  readonly legend: Box;
  /** The legend's entries: only what the picture shows. */
  readonly legendEntries: readonly LegendEntry[];
  /** Where each legend entry's swatch starts (its label follows it), in the order of `legendEntries`. */
  readonly legendPlaces: readonly Point[];
  /** Drawn compact to fit a panel's height: smaller boxes, their lines of text closer together. */
  readonly dense?: boolean;
  /** The pod's resource summary shares its heading's line, at the frame's right end (a compact frame wide enough). */
  readonly titleOnOneLine?: boolean;
  /** Captions of the phase lanes (the wrapped layout). */
  readonly lanes?: readonly { readonly label: string; readonly x: number; readonly y: number }[];
}

export const SIZES = {
  margin: 24,
  container: { width: 230, height: 78 },
  volume: { width: 180, height: 48 },
  endpoint: { width: 280, height: 48 },
  service: { width: 180, height: 48 },
  columnGap: 56,
  frameTitle: 56,
  framePadding: 24,
  mountBand: 96,
  outsideGap: 64,
  legendRowHeight: 24,
  legendItemWidth: 180,
} as const;

/** Left to right along the row: adapters face the traffic coming in, ambassadors the calls going out. */
const ROLE_COLUMN: Readonly<Record<ContainerRole, number>> = {
  init: 0,
  'native-sidecar': 0,
  adapter: 1,
  main: 2,
  sidecar: 3,
  ambassador: 4,
};

export const LEGEND_ENTRIES = [
  { key: 'main', label: 'main container' },
  { key: 'sidecar', label: 'sidecar' },
  { key: 'adapter', label: 'adapter' },
  { key: 'ambassador', label: 'ambassador' },
  { key: 'init', label: 'init container' },
  { key: 'native-sidecar', label: 'native sidecar' },
  { key: 'edge-sequence', label: 'start order' },
  { key: 'edge-mount', label: 'mount (read-write)' },
  { key: 'edge-mount-ro', label: 'mount (read-only)' },
  { key: 'edge-localhost', label: 'localhost call' },
  { key: 'edge-external', label: 'call outside the pod' },
  { key: 'edge-service', label: 'Service traffic' },
  { key: 'edge-deadlock', label: 'waits forever (deadlock)' },
] as const;

export type LegendEntry = (typeof LEGEND_ENTRIES)[number];

/** The legend entries for what this graph shows: its containers' roles and its kinds of edges. */
export function legendEntriesFor(graph: TopologyGraph): LegendEntry[] {
  const shown = new Set<string>();
  for (const node of graph.nodes) if (node.kind === 'container' && node.role) shown.add(node.role);
  for (const edge of graph.edges) {
    if (edge.deadlock) shown.add('edge-deadlock');
    else shown.add(edge.kind === 'mount' && edge.readOnly ? 'edge-mount-ro' : `edge-${edge.kind}`);
  }
  return LEGEND_ENTRIES.filter((entry) => shown.has(entry.key));
}

export interface LayoutOptions {
  /** The width to fit (a panel's): a pod whose one-row picture is wider is laid out in wrapped phase lanes. */
  readonly maxWidth?: number;
  /**
   * The height to fit (the panel's room below its toolbar): wrapped lanes taller than this are drawn
   * compact, so that a side panel shows the whole pod with its text at full size.
   */
  readonly maxHeight?: number;
}

/**
 * Places the pod's nodes on a fixed layered grid: one row of containers (init containers
 * first, in start order, then app containers by role), the volumes in a row below ordered
 * by where their containers are, Services above the frame and external endpoints to its
 * right. Synchronous and deterministic: the same graph always gives the same picture.
 */
export function layoutTopology(graph: TopologyGraph, options: LayoutOptions = {}): TopologyLayout {
  const oneRow = layoutOneRow(graph);
  if (options.maxWidth === undefined || oneRow.width <= options.maxWidth) return oneRow;
  const wrapped = layoutWrapped(graph, options.maxWidth);
  // Too tall for the panel: compact, which is never taller. A pod too big even then scrolls, its text still legible.
  return options.maxHeight !== undefined && wrapped.height > options.maxHeight
    ? layoutWrapped(graph, options.maxWidth, { compact: true })
    : wrapped;
}

function layoutOneRow(graph: TopologyGraph): TopologyLayout {
  const m = SIZES.margin;
  const boxes: Record<string, Box> = {};
  const containers = orderContainers(graph.nodes.filter((node) => node.kind === 'container'));
  const volumes = graph.nodes.filter((node) => node.kind === 'volume');
  const services = graph.nodes.filter((node) => node.kind === 'service');
  const endpoints = graph.nodes.filter((node) => node.kind === 'endpoint');
  const column = new Map(containers.map((node, index) => [node.id, index]));

  const arcs = graph.edges.filter((edge) => isArc(edge, column));
  const arcHeights = new Map<string, number>();
  const arcLevels = new Map<number, number>();
  for (const edge of arcs) {
    const span = Math.abs(column.get(edge.to)! - column.get(edge.from)!);
    const level = arcLevels.get(span) ?? 0;
    arcLevels.set(span, level + 1);
    arcHeights.set(edge.id, 30 + 16 * (span - 1) + 18 * level);
  }
  const externalCount = graph.edges.filter((edge) => edge.kind === 'external').length;
  const arcBand = Math.max(28, ...[...arcHeights.values()].map((height) => height + 20)) + externalCount * 7;

  const serviceBand = services.length > 0 ? SIZES.service.height + SIZES.outsideGap : 0;
  const frameX = m;
  const frameY = m + serviceBand;
  const rowY = frameY + SIZES.frameTitle + arcBand;
  const rowWidth = containers.length * SIZES.container.width + Math.max(0, containers.length - 1) * SIZES.columnGap;
  const volumeRowWidth = volumes.length * SIZES.volume.width + Math.max(0, volumes.length - 1) * SIZES.columnGap;
  const innerWidth = Math.max(rowWidth, volumeRowWidth, 420);
  const frameWidth = innerWidth + 2 * SIZES.framePadding;
  const rowX = frameX + SIZES.framePadding + (innerWidth - rowWidth) / 2;
  containers.forEach((node, index) => {
    boxes[node.id] = { x: rowX + index * (SIZES.container.width + SIZES.columnGap), y: rowY, ...SIZES.container };
  });

  const volumeY = rowY + SIZES.container.height + SIZES.mountBand;
  const orderedVolumes = orderVolumes(volumes, graph.edges, boxes);
  const volumeX = frameX + SIZES.framePadding + (innerWidth - volumeRowWidth) / 2;
  orderedVolumes.forEach((node, index) => {
    boxes[node.id] = { x: volumeX + index * (SIZES.volume.width + SIZES.columnGap), y: volumeY, ...SIZES.volume };
  });
  const frameBottom =
    (volumes.length > 0 ? volumeY + SIZES.volume.height : rowY + SIZES.container.height) + SIZES.framePadding;
  const frame: Box = { x: frameX, y: frameY, width: frameWidth, height: frameBottom - frameY };

  services.forEach((node, index) => {
    const targets = graph.edges
      .filter((edge) => edge.from === node.id)
      .map((edge) => boxes[edge.to])
      .filter((box): box is Box => box !== undefined);
    const preferred =
      targets.length > 0 ? targets[0]!.x + (targets[0]!.width - SIZES.service.width) / 2 : frameX + SIZES.framePadding;
    const previous = index > 0 ? boxes[services[index - 1]!.id]! : undefined;
    const x = previous
      ? Math.max(preferred, previous.x + previous.width + SIZES.columnGap)
      : Math.max(frameX, preferred);
    boxes[node.id] = { x, y: m, ...SIZES.service };
  });

  // Outgoing calls get lanes from the top in the order of their containers, left to right, and
  // endpoints are stacked in the same order: then no two of these lines cross.
  const externalEdges = graph.edges
    .filter((edge) => edge.kind === 'external' && boxes[edge.from])
    .map((edge, index) => ({ edge, index, x: boxes[edge.from]!.x }))
    .sort((a, b) => a.x - b.x || a.index - b.index)
    .map((entry) => entry.edge);
  const externalLanes = new Map(externalEdges.map((edge, lane) => [edge.id, lane]));
  const firstLane = (node: TopologyNode) =>
    Math.min(...externalEdges.filter((edge) => edge.to === node.id).map((edge) => externalLanes.get(edge.id)!));
  const orderedEndpoints = endpoints
    .map((node, index) => ({ node, index, lane: firstLane(node) }))
    .sort((a, b) => a.lane - b.lane || a.index - b.index)
    .map((entry) => entry.node);
  const endpointX = frameX + frameWidth + SIZES.outsideGap;
  orderedEndpoints.forEach((node, index) => {
    boxes[node.id] = {
      x: endpointX,
      y: frameY + SIZES.frameTitle + 24 + index * (SIZES.endpoint.height + 14),
      ...SIZES.endpoint,
    };
  });

  const routes: Record<string, EdgeRoute> = {};
  const mountsOf = new Map<string, TopologyEdge[]>();
  for (const edge of graph.edges.filter((candidate) => candidate.kind === 'mount')) {
    for (const end of [edge.from, edge.to]) mountsOf.set(end, [...(mountsOf.get(end) ?? []), edge]);
  }
  // Along each side, edges meet in the order of their other ends, so they do not cross there.
  for (const [end, list] of mountsOf) {
    const otherX = (edge: TopologyEdge) => boxes[edge.from === end ? edge.to : edge.from]?.x ?? 0;
    list.sort((a, b) => otherX(a) - otherX(b));
  }
  for (const edge of graph.edges) {
    const from = edge.from === 'pod' ? frame : boxes[edge.from];
    const to = edge.to === 'pod' ? frame : boxes[edge.to];
    if (!from || !to) continue;
    if (edge.kind === 'mount') {
      const start = spread(from, mountsOf.get(edge.from)!, edge, 'bottom');
      const end = spread(to, mountsOf.get(edge.to)!, edge, 'top');
      routes[edge.id] = {
        path: verticalCurve(start, end),
        labelAt: { x: round((start.x + end.x) / 2), y: round((start.y + end.y) / 2) },
      };
    } else if (arcHeights.has(edge.id)) {
      const height = arcHeights.get(edge.id)!;
      const forward = from.x < to.x;
      const start = { x: from.x + from.width * (forward ? 0.7 : 0.3), y: from.y };
      const end = { x: to.x + to.width * (forward ? 0.3 : 0.7), y: to.y };
      const top = from.y - height;
      routes[edge.id] = {
        path: `M ${round(start.x)} ${round(start.y)} C ${round(start.x)} ${round(top)} ${round(end.x)} ${round(top)} ${round(end.x)} ${round(end.y)}`,
        labelAt: { x: round((start.x + end.x) / 2), y: round(top + height * 0.25 - 4) },
      };
    } else if (edge.kind === 'sequence' || edge.kind === 'localhost') {
      const forward = from.x < to.x;
      const start = { x: forward ? from.x + from.width : from.x, y: from.y + from.height / 2 };
      const end = { x: forward ? to.x : to.x + to.width, y: to.y + to.height / 2 };
      routes[edge.id] = {
        path: `M ${round(start.x)} ${round(start.y)} L ${round(end.x)} ${round(end.y)}`,
        labelAt: { x: round((start.x + end.x) / 2), y: round(start.y - 6) },
      };
    } else if (edge.kind === 'external') {
      // Calls out of the pod rise to a lane above the arcs, leave the frame on the right and
      // reach their endpoint, so they never run along or behind the containers.
      const lane = externalLanes.get(edge.id)!;
      const start = { x: from.x + from.width * 0.85, y: from.y };
      const laneY = frameY + SIZES.frameTitle + 4 + lane * 7;
      const exitX = frameX + frameWidth + SIZES.outsideGap / 2 + 8 - lane * 5;
      const end = { x: to.x, y: to.y + to.height / 2 };
      routes[edge.id] = {
        path: `M ${round(start.x)} ${round(start.y)} L ${round(start.x)} ${round(laneY)} L ${round(exitX)} ${round(laneY)} L ${round(exitX)} ${round(end.y)} L ${round(end.x)} ${round(end.y)}`,
      };
    } else {
      // Service traffic comes down from above the frame into the serving container (or the pod).
      const start = { x: from.x + from.width / 2, y: from.y + from.height };
      const end = edge.to === 'pod' ? { x: start.x, y: frame.y } : { x: to.x + to.width / 2, y: to.y };
      routes[edge.id] = { path: verticalCurve(start, end), labelAt: { x: round(start.x + 8), y: round(start.y + 18) } };
    }
  }

  const outsideRight = endpoints.length > 0 ? SIZES.outsideGap + SIZES.endpoint.width : 0;
  const servicesRight = Math.max(
    0,
    ...services.map((node) => boxes[node.id]!.x + boxes[node.id]!.width - (frameX + frameWidth)),
  );
  const endpointsBottom = Math.max(0, ...endpoints.map((node) => boxes[node.id]!.y + boxes[node.id]!.height));
  const contentWidth = frameWidth + Math.max(outsideRight, servicesRight);
  return withLegend(graph, {
    margin: m,
    contentWidth,
    legendTop: Math.max(frame.y + frame.height, endpointsBottom) + 20,
    minPerRow: 3,
    titleBand: 48,
    frame,
    boxes,
    routes,
  });
}

/** Finishes a layout: the legend (only what the picture shows) below everything, and the picture's size. */
export function withLegend(
  graph: TopologyGraph,
  parts: Pick<TopologyLayout, 'frame' | 'boxes' | 'routes' | 'lanes' | 'dense' | 'titleOnOneLine'> & {
    readonly margin: number;
    readonly contentWidth: number;
    readonly legendTop: number;
    readonly minPerRow: number;
    /** The top of the frame that holds the pod's name and resource line, where no edge label goes. */
    readonly titleBand: number;
  },
): TopologyLayout {
  const legendEntries = legendEntriesFor(graph);
  const {
    places: legendPlaces,
    width: legendWidth,
    height: legendHeight,
  } = parts.dense
    ? flowLegend(legendEntries, parts.contentWidth)
    : gridLegend(legendEntries, Math.max(parts.minPerRow, Math.floor(parts.contentWidth / SIZES.legendItemWidth)));
  const legend: Box = { x: parts.margin, y: parts.legendTop, width: legendWidth, height: legendHeight };
  const {
    margin,
    contentWidth: _contentWidth,
    legendTop: _legendTop,
    minPerRow: _minPerRow,
    titleBand,
    ...layout
  } = parts;
  const width = round(margin * 2 + Math.max(parts.contentWidth, legend.width));
  const height = round(legend.y + legend.height + margin);
  const routes = placeEdgeLabels(
    graph.edges,
    parts.routes,
    [
      ...Object.values(parts.boxes),
      ...(parts.lanes ?? []).map(laneCaptionBox),
      legend,
      { ...parts.frame, height: titleBand },
    ],
    { x: 0, y: 0, width, height },
  );
  return {
    ...layout,
    routes,
    width,
    height,
    legend,
    legendEntries,
    legendPlaces: legendPlaces.map((place) => ({ x: legend.x + place.x, y: legend.y + place.y })),
  };
}

/** Legend entries in columns of equal width, `perRow` to a row (places relative to the legend's corner). */
function gridLegend(
  entries: readonly LegendEntry[],
  perRow: number,
): { places: Point[]; width: number; height: number } {
  return {
    places: entries.map((_, index) => ({
      x: (index % perRow) * SIZES.legendItemWidth,
      y: Math.floor(index / perRow) * SIZES.legendRowHeight,
    })),
    width: Math.min(entries.length, perRow) * SIZES.legendItemWidth,
    height: Math.ceil(entries.length / perRow) * SIZES.legendRowHeight,
  };
}

/** Legend entries one after another like words, each as wide as its label, wrapped at `maxWidth`: fewer rows. */
function flowLegend(
  entries: readonly LegendEntry[],
  maxWidth: number,
): { places: Point[]; width: number; height: number } {
  const places: Point[] = [];
  let x = 0;
  let row = 0;
  let widest = 0;
  for (const entry of entries) {
    const width = legendEntryWidth(entry);
    if (x > 0 && x + width > maxWidth) {
      row++;
      x = 0;
    }
    places.push({ x, y: row * LEGEND_DENSE_ROW });
    widest = Math.max(widest, x + width);
    x += width + LEGEND_DENSE_GAP;
  }
  return { places, width: widest, height: entries.length === 0 ? 0 : (row + 1) * LEGEND_DENSE_ROW };
}

const LEGEND_DENSE_ROW = 17;
const LEGEND_DENSE_GAP = 14;
/** The swatch, the gap to the label, and the label (12 px text, wide enough for the broad fallback fonts). */
export const LEGEND_SWATCH = { width: 26, labelGap: 8, charWidth: 7 } as const;

export function legendEntryWidth(entry: LegendEntry): number {
  return LEGEND_SWATCH.width + LEGEND_SWATCH.labelGap + entry.label.length * LEGEND_SWATCH.charWidth;
}

/** Init containers in start order, then app containers by role column, each keeping document order. */
export function orderContainers(containers: readonly TopologyNode[]): TopologyNode[] {
  return containers
    .map((node, index) => ({ node, index }))
    .sort((a, b) => {
      const ka = a.node.order !== undefined ? -1000 + a.node.order : ROLE_COLUMN[a.node.role ?? 'sidecar'];
      const kb = b.node.order !== undefined ? -1000 + b.node.order : ROLE_COLUMN[b.node.role ?? 'sidecar'];
      return ka - kb || a.index - b.index;
    })
    .map((entry) => entry.node);
}

/** Volumes under the containers that mount them (mean position), unmounted ones last. */
function orderVolumes(
  volumes: readonly TopologyNode[],
  edges: readonly TopologyEdge[],
  boxes: Record<string, Box>,
): TopologyNode[] {
  const centre = (node: TopologyNode): number => {
    const xs = edges
      .filter((edge) => edge.kind === 'mount' && edge.to === node.id)
      .map((edge) => boxes[edge.from])
      .filter((box): box is Box => !!box)
      .map((box) => box.x + box.width / 2);
    return xs.length === 0 ? Number.POSITIVE_INFINITY : xs.reduce((sum, x) => sum + x, 0) / xs.length;
  };
  return volumes
    .map((node, index) => ({ node, index, centre: centre(node) }))
    .sort((a, b) => (a.centre === b.centre ? a.index - b.index : a.centre < b.centre ? -1 : 1))
    .map((entry) => entry.node);
}

/** Edges between containers of the row that are not neighbours arc above it, so they never run behind a box. */
function isArc(edge: TopologyEdge, column: Map<string, number>): boolean {
  if (edge.kind !== 'localhost' && edge.kind !== 'sequence') return false;
  const from = column.get(edge.from);
  const to = column.get(edge.to);
  if (from === undefined || to === undefined) return false;
  return edge.kind === 'localhost' || Math.abs(from - to) > 1;
}

/** Where an edge meets a box side, spreading several edges along it in the order of the other ends. */
function spread(box: Box, edges: readonly TopologyEdge[], edge: TopologyEdge, side: 'top' | 'bottom'): Point {
  const index = edges.indexOf(edge);
  const x = box.x + (box.width * (index + 1)) / (edges.length + 1);
  return { x, y: side === 'top' ? box.y : box.y + box.height };
}

export function verticalCurve(start: Point, end: Point): string {
  const middle = (start.y + end.y) / 2;
  return `M ${round(start.x)} ${round(start.y)} C ${round(start.x)} ${round(middle)} ${round(end.x)} ${round(middle)} ${round(end.x)} ${round(end.y)}`;
}

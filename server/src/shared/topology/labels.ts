import { polyline, round } from './geometry';
import type { Box, EdgeRoute, Point } from './layout';
import type { TopologyEdge, TopologyGraph } from './types';

/** The widest an edge label gets, and the average glyph width it is cut with (12 px UI font). */
const EDGE_LABEL_WIDTH = 260;
const CUT_CHAR_WIDTH = 7.0;
/**
 * The room an edge label takes on the page: 11 px text, centred on its anchor, baseline at the
 * anchor's y. Wide enough for the broad fallback fonts (DejaVu Sans) a webview may get.
 */
const LABEL_CHAR_WIDTH = 6.6;
const LABEL_ASCENT = 11;
const LABEL_DESCENT = 4;

/**
 * An edge's label, shortened from the front of its path or host so the port at its end always
 * shows (`…localhost (port 8080)`, never `http://localhost (port …`).
 */
export function edgeLabelText(edge: TopologyEdge): string {
  const prefix = edge.deadlock ? 'waits forever: ' : '';
  const text = `${edge.label ?? ''}${edge.readOnly ? ' (ro)' : ''}`;
  const max = Math.floor(EDGE_LABEL_WIDTH / CUT_CHAR_WIDTH) - prefix.length;
  return `${prefix}${text.length <= max ? text : `…${text.slice(text.length - (max - 1))}`}`;
}

/** The box a label drawn at `at` (text-anchor middle) covers. */
export function edgeLabelBox(text: string, at: Point): Box {
  const width = text.length * LABEL_CHAR_WIDTH + 4;
  return { x: at.x - width / 2, y: at.y - LABEL_ASCENT, width, height: LABEL_ASCENT + LABEL_DESCENT };
}

/** A lane caption's box (11 px bold text at its baseline). */
export function laneCaptionBox(lane: { readonly label: string; readonly x: number; readonly y: number }): Box {
  return { x: lane.x, y: lane.y - LABEL_ASCENT, width: lane.label.length * (LABEL_CHAR_WIDTH + 0.4), height: 15 };
}

/** The frame's title: the pod's kind and name. */
export function podHeading(graph: TopologyGraph): string {
  return `${graph.pod.kind} ${graph.pod.name}`;
}

/** The frame's second line: the pod's QoS class and its summed requests and limits. */
export function resourceSummary(graph: TopologyGraph): string {
  const list = (amounts: Readonly<Record<string, string>>) => {
    const entries = Object.entries(amounts);
    return entries.length === 0 ? 'none' : entries.map(([name, value]) => `${name} ${value}`).join(', ');
  };
  return `QoS ${graph.pod.qosClass} · requests ${list(graph.pod.requests)} · limits ${list(graph.pod.limits)}`;
}

/**
 * The room the title line keeps at the frame's right end: the pod's finding badge, when it has findings,
 * sits there (drawn centred 16 px in from the edge).
 */
export function titleEndInset(graph: TopologyGraph): number {
  return graph.nodes.some((node) => node.kind === 'pod' && node.findings) ? 34 : 16;
}

/**
 * Whether the pod's heading and its resource summary fit side by side on the title's one line of a frame
 * this wide: 16 px in, the heading (14 px bold), a 24 px gap and the summary (12 px) ending at the inset.
 * Glyph widths of the broad fallback fonts, so that the two never meet.
 */
export function titleFitsOneLine(graph: TopologyGraph, frameWidth: number): boolean {
  const heading = podHeading(graph).length * 9;
  const summary = resourceSummary(graph).length * 7;
  return 16 + heading + 24 + summary + titleEndInset(graph) <= frameWidth;
}

/** Where along a line its label may go, best first: the middle, then further towards either end. */
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88] as const;

/**
 * Places each edge label where it covers no node, no lane caption and no label placed before it:
 * the layout's own spot if it is free, else the first free spot on, above, below or beside its
 * line, walking from the middle outwards. A label with no free spot keeps the one that covers least.
 * Crowded gutters (several lines with labels side by side) are where this matters.
 */
export function placeEdgeLabels(
  edges: readonly TopologyEdge[],
  routes: Readonly<Record<string, EdgeRoute>>,
  obstacles: readonly Box[],
  bounds: Box,
): Record<string, EdgeRoute> {
  const placed: Box[] = [];
  const out: Record<string, EdgeRoute> = { ...routes };
  for (const edge of edges) {
    const route = routes[edge.id];
    if (!edge.label || !route?.labelAt) continue;
    const text = edgeLabelText(edge);
    const halfWidth = edgeLabelBox(text, { x: 0, y: 0 }).width / 2;
    const points = polyline(route.path);
    const candidates: Point[] = [route.labelAt];
    for (const fraction of ALONG) {
      const at = pointAlong(points, fraction);
      candidates.push(
        { x: at.x, y: at.y + 4 },
        { x: at.x, y: at.y - 5 },
        { x: at.x, y: at.y + 15 },
        { x: at.x + halfWidth + 5, y: at.y + 4 },
        { x: at.x - halfWidth - 5, y: at.y + 4 },
      );
    }
    // Last, further off to either side: two labels beside lines a few pixels apart (a compact picture's low gaps).
    for (const fraction of ALONG) {
      const at = pointAlong(points, fraction);
      candidates.push({ x: at.x + halfWidth + 14, y: at.y + 4 }, { x: at.x - halfWidth - 14, y: at.y + 4 });
    }
    const cost = (at: Point): number => {
      const box = edgeLabelBox(text, at);
      if (!insideBox(box, bounds)) return Number.POSITIVE_INFINITY;
      return [...obstacles, ...placed].reduce((sum, other) => sum + overlapArea(box, other), 0);
    };
    let best = { at: route.labelAt, cost: cost(route.labelAt) };
    for (const at of candidates) {
      if (best.cost === 0) break;
      const candidateCost = cost(at);
      if (candidateCost < best.cost) best = { at, cost: candidateCost };
    }
    const at = { x: round(best.at.x), y: round(best.at.y) };
    placed.push(edgeLabelBox(text, at));
    out[edge.id] = { ...route, labelAt: at };
  }
  return out;
}

/** The point a fraction of the way along a line, by length. */
function pointAlong(points: readonly Point[], fraction: number): Point {
  const lengths = points
    .slice(1)
    .map((point, index) => Math.hypot(point.x - points[index]!.x, point.y - points[index]!.y));
  let remaining = fraction * lengths.reduce((sum, length) => sum + length, 0);
  for (let index = 0; index < lengths.length; index++) {
    const length = lengths[index]!;
    if (remaining <= length && length > 0) {
      const [a, b] = [points[index]!, points[index + 1]!];
      return { x: a.x + ((b.x - a.x) * remaining) / length, y: a.y + ((b.y - a.y) * remaining) / length };
    }
    remaining -= length;
  }
  return points[points.length - 1] ?? { x: 0, y: 0 };
}

function overlapArea(a: Box, b: Box): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function insideBox(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

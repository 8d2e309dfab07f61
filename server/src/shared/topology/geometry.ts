import type { Box, Point } from './layout';

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * The points a route's path runs through (`M`, `L` and `C` commands, the only ones the layouts
 * write); curves are followed in 16 straight steps, close enough to tell whether lines cross.
 */
export function polyline(path: string): Point[] {
  const tokens = path.trim().split(/\s+/);
  const points: Point[] = [];
  let index = 0;
  const next = (): Point => ({ x: Number(tokens[index++]), y: Number(tokens[index++]) });
  while (index < tokens.length) {
    const command = tokens[index++];
    if (command === 'M' || command === 'L') points.push(next());
    else if (command === 'C') {
      const start = points[points.length - 1] ?? { x: 0, y: 0 };
      const [c1, c2, end] = [next(), next(), next()];
      for (let step = 1; step <= 16; step++) {
        const t = step / 16;
        const u = 1 - t;
        points.push({
          x: u * u * u * start.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * end.x,
          y: u * u * u * start.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * end.y,
        });
      }
    } else throw new Error(`unexpected path command ${command}`);
  }
  return points;
}

/** Where two segments cross (not merely touch at an end or run along each other), if they do. */
export function crossingPoint(a: Point, b: Point, c: Point, d: Point): Point | undefined {
  const denominator = (b.x - a.x) * (d.y - c.y) - (b.y - a.y) * (d.x - c.x);
  if (Math.abs(denominator) < 1e-9) return undefined;
  const t = ((c.x - a.x) * (d.y - c.y) - (c.y - a.y) * (d.x - c.x)) / denominator;
  const u = ((c.x - a.x) * (b.y - a.y) - (c.y - a.y) * (b.x - a.x)) / denominator;
  const within = (value: number) => value > 1e-6 && value < 1 - 1e-6;
  return within(t) && within(u) ? { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) } : undefined;
}

/** Whether two lines cross anywhere but inside the `junctions` (the boxes of the nodes they share). */
export function linesCross(first: readonly Point[], second: readonly Point[], junctions: readonly Box[] = []): boolean {
  for (let a = 0; a + 1 < first.length; a++)
    for (let b = 0; b + 1 < second.length; b++) {
      const point = crossingPoint(first[a]!, first[a + 1]!, second[b]!, second[b + 1]!);
      if (point && !junctions.some((box) => containsPoint(box, point))) return true;
    }
  return false;
}

export function containsPoint(box: Box, point: Point): boolean {
  return point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

/** Whether a line runs through a box (a segment with a point inside, or one that cuts across it). */
export function lineEntersBox(points: readonly Point[], box: Box): boolean {
  if (points.some((point) => containsPoint(box, point))) return true;
  const corners = [
    { x: box.x, y: box.y },
    { x: box.x + box.width, y: box.y },
    { x: box.x + box.width, y: box.y + box.height },
    { x: box.x, y: box.y + box.height },
  ];
  for (let i = 0; i + 1 < points.length; i++)
    for (let side = 0; side < 4; side++)
      if (crossingPoint(points[i]!, points[i + 1]!, corners[side]!, corners[(side + 1) % 4]!)) return true;
  return false;
}

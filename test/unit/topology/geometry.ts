import { boxesOverlap, grow, linesCross, polyline } from '../../../server/src/shared/topology/geometry';
import { edgeLabelBox, edgeLabelText, laneCaptionBox } from '../../../server/src/shared/topology/labels';
import type { Box, TopologyLayout } from '../../../server/src/shared/topology/layout';
import type { TopologyGraph } from '../../../server/src/shared/topology/types';

/**
 * Pairs of edges whose lines cross. Two edges that meet at a shared node are not said to cross
 * where they both reach that node (within 12 px of its box): that is a junction, not a crossing.
 */
export function countCrossings(graph: TopologyGraph, layout: TopologyLayout): number {
  const lines = graph.edges
    .filter((edge) => layout.routes[edge.id])
    .map((edge) => ({ edge, points: polyline(layout.routes[edge.id]!.path) }));
  const boxOf = (id: string) => (id === 'pod' ? layout.frame : layout.boxes[id]);
  let crossings = 0;
  lines.forEach((first, index) => {
    for (const second of lines.slice(index + 1)) {
      const junctions = [first.edge.from, first.edge.to]
        .filter((id) => id === second.edge.from || id === second.edge.to)
        .map(boxOf)
        .filter((box): box is Box => box !== undefined)
        .map((box) => grow(box, 12));
      if (linesCross(first.points, second.points, junctions)) crossings++;
    }
  });
  return crossings;
}

/** Edge labels that overlap another edge label, a node's box or a lane's caption (the pod's frame aside: labels live inside it). */
export function countLabelOverlaps(graph: TopologyGraph, layout: TopologyLayout): number {
  const labels = graph.edges
    .filter((edge) => edge.label && layout.routes[edge.id]?.labelAt)
    .map((edge) => edgeLabelBox(edgeLabelText(edge), layout.routes[edge.id]!.labelAt!));
  const nodes = [...Object.values(layout.boxes), ...(layout.lanes ?? []).map(laneCaptionBox)];
  let overlaps = 0;
  labels.forEach((label, index) => {
    overlaps += labels.slice(index + 1).filter((other) => boxesOverlap(label, other)).length;
    overlaps += nodes.filter((node) => boxesOverlap(label, node)).length;
  });
  return overlaps;
}

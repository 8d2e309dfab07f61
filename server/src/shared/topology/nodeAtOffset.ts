import type { TopologyNode } from './types';

/** The smallest node whose source range holds a file offset (the pod itself when no part of it does). */
export function nodeAtOffset(nodes: readonly TopologyNode[], offset: number): TopologyNode | undefined {
  let best: TopologyNode | undefined;
  for (const node of nodes) {
    const range = node.range;
    if (!range || offset < range.start || offset > range.end) continue;
    if (!best || range.end - range.start < best.range!.end - best.range!.start) best = node;
  }
  return best;
}

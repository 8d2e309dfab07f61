import type { ContainerModel, PodModel } from '../../model/podModel';
import { lineAfter, lineStartOf, skipDeeperComments, columnOf } from '../../edits/lines';
import type { OffsetEdit } from '../../edits/textEdits';
import type { YPair } from '../../yaml/nodes';
import { dataOf, type FixContext } from './quickFix';

/** The finding's start as an offset into its document's text. */
export function localOffset(context: FixContext): number {
  return context.target.start - context.document.offset;
}

/** The pod a finding is about: the one whose resource contains it. */
export function podOf(context: FixContext): PodModel | undefined {
  const at = localOffset(context);
  const pods = context.document.model.pods;
  return pods.find((pod) => pod.root.range.start <= at && at <= pod.root.range.end) ?? (pods.length === 1 ? pods[0] : undefined);
}

/**
 * The container a finding is about, from its data (`containerPath`, `listKey` +
 * `containerIndex`, a name) or else the innermost container around the finding.
 */
export function containerOf(context: FixContext, pod: PodModel): ContainerModel | undefined {
  const data = dataOf(context.target);
  if (typeof data.containerPath === 'string') {
    const byPath = pod.containers.find((container) => container.path === data.containerPath);
    if (byPath) return byPath;
  }
  const at = localOffset(context);
  const around = pod.containers.find((container) => container.node.range.start <= at && at < Math.max(container.node.range.end, container.node.range.start + 1));
  if (around) return around;
  if (typeof data.containerIndex === 'number') {
    const listKey = typeof data.listKey === 'string' ? data.listKey : undefined;
    const byIndex = pod.containers.filter((container) => container.index === data.containerIndex && (!listKey || container.listKey === listKey));
    if (byIndex.length === 1) return byIndex[0];
  }
  const name = typeof data.container === 'string' ? data.container : typeof data.containerName === 'string' ? data.containerName : undefined;
  return name === undefined ? undefined : pod.containers.find((container) => container.name === name);
}

/** Replaces a document range; the result is in file offsets. */
export function replaceRange(context: FixContext, start: number, end: number, newText: string): OffsetEdit {
  const offset = context.document.offset;
  return { start: start + offset, end: end + offset, newText };
}

/**
 * Deletes a pair with its lines (and the deeper comments under it), when the key starts
 * its own line; undefined when it shares a line with a `-` or another key.
 */
export function deletePairLines(context: FixContext, pair: YPair): OffsetEdit | undefined {
  const text = context.document.model.text;
  const lineStart = lineStartOf(text, pair.key.range.start);
  if (text.slice(lineStart, pair.key.range.start).trim() !== '') return undefined;
  const after = lineAfter(text, pair.range.end);
  const end = skipDeeperComments(text, after.offset, columnOf(text, pair.key.range.start));
  return replaceRange(context, lineStart, end, '');
}

import type { ContainerModel, PodModel } from '../../model/podModel';
import { lineAfter, lineStartOf, skipDeeperComments, columnOf } from '../../edits/lines';
import type { OffsetEdit } from '../../edits/textEdits';
import type { YPair } from '../../yaml/nodes';
import type { ContainerRef } from '../../../rules/types';
import type { FixContext } from './quickFix';

/** The finding's start as an offset into its document's text. */
export function localOffset(context: FixContext<object>): number {
  return context.target.start - context.document.offset;
}

/** The pod a finding is about: the one whose resource contains it. */
export function podOf(context: FixContext<object>): PodModel | undefined {
  const at = localOffset(context);
  const pods = context.document.model.pods;
  return (
    pods.find((pod) => pod.root.range.start <= at && at <= pod.root.range.end) ??
    (pods.length === 1 ? pods[0] : undefined)
  );
}

/**
 * The container a finding is about: the one its data's `ContainerRef` names, else (data the
 * editor did not send back) the innermost container around the finding.
 */
export function containerOf(context: FixContext<Partial<ContainerRef>>, pod: PodModel): ContainerModel | undefined {
  const { listKey, containerIndex } = context.data;
  if (typeof listKey === 'string' && typeof containerIndex === 'number') {
    return pod.containers.find((container) => container.listKey === listKey && container.index === containerIndex);
  }
  const at = localOffset(context);
  return pod.containers.find(
    (container) =>
      container.node.range.start <= at && at < Math.max(container.node.range.end, container.node.range.start + 1),
  );
}

/** Replaces a document range; the result is in file offsets. */
export function replaceRange(context: FixContext<object>, start: number, end: number, newText: string): OffsetEdit {
  const offset = context.document.offset;
  return { start: start + offset, end: end + offset, newText };
}

/**
 * Deletes a pair with its lines (and the deeper comments under it), when the key starts
 * its own line; undefined when it shares a line with a `-` or another key.
 */
export function deletePairLines(context: FixContext<object>, pair: YPair): OffsetEdit | undefined {
  const text = context.document.model.text;
  const lineStart = lineStartOf(text, pair.key.range.start);
  if (text.slice(lineStart, pair.key.range.start).trim() !== '') return undefined;
  const after = lineAfter(text, pair.range.end);
  const end = skipDeeperComments(text, after.offset, columnOf(text, pair.key.range.start));
  return replaceRange(context, lineStart, end, '');
}

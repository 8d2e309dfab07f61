import { detectIndentStyle, type IndentStyle } from '../../edits/indentStyle';
import type { ContainerModel } from '../../model/podModel';
import { UnsupportedLayout } from '../../edits/insertion';
import { columnOf, lineAfter, lineBreakOf } from '../../edits/lines';
import { moveItem } from '../../edits/moveItem';
import { shiftEdits } from '../../edits/textEdits';
import { minorOf } from '../../settings';
import { NATIVE_SIDECAR_MINOR } from '../../versions/apiVersions';
import { containerOf, podOf } from './locate';
import { dataOf, type QuickFixer } from './quickFix';
import type { ContainerRef } from '../../../rules/types';

/**
 * A long-running helper among a Job's containers, an app container with
 * `restartPolicy: Always`, or a helper the main container needs at start-up: move it to
 * `initContainers` as a native sidecar.
 */
/**
 * What the rules that offer it report: the helper's reference, and for sidecar-start-order (whose
 * finding is on the main container) the helper's name.
 */
export interface MoveToNativeSidecarData extends ContainerRef {
  readonly container?: string | null;
}

export const moveToNativeSidecarFix: QuickFixer<MoveToNativeSidecarData> = {
  description:
    'Move the helper to initContainers as a native sidecar (restartPolicy: Always, Kubernetes 1.29 and later).',
  fixes(context) {
    const pod = podOf(context);
    const data = dataOf(context.target);
    // sidecar-start-order points at the main container's reference; its data names the helper.
    const container =
      context.target.code === 'sidecar-start-order'
        ? pod?.containers.find(
            (candidate) =>
              candidate.group === 'app' &&
              candidate.index === data.containerIndex &&
              (typeof data.container !== 'string' || candidate.name === data.container),
          )
        : pod && containerOf(context, pod);
    if (!pod?.spec || !container?.map || container.group !== 'app') return [];
    if (context.target.code === 'invalid-restart-policy' && container.restartPolicy !== 'Always') return [];
    if (minorOf(context.settings.kubernetesVersion) < NATIVE_SIDECAR_MINOR) return [];
    if (pod.containers.filter((candidate) => candidate.group === 'app').length < 2) return [];
    const text = context.document.model.text;
    const style = detectIndentStyle(text, pod.root, lineBreakOf(text));
    try {
      const edits = moveItem(
        text,
        container.node,
        pod.spec,
        pod.initContainersPair,
        'initContainers',
        pod.containersPair,
        style,
        restartPolicyAlways(text, container, style),
      );
      return [
        {
          title: `Move "${container.name ?? 'container'}" to initContainers as a native sidecar (restartPolicy: Always)`,
          edits: shiftEdits(edits, context.document.offset),
          // Start order is advice (information): the move is offered, never applied unasked.
          preferred: context.target.code !== 'sidecar-start-order',
        },
      ];
    } catch (error) {
      if (error instanceof UnsupportedLayout) return [];
      throw error;
    }
  },
};

/**
 * Rewrites a container's list item so that it runs as a native sidecar: its `restartPolicy` set
 * to Always, or `restartPolicy: Always` added after the image (or the name), where readers look
 * for what kind of container it is. For `moveItem`'s `rewrite`.
 */
export function restartPolicyAlways(
  text: string,
  container: ContainerModel,
  style: IndentStyle,
): (itemText: string, itemStart: number) => string {
  return (itemText, itemStart) => {
    const map = container.map!;
    const policy = container.restartPolicyPair;
    if (policy?.value) {
      return (
        itemText.slice(0, policy.value.range.start - itemStart) +
        'Always' +
        itemText.slice(policy.value.range.end - itemStart)
      );
    }
    const anchor = map.pairs.find((pair) => pair.key.value === 'image') ?? map.pairs[0]!;
    const column = columnOf(text, map.pairs[0]!.key.range.start);
    const at = lineAfter(text, anchor.range.end);
    if (at.needsBreak) return `${itemText}${style.lineBreak}${' '.repeat(column)}restartPolicy: Always`;
    const relative = at.offset - itemStart;
    return `${itemText.slice(0, relative)}${' '.repeat(column)}restartPolicy: Always${style.lineBreak}${itemText.slice(relative)}`;
  };
}

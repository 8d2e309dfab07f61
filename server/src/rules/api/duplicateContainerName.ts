import type { ContainerModel } from '../../service/model/podModel';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer, freeContainerNames, shortPath } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';
import { uniqueName } from '../../service/edits/names';
import { containerOf, podOf, replaceRange } from '../../service/actions/fixes/locate';
import { dataOf, type QuickFixer } from '../../service/actions/fixes/quickFix';

export interface DuplicateContainerNameData extends ContainerRef {
  readonly name: string;
  /** A name no container of the pod uses yet (the rename fix). */
  readonly suggestion: string;
}

/** Renames the later of two containers with one name. */
export const duplicateContainerNameFix: QuickFixer<DuplicateContainerNameData> = {
  description: 'Rename the later container to a free name.',
  fixes(context) {
    const pod = podOf(context);
    const container = pod && containerOf(context, pod);
    if (!pod || !container?.nameNode || !container.name) return [];
    const taken = new Set(pod.containers.flatMap((candidate) => (candidate.name ? [candidate.name] : [])));
    const suggested = dataOf(context.target).suggestion;
    const name = typeof suggested === 'string' && !taken.has(suggested) ? suggested : uniqueName(container.name, taken);
    return [
      {
        title: `Rename to "${name}"`,
        edits: [replaceRange(context, container.nameNode.range.start, container.nameNode.range.end, name)],
        preferred: true,
      },
    ];
  },
};

/**
 * Container names are unique across `initContainers` and `containers` (M1). The API server
 * checks init containers against every app container and the init containers before them,
 * and app containers against the app containers before them; we report where it does.
 *
 * data: `{ name: string, suggestion: string, containerIndex: number, listKey: 'initContainers' | 'containers' }`
 * (`suggestion` is a free, valid name for a rename quick fix, suggested for no other duplicate).
 */
export const duplicateContainerName = defineRule({
  id: 'duplicate-container-name',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'Container names must be unique across init containers and containers.',
  fixes: [duplicateContainerNameFix],
  check(pod): RuleFinding<DuplicateContainerNameData>[] {
    const findings: RuleFinding<DuplicateContainerNameData>[] = [];
    const appContainers = pod.containers.filter((container) => container.listKey === 'containers');
    const seen = new Map<string, ContainerModel>();
    const freeContainerName = freeContainerNames(pod);
    const report = (container: ContainerModel, other: ContainerModel): RuleFinding<DuplicateContainerNameData> => {
      const name = container.name!;
      const suggestion = freeContainerName(name, container.listKey === 'initContainers' ? '-init' : '-2');
      return {
        message: explain(
          apiError.duplicate(`${container.path}.name`, name),
          `${describeContainer(container)} (${shortPath(container)}) has the same name as ${describeContainer(other)} (${shortPath(other)}); container names must be unique across initContainers and containers.`,
        ),
        range: container.nameNode!.range,
        related: [{ range: other.nameNode!.range, message: `"${name}" is first used by ${describeContainer(other)}` }],
        data: { name, suggestion, ...containerRefOf(container) },
      };
    };

    for (const container of appContainers) {
      if (!container.name || !container.nameNode) continue;
      const other = seen.get(container.name);
      if (other) findings.push(report(container, other));
      else seen.set(container.name, container);
    }
    const earlierInit = new Map<string, ContainerModel>();
    for (const container of pod.containers) {
      if (container.listKey !== 'initContainers' || !container.name || !container.nameNode) continue;
      const other = earlierInit.get(container.name) ?? seen.get(container.name);
      if (other) findings.push(report(container, other));
      else earlierInit.set(container.name, container);
    }
    return findings;
  },
});

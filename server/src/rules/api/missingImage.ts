import type { ContainerModel } from '../../service/model/podModel';
import { apiError, explain } from '../engine/apiMessages';
import { headRange } from '../engine/ranges';
import { describeContainer, isBarePod } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

function findingData(container: ContainerModel): MissingImageData {
  return { ...containerRefOf(container), ...(container.name !== undefined ? { containerName: container.name } : {}) };
}

export interface MissingImageData extends ContainerRef {
  readonly containerName?: string;
}

/**
 * Every container needs an image (C2). On a Pod the image must also not start or end with
 * whitespace (templates keep the old leniency, so they are not checked for it).
 *
 * data: `{ containerIndex: number, listKey: string, containerName?: string }`
 */
export const missingImage = defineRule({
  id: 'missing-image',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'Every container needs an image.',
  check(pod, context): RuleFinding<MissingImageData>[] {
    const findings: RuleFinding<MissingImageData>[] = [];
    for (const container of pod.containers) {
      if (!container.map) continue;
      const image = container.image;
      if (image === undefined || image === '') {
        findings.push({
          message: explain(
            apiError.required(`${container.path}.image`),
            `${describeContainer(container)} has no image to run.`,
          ),
          range:
            container.imagePair?.key.range ??
            container.nameNode?.range ??
            headRange(container.node, context.document.text),
          data: findingData(container),
        });
      } else if (isBarePod(pod) && image.trim() !== image && container.imageNode) {
        findings.push({
          message: explain(
            apiError.invalid(`${container.path}.image`, image, 'must not have leading or trailing whitespace'),
            `the image of ${describeContainer(container)} has spaces around it.`,
          ),
          range: container.imageNode.range,
          data: findingData(container),
        });
      }
    }
    return findings;
  },
});

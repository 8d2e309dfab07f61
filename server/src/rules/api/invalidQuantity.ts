import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { QUANTITY_PATTERN_TEXT } from '../../service/analysis/quantities';
import { listNoun, writtenQuantities, type ResourceListKey } from '../engine/resources';
import { defineRule, type ContainerRef, type RuleFinding } from '../types';

const LISTS: readonly ResourceListKey[] = ['requests', 'limits'];

export interface InvalidQuantityData extends ContainerRef {
  readonly resource: string;
  /** The quantity as written. */
  readonly text: string;
  readonly list: ResourceListKey;
}

/**
 * Resource quantities must parse (`500m`, `1Gi`, `2e3`) and must not be negative. A value that
 * does not parse stops the API server before validation, with a decoding error.
 *
 * data: `{ resource: string, text: string, list: 'requests' | 'limits', containerIndex: number, listKey: string }`
 */
export const invalidQuantity = defineRule({
  id: 'invalid-quantity',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'Resource requests and limits must be valid, non-negative Kubernetes quantities.',
  check(pod): RuleFinding<InvalidQuantityData>[] {
    const invalid = writtenQuantities(pod, LISTS, (entry) => !entry.quantity || entry.quantity.nanos < 0n);
    return invalid.map(({ container, list, entry, range, data }) => ({
      message: entry.quantity
        ? explain(
            apiError.invalid(
              `${container.path}.resources.${list}[${entry.name}]`,
              entry.text,
              'must be greater than or equal to 0',
            ),
            `${describeContainer(container)} cannot have a negative ${entry.name} ${listNoun(list)}.`,
          )
        : explain(
            `quantities must match the regular expression ${QUANTITY_PATTERN_TEXT}`,
            `${JSON.stringify(entry.text)} (${entry.name} ${list} of ${describeContainer(container)}) is not a quantity: write a number with an optional suffix such as 250m, 1.5, 512Mi or 2Gi.`,
          ),
      range,
      data,
    }));
  },
});

import { explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { formatQuantity, isWholeNumber } from '../../service/analysis/quantities';
import { listNoun, writtenQuantities, type ResourceListKey } from '../engine/resources';
import { defineRule, type ContainerRef, type RuleFinding } from '../types';

const BYTE_RESOURCES = new Set(['memory', 'ephemeral-storage']);
/** Limits first: the order findings are reported in. */
const LISTS: readonly ResourceListKey[] = ['limits', 'requests'];

export interface FractionalMemoryData extends ContainerRef {
  readonly resource: string;
  /** The quantity as written. */
  readonly text: string;
  /** The same quantity in whole bytes (the fix text). */
  readonly canonical: string;
  readonly list: ResourceListKey;
}

/**
 * Memory and ephemeral storage count bytes: a fraction (`1.5`, `100m`, often a typo for `100M`
 * or `100Mi`) is accepted with a warning and rounded by the node.
 *
 * data: `{ resource: string, text: string, canonical: string, list: 'requests' | 'limits', containerIndex: number, listKey: string }`
 */
export const fractionalMemory = defineRule({
  id: 'fractional-memory',
  category: 'api',
  defaultSeverity: 'warning',
  summary: 'Memory and ephemeral-storage quantities should be whole bytes (100m is a thousandth of a byte).',
  check(pod): RuleFinding<FractionalMemoryData>[] {
    const fractional = writtenQuantities(
      pod,
      LISTS,
      (entry) => BYTE_RESOURCES.has(entry.name) && entry.quantity !== undefined && !isWholeNumber(entry.quantity),
    );
    return fractional.map(({ container, list, entry, range, data }) => {
      const canonical = formatQuantity(entry.quantity!);
      const typo = /^[0-9.]+m$/.test(entry.text)
        ? ` If you meant megabytes, write ${entry.text.slice(0, -1)}M or ${entry.text.slice(0, -1)}Mi.`
        : '';
      return {
        message: explain(
          `${container.path}.resources.${list}[${entry.name}]: fractional byte value "${canonical}" is invalid, must be an integer`,
          `the ${entry.name} ${listNoun(list)} of ${describeContainer(container)} is not a whole number of bytes.${typo}`,
        ),
        range,
        data: {
          resource: data.resource,
          text: data.text,
          canonical,
          list,
          containerIndex: data.containerIndex,
          listKey: data.listKey,
        },
      };
    });
  },
});

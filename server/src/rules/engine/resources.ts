import type { ContainerModel, PodModel, ResourceListModel } from '../../service/model/podModel';
import type { Range, YPair } from '../../service/yaml/nodes';
import { parseQuantity, type Quantity } from '../../service/analysis/quantities';
import { setSlot, slotOf } from '../../service/slots';
import { containerRefOf, type ContainerRef } from '../types';

export interface ResourceEntry {
  readonly name: string;
  readonly text: string;
  readonly pair: YPair;
  /** Undefined when the text is not a quantity. */
  readonly quantity: Quantity | undefined;
}

export function resourceEntries(list: ResourceListModel | undefined): ResourceEntry[] {
  const entries: ResourceEntry[] = [];
  if (list)
    for (const [name, { text, pair }] of list.values) entries.push({ name, text, pair, quantity: parseQuantity(text) });
  return entries;
}

/** CPU, memory and ephemeral storage may be requested below their limit; extended resources and hugepages may not. */
export function isOvercommitAllowed(resourceName: string): boolean {
  const native = !resourceName.includes('/') || resourceName.startsWith('kubernetes.io/');
  return native && !resourceName.startsWith('hugepages-');
}

export type ResourceListKey = 'requests' | 'limits';

export interface WrittenResources {
  readonly requests: readonly ResourceEntry[];
  readonly limits: readonly ResourceEntry[];
}

const PARSED_RESOURCES = Symbol('parsed resources');

/** A container's requests and limits as written, parsed once per container model: three rules read the same quantities. */
export function writtenResources(container: ContainerModel): WrittenResources {
  return (
    slotOf<WrittenResources>(container, PARSED_RESOURCES) ??
    setSlot(container, PARSED_RESOURCES, {
      requests: resourceEntries(container.resources.requests),
      limits: resourceEntries(container.resources.limits),
    })
  );
}

/** One written request or limit of one container, with what a finding on it needs. */
export interface WrittenQuantity {
  readonly container: ContainerModel;
  readonly list: ResourceListKey;
  readonly entry: ResourceEntry;
  /** The value, or the key when the value is missing. */
  readonly range: Range;
  /** The finding data the quick fixes read: `{ resource, text, list, containerIndex, listKey }`. */
  readonly data: { readonly resource: string; readonly text: string; readonly list: ResourceListKey } & ContainerRef;
}

/**
 * Every request and limit of every container that passes `keep`, lists in the given order
 * (the order findings are reported in); what a finding needs is built only for those kept.
 */
export function writtenQuantities(
  pod: PodModel,
  lists: readonly ResourceListKey[],
  keep: (entry: ResourceEntry) => boolean,
): WrittenQuantity[] {
  const out: WrittenQuantity[] = [];
  for (const container of pod.containers) {
    const resources = writtenResources(container);
    for (const list of lists) {
      for (const entry of resources[list]) {
        if (!keep(entry)) continue;
        const range = entry.pair.value?.range ?? entry.pair.key.range;
        out.push({
          container,
          list,
          entry,
          range,
          data: { resource: entry.name, text: entry.text, list, ...containerRefOf(container) },
        });
      }
    }
  }
  return out;
}

/** "request" or "limit", for messages. */
export const listNoun = (list: ResourceListKey): string => (list === 'requests' ? 'request' : 'limit');

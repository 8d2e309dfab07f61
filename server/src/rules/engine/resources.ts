import type { ContainerModel, ResourceListModel } from '../../service/model/podModel';
import type { YPair } from '../../service/yaml/nodes';
import { parseQuantity, type Quantity } from '../../service/analysis/quantities';
import { setSlot, slotOf } from '../../service/slots';

export interface ResourceEntry {
  readonly name: string;
  readonly text: string;
  readonly pair: YPair;
  /** Undefined when the text is not a quantity. */
  readonly quantity: Quantity | undefined;
}

export function resourceEntries(list: ResourceListModel | undefined): ResourceEntry[] {
  const entries: ResourceEntry[] = [];
  if (list) for (const [name, { text, pair }] of list.values) entries.push({ name, text, pair, quantity: parseQuantity(text) });
  return entries;
}

/** CPU, memory and ephemeral storage may be requested below their limit; extended resources and hugepages may not. */
export function isOvercommitAllowed(resourceName: string): boolean {
  const native = !resourceName.includes('/') || resourceName.startsWith('kubernetes.io/');
  return native && !resourceName.startsWith('hugepages-');
}

export type ResourceListKey = 'requests' | 'limits';

export interface ContainerResources {
  readonly requests: readonly ResourceEntry[];
  readonly limits: readonly ResourceEntry[];
}

const PARSED_RESOURCES = Symbol('parsed resources');

/** Parsed once per container model: three rules read the same quantities. */
export function containerResources(container: ContainerModel): ContainerResources {
  return (
    slotOf<ContainerResources>(container, PARSED_RESOURCES) ??
    setSlot(container, PARSED_RESOURCES, { requests: resourceEntries(container.resources.requests), limits: resourceEntries(container.resources.limits) })
  );
}

import type { ContainerModel, ResourceListModel } from '../../service/model/podModel';
import type { YPair } from '../../service/yaml/nodes';
import { parseQuantity, type Quantity } from './quantity';

export interface ResourceEntry {
  readonly name: string;
  readonly text: string;
  readonly pair: YPair;
  /** Undefined when the text is not a quantity. */
  readonly quantity: Quantity | undefined;
}

export function resourceEntries(list: ResourceListModel | undefined): ResourceEntry[] {
  if (!list) return [];
  return [...list.values].map(([name, { text, pair }]) => ({ name, text, pair, quantity: parseQuantity(text) }));
}

/** CPU, memory and ephemeral storage may be requested below their limit; extended resources and hugepages may not. */
export function isOvercommitAllowed(resourceName: string): boolean {
  const native = !resourceName.includes('/') || resourceName.startsWith('kubernetes.io/');
  return native && !resourceName.startsWith('hugepages-');
}

export interface ContainerResources {
  readonly requests: ResourceEntry[];
  readonly limits: ResourceEntry[];
}

export function containerResources(container: ContainerModel): ContainerResources {
  return { requests: resourceEntries(container.resources.requests), limits: resourceEntries(container.resources.limits) };
}

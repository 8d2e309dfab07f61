import type { ContainerModel, PodModel, ResourceListModel } from '../model/podModel';
import { getMap, scalarText } from '../yaml/nodes';
import { addQuantities, formatQuantity, maxQuantity, parseQuantity, ZERO, type Quantity } from './quantities';
import type { QosClass, ResourceAmounts } from './types';

/** One container's requests and limits after the API server's defaulting, parsed. */
export interface ContainerResources {
  readonly container: ContainerModel;
  readonly requests: ReadonlyMap<string, Quantity>;
  readonly limits: ReadonlyMap<string, Quantity>;
}

/** What a pod asks of the scheduler, with the parts that decide it. */
export interface EffectiveResources {
  readonly requests: ReadonlyMap<string, Quantity>;
  readonly limits: ReadonlyMap<string, Quantity>;
  /** Per resource: the largest `InitContainerUse(i)` and the init container it belongs to. */
  readonly largestInitUse: ReadonlyMap<string, { readonly container: ContainerModel; readonly use: Quantity }>;
  /** Per resource: the sum over native sidecars and app containers (what runs together). */
  readonly runningSum: ReadonlyMap<string, Quantity>;
  readonly perContainer: readonly ContainerResources[];
}

function parsedList(list: ResourceListModel | undefined): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const [name, { text }] of list?.values ?? []) {
    const quantity = parseQuantity(text);
    if (quantity) out.set(name, quantity);
  }
  return out;
}

/**
 * A container's resources as the API server stores them: a resource with a limit and no
 * request gets the limit as its request. The defaulting is applied to every pod created
 * from a template too, so the scheduling view of a Deployment's pod uses it as well.
 */
export function containerResources(container: ContainerModel): ContainerResources {
  const requests = parsedList(container.resources.requests);
  const limits = parsedList(container.resources.limits);
  for (const [name, limit] of limits) if (!requests.has(name)) requests.set(name, limit);
  return { container, requests, limits };
}

function podLevelResources(pod: PodModel): { requests: Map<string, Quantity>; limits: Map<string, Quantity> } {
  const resources = getMap(pod.spec, 'resources');
  const read = (key: string) => {
    const out = new Map<string, Quantity>();
    for (const pair of getMap(resources, key)?.pairs ?? []) {
      const text = scalarText(pair.value);
      const quantity = text !== undefined ? parseQuantity(text) : undefined;
      if (quantity) out.set(String(pair.key.value), quantity);
    }
    return out;
  };
  const limits = read('limits');
  const requests = read('requests');
  for (const [name, limit] of limits) if (!requests.has(name)) requests.set(name, limit);
  return { requests, limits };
}

function addInto(target: Map<string, Quantity>, source: ReadonlyMap<string, Quantity>): void {
  for (const [name, quantity] of source) target.set(name, addQuantities(target.get(name) ?? { nanos: 0n, format: quantity.format }, quantity));
}

/**
 * The sidecar-aware formula of the scheduler (KEP-753): an init container `i` uses what it
 * asks for plus every native sidecar declared before it (they keep running); a native
 * sidecar's use is the running total of sidecars up to itself. The pod needs the largest
 * of those uses, or everything that runs together (sidecars + app containers), whichever
 * is bigger. Pod overhead from a RuntimeClass is unknown here and left out.
 */
export function computeEffectiveResources(pod: PodModel): EffectiveResources {
  const perContainer = pod.containers.map(containerResources);
  const aggregate = (pick: (resources: ContainerResources) => ReadonlyMap<string, Quantity>) => {
    const running = new Map<string, Quantity>();
    const sidecarsSoFar = new Map<string, Quantity>();
    const largestInit = new Map<string, { container: ContainerModel; use: Quantity }>();
    for (const resources of perContainer) {
      const own = pick(resources);
      if (resources.container.group === 'app') {
        addInto(running, own);
        continue;
      }
      let use: Map<string, Quantity>;
      if (resources.container.group === 'native-sidecar') {
        addInto(running, own);
        addInto(sidecarsSoFar, own);
        use = new Map(sidecarsSoFar);
      } else {
        use = new Map(own);
        addInto(use, sidecarsSoFar);
      }
      for (const [name, quantity] of use) {
        const best = largestInit.get(name);
        if (!best || quantity.nanos > best.use.nanos) largestInit.set(name, { container: resources.container, use: quantity });
      }
    }
    const effective = new Map(running);
    for (const [name, { use }] of largestInit) effective.set(name, maxQuantity(effective.get(name) ?? { nanos: 0n, format: use.format }, use));
    return { effective, running, largestInit };
  };
  const requests = aggregate((resources) => resources.requests);
  const limits = aggregate((resources) => resources.limits);
  // Pod-level resources (KEP-2837), when set, are what the scheduler and the cgroup use.
  const podLevel = podLevelResources(pod);
  return {
    requests: new Map([...requests.effective, ...podLevel.requests]),
    limits: new Map([...limits.effective, ...podLevel.limits]),
    largestInitUse: requests.largestInit,
    runningSum: requests.running,
    perContainer,
  };
}

export function formatAmounts(amounts: ReadonlyMap<string, Quantity>): ResourceAmounts {
  const out: Record<string, string> = {};
  for (const name of [...amounts.keys()].sort()) out[name] = formatQuantity(amounts.get(name)!);
  return out;
}

const QOS_RESOURCES = ['cpu', 'memory'] as const;

/**
 * The QoS class as the kubelet computes it: only cpu and memory count, init containers
 * included. Guaranteed needs every container to limit both and the requests to equal the
 * limits; nothing requested or limited anywhere is BestEffort; anything else Burstable.
 */
export function qosClassOf(perContainer: readonly ContainerResources[]): QosClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  for (const { requests: containerRequests, limits: containerLimits } of perContainer) {
    for (const name of QOS_RESOURCES) {
      const request = containerRequests.get(name);
      if (request && request.nanos !== 0n) requests.set(name, addQuantities(requests.get(name) ?? ZERO, request));
      const limit = containerLimits.get(name);
      if (limit && limit.nanos !== 0n) limits.set(name, addQuantities(limits.get(name) ?? ZERO, limit));
    }
    if (!QOS_RESOURCES.every((name) => (containerLimits.get(name)?.nanos ?? 0n) !== 0n)) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed && requests.size === limits.size) {
    for (const [name, request] of requests) {
      if (limits.get(name)?.nanos !== request.nanos) return 'Burstable';
    }
    return 'Guaranteed';
  }
  return 'Burstable';
}

import type { ContainerModel, PodModel, ResourceListModel } from '../model/podModel';
import { getMap, scalarText, type YMap } from '../yaml/nodes';
import { addQuantities, formatQuantity, maxQuantity, parseQuantity, ZERO, type Quantity } from './quantities';
import type { QosClass, ResourceAmounts } from './types';

/** One container's requests and limits after the API server's defaulting, parsed. */
export interface DefaultedResources {
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
  readonly perContainer: readonly DefaultedResources[];
  /** `spec.resources` (pod-level resources, KEP-2837), when the pod sets it. */
  readonly podLevel: PodLevelResources | undefined;
}

/** Pod-level requests and limits (requests defaulted from limits, as for containers). */
export interface PodLevelResources {
  readonly requests: ReadonlyMap<string, Quantity>;
  readonly limits: ReadonlyMap<string, Quantity>;
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
export function defaultedResources(container: ContainerModel): DefaultedResources {
  const requests = parsedList(container.resources.requests);
  const limits = parsedList(container.resources.limits);
  for (const [name, limit] of limits) if (!requests.has(name)) requests.set(name, limit);
  return { container, requests, limits };
}

const NO_QUANTITIES: ReadonlyMap<string, Quantity> = new Map();

function podLevelList(resources: YMap | undefined, key: string): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const pair of getMap(resources, key)?.pairs ?? []) {
    const text = scalarText(pair.value);
    const quantity = text !== undefined ? parseQuantity(text) : undefined;
    if (quantity) out.set(String(pair.key.value), quantity);
  }
  return out;
}

/** The pod's `spec.resources`, parsed; undefined when the pod does not set it. */
export function podLevelResources(pod: PodModel): PodLevelResources | undefined {
  const resources = getMap(pod.spec, 'resources');
  // Pod-level resources are rare: most pods need no maps of their own.
  if (!resources) return undefined;
  const limits = podLevelList(resources, 'limits');
  const requests = podLevelList(resources, 'requests');
  for (const [name, limit] of limits) if (!requests.has(name)) requests.set(name, limit);
  return { requests, limits };
}

/**
 * Adds each quantity of `source` into `target`. A resource new to `target` takes the source's
 * quantity itself (quantities are immutable): adding it to a zero of its own format would
 * build an equal one.
 */
function addInto(target: Map<string, Quantity>, source: ReadonlyMap<string, Quantity>): void {
  for (const [name, quantity] of source) {
    const sum = target.get(name);
    target.set(name, sum ? addQuantities(sum, quantity) : quantity);
  }
}

interface Aggregate {
  readonly effective: Map<string, Quantity>;
  readonly running: Map<string, Quantity>;
  readonly largestInit: Map<string, { container: ContainerModel; use: Quantity }>;
}

function considerInitUse(
  largestInit: Aggregate['largestInit'],
  container: ContainerModel,
  name: string,
  use: Quantity,
): void {
  const best = largestInit.get(name);
  if (!best || use.nanos > best.use.nanos) largestInit.set(name, { container, use });
}

/** One side (requests or limits) of the formula below. */
function aggregate(perContainer: readonly DefaultedResources[], side: 'requests' | 'limits'): Aggregate {
  const running = new Map<string, Quantity>();
  const sidecarsSoFar = new Map<string, Quantity>();
  const largestInit = new Map<string, { container: ContainerModel; use: Quantity }>();
  for (const resources of perContainer) {
    const own = resources[side];
    const container = resources.container;
    if (container.group === 'app') {
      addInto(running, own);
      continue;
    }
    if (container.group === 'native-sidecar') {
      addInto(running, own);
      addInto(sidecarsSoFar, own);
      // A sidecar's use is the running total of sidecars up to itself.
      for (const [name, quantity] of sidecarsSoFar) considerInitUse(largestInit, container, name, quantity);
    } else {
      // An init container's use is its own figure plus the sidecars already running, in that key order.
      for (const [name, quantity] of own) {
        const sidecars = sidecarsSoFar.get(name);
        considerInitUse(largestInit, container, name, sidecars ? addQuantities(quantity, sidecars) : quantity);
      }
      for (const [name, quantity] of sidecarsSoFar)
        if (!own.has(name)) considerInitUse(largestInit, container, name, quantity);
    }
  }
  const effective = new Map(running);
  for (const [name, { use }] of largestInit) {
    const current = effective.get(name);
    // Against a missing entry the use competes with zero (a negative use counts as zero).
    effective.set(name, current ? maxQuantity(current, use) : use.nanos > 0n ? use : { nanos: 0n, format: use.format });
  }
  return { effective, running, largestInit };
}

/**
 * The sidecar-aware formula of the scheduler (KEP-753): an init container `i` uses what it
 * asks for plus every native sidecar declared before it (they keep running); a native
 * sidecar's use is the running total of sidecars up to itself. The pod needs the largest
 * of those uses, or everything that runs together (sidecars + app containers), whichever
 * is bigger. Pod overhead from a RuntimeClass is unknown here and left out.
 */
export function computeEffectiveResources(pod: PodModel): EffectiveResources {
  const perContainer = pod.containers.map(defaultedResources);
  const requests = aggregate(perContainer, 'requests');
  const limits = aggregate(perContainer, 'limits');
  // Pod-level resources (KEP-2837), when set, are what the scheduler and the cgroup use.
  const podLevel = podLevelResources(pod);
  for (const [name, quantity] of podLevel?.requests ?? NO_QUANTITIES) requests.effective.set(name, quantity);
  for (const [name, quantity] of podLevel?.limits ?? NO_QUANTITIES) limits.effective.set(name, quantity);
  return {
    requests: requests.effective,
    limits: limits.effective,
    largestInitUse: requests.largestInit,
    runningSum: requests.running,
    perContainer,
    podLevel,
  };
}

export function formatAmounts(amounts: ReadonlyMap<string, Quantity>): ResourceAmounts {
  const out: Record<string, string> = {};
  for (const name of [...amounts.keys()].sort()) out[name] = formatQuantity(amounts.get(name)!);
  return out;
}

const QOS_RESOURCES = ['cpu', 'memory'] as const;

/**
 * The QoS class as the kubelet computes it (ComputePodQOS): only cpu and memory count, init
 * containers included. Guaranteed needs every container to limit both and the requests to
 * equal the limits; nothing requested or limited anywhere is BestEffort; anything else
 * Burstable. With pod-level resources (on by default from 1.34) the pod's own requests and
 * limits decide instead of the containers': Guaranteed when it limits cpu and memory and
 * requests exactly that.
 */
export function qosClassOf(perContainer: readonly DefaultedResources[], podLevel?: PodLevelResources): QosClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const sources = podLevel ? [podLevel] : perContainer;
  for (const { requests: containerRequests, limits: containerLimits } of sources) {
    for (const name of QOS_RESOURCES) {
      const request = containerRequests.get(name);
      if (request && request.nanos !== 0n) requests.set(name, addQuantities(requests.get(name) ?? ZERO, request));
      const limit = containerLimits.get(name);
      if (limit && limit.nanos !== 0n) limits.set(name, addQuantities(limits.get(name) ?? ZERO, limit));
    }
    for (const name of QOS_RESOURCES) if ((containerLimits.get(name)?.nanos ?? 0n) === 0n) guaranteed = false;
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

import type { ContainerModel, PodModel } from '../../service/model/podModel';
import { get, getMap, getPair, isMap, isScalar, type YNode, type YPair } from '../../service/yaml/nodes';

/** How a message names a container: `init container "git-sync"`, `sidecar "proxy"`, `container "web"`. */
export function describeContainer(container: ContainerModel): string {
  const name = container.name !== undefined ? `"${container.name}"` : `#${container.index + 1}`;
  switch (container.group) {
    case 'init':
      return `init container ${name}`;
    case 'native-sidecar':
      return `sidecar ${name}`;
    case 'app':
      return `container ${name}`;
  }
}

/** The path relative to the pod spec, e.g. `initContainers[0]` (for short explanations). */
export function shortPath(container: ContainerModel): string {
  return `${container.listKey}[${container.index}]`;
}

/** Defaulting and a few checks differ between a Pod and a pod template inside a workload. */
export function isBarePod(pod: PodModel): boolean {
  return pod.kind === 'Pod';
}

export function specPair(pod: PodModel, key: string): YPair | undefined {
  return getPair(pod.spec, key);
}

/** A boolean field of the pod spec as the API server decodes it (`true` only when written as a YAML boolean true). */
export function specFlag(pod: PodModel, key: string): boolean {
  const value = specPair(pod, key)?.value;
  return isScalar(value) && value.value === true;
}

/**
 * Names for renamed duplicates, each free in the pod, a valid label and handed out once, so the rename
 * fixes of several duplicates of one name can all apply together. Counters are kept per base name, so a
 * pod of thousands of duplicates costs linear time rather than a scan of the pod per duplicate.
 */
export function freeContainerNames(pod: PodModel): (base: string, preferredSuffix: string) => string {
  const taken = new Set(pod.containers.flatMap((container) => (container.name ? [container.name] : [])));
  const nextCounter = new Map<string, number>();
  const claim = (name: string): string => {
    taken.add(name);
    return name;
  };
  return (base, preferredSuffix) => {
    const make = (suffix: string): string => `${base.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(make(preferredSuffix))) return claim(make(preferredSuffix));
    for (let counter = nextCounter.get(base) ?? 2; ; counter++) {
      const candidate = make(`-${counter}`);
      if (taken.has(candidate)) continue;
      nextCounter.set(base, counter + 1);
      return claim(candidate);
    }
  };
}

/** A handler `port` the API server checks with `ValidatePortNumOrName`: a number 1–65535 or a port name. */
export interface HandlerPort {
  /** What the port belongs to, for messages: `livenessProbe`, `preStop hook`. */
  readonly owner: string;
  /** The API path of the port, e.g. `spec.containers[0].lifecycle.preStop.httpGet.port`. */
  readonly path: string;
  /** The path below the container, for finding data: `livenessProbe.httpGet.port`. */
  readonly field: string;
  readonly handler: 'httpGet' | 'tcpSocket' | 'grpc';
  readonly node: YNode;
}

const PROBE_PORT_HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;
const HOOK_PORT_HANDLERS = ['httpGet', 'tcpSocket'] as const;

/**
 * The ports of a container's probes and lifecycle hooks that the API server validates: pkg/apis/core/validation
 * `validateHandler` checks both alike (httpGet and tcpSocket by number or name, grpc by number; 1.27 to 1.37).
 * None on a regular init container: `validateInitContainers` refuses its probes and hooks as a whole without
 * looking inside (kubernetes/kubernetes at commit a7264f95), and init-container-probe reports that, once.
 */
export function handlerPorts(container: ContainerModel): HandlerPort[] {
  const ports: HandlerPort[] = [];
  if (container.group === 'init') return ports;
  for (const probe of container.probes) {
    for (const handler of PROBE_PORT_HANDLERS) {
      const node = get(getMap(probe.node, handler), 'port');
      if (node)
        ports.push({
          owner: probe.kind,
          path: `${probe.path}.${handler}.port`,
          field: `${probe.kind}.${handler}.port`,
          handler,
          node,
        });
    }
  }
  const lifecycle = container.lifecyclePair?.value;
  if (!isMap(lifecycle)) return ports;
  for (const hook of ['postStart', 'preStop'] as const) {
    const hookMap = getMap(lifecycle, hook);
    for (const handler of HOOK_PORT_HANDLERS) {
      const node = get(getMap(hookMap, handler), 'port');
      if (node)
        ports.push({
          owner: `${hook} hook`,
          path: `${container.path}.lifecycle.${hook}.${handler}.port`,
          field: `lifecycle.${hook}.${handler}.port`,
          handler,
          node,
        });
    }
  }
  return ports;
}

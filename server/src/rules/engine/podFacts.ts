import type { ContainerModel, PodModel } from '../../service/model/podModel';
import { getPair, isScalar, type YPair } from '../../service/yaml/nodes';

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

/** A name for a renamed duplicate that is free in the pod and still a valid label. */
export function freeContainerName(pod: PodModel, base: string, preferredSuffix: string): string {
  const taken = new Set(pod.containers.map((container) => container.name));
  const make = (suffix: string): string => `${base.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`;
  if (!taken.has(make(preferredSuffix))) return make(preferredSuffix);
  for (let counter = 2; ; counter++) {
    const candidate = make(`-${counter}`);
    if (!taken.has(candidate)) return candidate;
  }
}

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

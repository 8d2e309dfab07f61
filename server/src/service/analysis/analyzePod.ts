import type { ContainerModel, PodModel } from '../model/podModel';
import type { ContainerRole, PodAnalysis, RoleAssignment, VolumeSharing } from './types';

const cache = new WeakMap<PodModel, PodAnalysis>();

/** Analyses a pod once; every feature asking about the same model gets the same answer. */
export function analyzePod(pod: PodModel): PodAnalysis {
  let analysis = cache.get(pod);
  if (!analysis) {
    analysis = computeAnalysis(pod);
    cache.set(pod, analysis);
  }
  return analysis;
}

function computeAnalysis(pod: PodModel): PodAnalysis {
  const apps = pod.containers.filter((container) => container.group === 'app');
  const main = apps[0];
  const roles: RoleAssignment[] = pod.containers.map((container) => {
    if (container.group === 'init') return { container, role: 'init', evidence: 'init container' };
    if (container.group === 'native-sidecar') return { container, role: 'native-sidecar', evidence: 'init container with restartPolicy: Always' };
    if (container === main) return { container, role: 'main', evidence: 'first app container' };
    return { container, role: 'sidecar', evidence: 'another app container' };
  });
  const byContainer = new Map<ContainerModel, ContainerRole>(roles.map((entry) => [entry.container, entry.role]));

  const volumes: VolumeSharing[] = [];
  const byName = new Map<string, { sharing: VolumeSharing; uses: VolumeSharing['mountedBy'][number][] }>();
  for (const volume of pod.volumes) {
    if (volume.name === undefined || byName.has(volume.name)) continue;
    const uses: VolumeSharing['mountedBy'][number][] = [];
    const sharing: VolumeSharing = { name: volume.name, volume, type: volume.type, mountedBy: uses };
    byName.set(volume.name, { sharing, uses });
    volumes.push(sharing);
  }
  for (const container of pod.containers) {
    for (const mount of container.volumeMounts) {
      if (mount.name === undefined) continue;
      let entry = byName.get(mount.name);
      if (!entry) {
        const uses: VolumeSharing['mountedBy'][number][] = [];
        entry = { sharing: { name: mount.name, mountedBy: uses }, uses };
        byName.set(mount.name, entry);
        volumes.push(entry.sharing);
      }
      entry.uses.push({ container, mount });
    }
  }

  return {
    pod,
    roles,
    main,
    volumes,
    links: [],
    endpoints: [],
    effectiveResources: { requests: {}, limits: {} },
    qosClass: 'BestEffort',
    roleOf: (container) => byContainer.get(container) ?? 'sidecar',
  };
}

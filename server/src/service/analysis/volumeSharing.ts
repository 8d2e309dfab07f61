import type { PodModel } from '../model/podModel';
import type { VolumeSharing, VolumeUse } from './types';

/**
 * Each declared volume with the containers that mount it, plus names mounted without a
 * declared volume (the API server rejects those; listing them keeps every mount visible).
 */
export function findVolumeSharing(pod: PodModel): VolumeSharing[] {
  const volumes: VolumeSharing[] = [];
  const usesByName = new Map<string, VolumeUse[]>();
  for (const volume of pod.volumes) {
    if (volume.name === undefined || usesByName.has(volume.name)) continue;
    const uses: VolumeUse[] = [];
    usesByName.set(volume.name, uses);
    volumes.push({ name: volume.name, volume, type: volume.type, mountedBy: uses });
  }
  for (const container of pod.containers) {
    for (const mount of container.volumeMounts) {
      if (mount.name === undefined) continue;
      let uses = usesByName.get(mount.name);
      if (!uses) {
        uses = [];
        usesByName.set(mount.name, uses);
        volumes.push({ name: mount.name, mountedBy: uses });
      }
      uses.push({ container, mount });
    }
  }
  return volumes;
}

import { apiError, explain } from '../engine/apiMessages';
import { hasValue } from '../engine/ranges';
import { defineRule, type RuleFinding } from '../types';

/** Volume source fields, in the order the API server counts them: the first one found is kept, the others are reported. */
export const VOLUME_SOURCE_KEYS: readonly string[] = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
];
const SOURCE_ORDER = new Map(VOLUME_SOURCE_KEYS.map((key, index) => [key, index]));

export interface VolumeSourceData {
  readonly volumeName?: string;
  readonly volumeIndex: number;
  /** The source fields it sets: none, or more than one. */
  readonly sources: readonly string[];
}

/**
 * Each volume has exactly one source (`emptyDir`, `configMap`, `persistentVolumeClaim`, …). A
 * volume with none is not an error: the API server's defaulting turns it into an `emptyDir`
 * (also when the source is written with no value, `emptyDir:`).
 *
 * data: `{ volumeName?: string, volumeIndex: number, sources: string[] }`.
 */
export const volumeSource = defineRule({
  id: 'volume-source',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'A volume must not specify more than one volume source.',
  check(pod): RuleFinding<VolumeSourceData>[] {
    const findings: RuleFinding<VolumeSourceData>[] = [];
    for (const volume of pod.volumes) {
      // A volume has one source almost always: count before sorting and wording anything.
      let sourceCount = 0;
      for (const pair of volume.sources) if (SOURCE_ORDER.has(String(pair.key.value)) && hasValue(pair)) sourceCount++;
      if (sourceCount < 2) continue;
      const counted = volume.sources
        .filter((pair) => SOURCE_ORDER.has(String(pair.key.value)) && hasValue(pair))
        .sort((a, b) => SOURCE_ORDER.get(String(a.key.value))! - SOURCE_ORDER.get(String(b.key.value))!);
      const label = volume.name ? `volume "${volume.name}"` : `volume #${volume.index + 1}`;
      const data = {
        ...(volume.name !== undefined ? { volumeName: volume.name } : {}),
        volumeIndex: volume.index,
        sources: counted.map((pair) => String(pair.key.value)),
      };
      if (counted.length < 2) continue;
      const kept = String(counted[0]!.key.value);
      for (const extra of counted.slice(1)) {
        const key = String(extra.key.value);
        findings.push({
          message: explain(
            apiError.forbidden(`${volume.path}.${key}`, 'may not specify more than 1 volume type'),
            `${label} has both ${kept} and ${key}; a volume has exactly one source, so split it into two volumes or delete one.`,
          ),
          range: extra.key.range,
          related: [{ range: counted[0]!.key.range, message: `${label} already has the source ${kept}` }],
          data,
        });
      }
    }
    return findings;
  },
});

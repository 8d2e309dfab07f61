import { explain } from '../engine/apiMessages';
import { defineRule, type RuleFinding } from '../types';

/** Volume plugins the API server warns about, with the text it prints. */
const DEPRECATED_VOLUME_TYPES: Readonly<Record<string, string>> = {
  photonPersistentDisk: 'deprecated in v1.11, non-functional in v1.16+',
  gitRepo: 'deprecated in v1.11',
  scaleIO: 'deprecated in v1.16, non-functional in v1.22+',
  flocker: 'deprecated in v1.22, non-functional in v1.25+',
  storageos: 'deprecated in v1.22, non-functional in v1.25+',
  quobyte: 'deprecated in v1.22, non-functional in v1.25+',
  glusterfs: 'deprecated in v1.25, non-functional in v1.26+',
  cephfs: 'deprecated in v1.28, non-functional in v1.31+',
  rbd: 'deprecated in v1.28, non-functional in v1.31+',
};

const ADVICE: Readonly<Record<string, string>> = {
  gitRepo: 'clone the repository with an init container (git-sync with --one-time) into an emptyDir instead',
};

/**
 * In-tree volume plugins that are deprecated or no longer work: the API server accepts them
 * with a warning, and the non-functional ones leave the pod stuck in ContainerCreating.
 *
 * data: `{ volumeName?: string, volumeIndex: number, type: string }`
 */
export const deprecatedVolumeType = defineRule({
  id: 'deprecated-volume-type',
  category: 'api',
  defaultSeverity: 'warning',
  summary: 'The volume uses a deprecated or removed in-tree volume plugin.',
  check(pod): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const volume of pod.volumes) {
      for (const source of volume.sources) {
        const type = String(source.key.value);
        const note = DEPRECATED_VOLUME_TYPES[type];
        if (!note) continue;
        const label = volume.name ? `volume "${volume.name}"` : `volume #${volume.index + 1}`;
        // The API server's path spells storageos as storageOS.
        const pathKey = type === 'storageos' ? 'storageOS' : type;
        findings.push({
          message: explain(
            `${volume.path}.${pathKey}: ${note}`,
            `${label} uses the ${type} plugin; ${ADVICE[type] ?? 'move to the CSI driver for this storage'}.`,
          ),
          range: source.key.range,
          tags: ['deprecated'],
          data: { ...(volume.name !== undefined ? { volumeName: volume.name } : {}), volumeIndex: volume.index, type },
        });
      }
    }
    return findings;
  },
});

import { getPair, getSeq, isMap, isScalar, type YNode, type YScalar } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

/*
 * pkg/apis/core/validation/validation.go (kubernetes/kubernetes, 1.27 to 1.37):
 * ValidateVolumeDevices and the device checks of ValidateVolumeMounts. A raw block device
 * comes from a PersistentVolumeClaim (or a generic ephemeral volume, which makes one), and a
 * volume is either mounted or attached as a device in one container, not both.
 */

export interface InvalidVolumeDeviceData extends ContainerRef {
  /** The API path of the field the finding is on. */
  readonly field: string;
  readonly volumeName: string;
}

const BLOCK_SOURCES = new Set(['persistentVolumeClaim', 'ephemeral']);

interface Device {
  readonly index: number;
  readonly name?: YScalar;
  readonly devicePath?: YScalar;
}

function scalarOf(node: YNode | null | undefined): YScalar | undefined {
  return isScalar(node) && node.value !== null ? node : undefined;
}

/** `volumeDevices` of a container: a raw block device must come from a claim, and a volume is either a device or a mount. */
export const invalidVolumeDevice = defineRule({
  id: 'invalid-volume-device',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'volumeDevices must name a PersistentVolumeClaim or ephemeral volume that the container does not also mount.',
  check(pod): RuleFinding<InvalidVolumeDeviceData>[] {
    const findings: RuleFinding<InvalidVolumeDeviceData>[] = [];
    const volumeTypes = new Map<string, string>();
    for (const volume of pod.volumes) {
      // A volume without a source is defaulted to an emptyDir.
      if (volume.name !== undefined && !volumeTypes.has(volume.name))
        volumeTypes.set(volume.name, volume.type ?? 'emptyDir');
    }
    for (const container of pod.containers) {
      const devicesNode = getSeq(container.map, 'volumeDevices');
      if (!devicesNode) continue;
      const devices: Device[] = devicesNode.items.map((item, index) => ({
        index,
        ...(isMap(item)
          ? { name: scalarOf(getPair(item, 'name')?.value), devicePath: scalarOf(getPair(item, 'devicePath')?.value) }
          : {}),
      }));
      const owner = describeContainer(container);
      const where = containerRefOf(container);
      const devicesPath = `${container.path}.volumeDevices`;
      for (const device of devices) {
        if (!device.name) continue;
        const name = String(device.name.value);
        const field = `${devicesPath}[${device.index}].name`;
        const type = volumeTypes.get(name);
        if (type === undefined) {
          findings.push({
            message: explain(
              apiError.notFound(field, name),
              `${owner} attaches a device from volume "${name}", which the pod does not declare.`,
            ),
            range: device.name.range,
            data: { ...where, field, volumeName: name },
          });
        } else if (!BLOCK_SOURCES.has(type)) {
          findings.push({
            message: explain(
              apiError.invalid(
                field,
                name,
                'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
              ),
              `volume "${name}" is a ${type} volume; only a claim (volumeMode: Block) gives a raw block device — mount it with volumeMounts instead.`,
            ),
            range: device.name.range,
            data: { ...where, field, volumeName: name },
          });
        }
        const path = device.devicePath ? String(device.devicePath.value) : undefined;
        if (device.devicePath && path !== undefined && path.split('/').includes('..')) {
          const pathField = `${devicesPath}[${device.index}].devicePath`;
          findings.push({
            message: explain(
              apiError.invalid(pathField, path, "can not contain backsteps ('..')"),
              'write the device path without `..`.',
            ),
            range: device.devicePath.range,
            data: { ...where, field: pathField, volumeName: name },
          });
        }
      }
      // A volume both mounted and attached as a device is reported on both sides, as the API server does.
      for (const mount of container.volumeMounts) {
        if (!mount.nameNode || mount.name === undefined) continue;
        const device = devices.find((candidate) => candidate.name && String(candidate.name.value) === mount.name);
        if (!device?.name) continue;
        const mountField = `${mount.path}.name`;
        const deviceField = `${devicesPath}[${device.index}].name`;
        const explanation = `${owner} uses volume "${mount.name}" both as a mount and as a block device; a volume is one or the other.`;
        findings.push({
          message: explain(
            apiError.invalid(mountField, mount.name, 'must not already exist in volumeDevices'),
            explanation,
          ),
          range: mount.nameNode.range,
          related: [{ range: device.name.range, message: `volumeDevices[${device.index}] names "${mount.name}"` }],
          data: { ...where, field: mountField, volumeName: mount.name },
        });
        findings.push({
          message: explain(
            apiError.invalid(deviceField, mount.name, 'must not already exist in volumeMounts'),
            explanation,
          ),
          range: device.name.range,
          related: [{ range: mount.nameNode.range, message: `volumeMounts[${mount.index}] names "${mount.name}"` }],
          data: { ...where, field: deviceField, volumeName: mount.name },
        });
      }
    }
    return findings;
  },
});

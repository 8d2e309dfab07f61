import type { Rule } from '../types';
import { deprecatedAnnotation } from './deprecatedAnnotation';
import { deprecatedVolumeType } from './deprecatedVolumeType';
import { dnsConfigRequired } from './dnsConfigRequired';
import { duplicateContainerName } from './duplicateContainerName';
import { duplicateEnvName } from './duplicateEnvName';
import { duplicateMountPath } from './duplicateMountPath';
import { duplicatePortName } from './duplicatePortName';
import { duplicateVolumeName } from './duplicateVolumeName';
import { envValueConflict } from './envValueConflict';
import { ephemeralContainers } from './ephemeralContainers';
import { fractionalMemory } from './fractionalMemory';
import { hostIpWithoutHostPort } from './hostIpWithoutHostPort';
import { hostNetworkPort } from './hostNetworkPort';
import { hostPortConflict } from './hostPortConflict';
import { hostUsersHostNamespace } from './hostUsersHostNamespace';
import { initContainerProbe } from './initContainerProbe';
import { invalidCronJob } from './invalidCronJob';
import { invalidDnsConfig } from './invalidDnsConfig';
import { invalidEnvKeyRef } from './invalidEnvKeyRef';
import { invalidFieldRef } from './invalidFieldRef';
import { invalidJobSpec } from './invalidJobSpec';
import { invalidLabels } from './invalidLabels';
import { invalidMountOption } from './invalidMountOption';
import { invalidName } from './invalidName';
import { invalidObjectName } from './invalidObjectName';
import { invalidOsField } from './invalidOsField';
import { invalidPodSpecField } from './invalidPodSpecField';
import { invalidPodResources } from './invalidPodResources';
import { invalidPortNumber } from './invalidPortNumber';
import { invalidProbeField } from './invalidProbeField';
import { invalidQuantity } from './invalidQuantity';
import { invalidResizePolicy } from './invalidResizePolicy';
import { invalidResourceName } from './invalidResourceName';
import { invalidRestartPolicy } from './invalidRestartPolicy';
import { invalidScheduling } from './invalidScheduling';
import { invalidSecurityContext } from './invalidSecurityContext';
import { invalidSecurityProfile } from './invalidSecurityProfile';
import { invalidSleepAction } from './invalidSleepAction';
import { invalidSubPath } from './invalidSubPath';
import { invalidSysctl } from './invalidSysctl';
import { invalidToleration } from './invalidToleration';
import { invalidVolumeDevice } from './invalidVolumeDevice';
import { invalidVolumeSourceField } from './invalidVolumeSourceField';
import { invalidWorkloadSpec } from './invalidWorkloadSpec';
import { missingImage } from './missingImage';
import { missingPodSpec } from './missingPodSpec';
import { negativeTerminationGracePeriod } from './negativeTerminationGracePeriod';
import { noContainers } from './noContainers';
import { probeHandler } from './probeHandler';
import { resourceRequestExceedsLimit } from './resourceRequestExceedsLimit';
import { selectorMismatch } from './selectorMismatch';
import { shareProcessNamespaceHostPid } from './shareProcessNamespaceHostPid';
import { templateRestartPolicy } from './templateRestartPolicy';
import { undefinedResourceClaim } from './undefinedResourceClaim';
import { undefinedVolume } from './undefinedVolume';
import { volumeSource } from './volumeSource';

/** The api rules, one file each in this folder; add a rule by importing it here. */
export const API_RULES = [
  // What the API server rejects.
  missingPodSpec,
  noContainers,
  duplicateContainerName,
  invalidName,
  missingImage,
  undefinedVolume,
  duplicateVolumeName,
  volumeSource,
  invalidVolumeSourceField,
  duplicateMountPath,
  invalidSubPath,
  invalidMountOption,
  invalidVolumeDevice,
  initContainerProbe,
  invalidRestartPolicy,
  probeHandler,
  invalidProbeField,
  invalidSleepAction,
  invalidPortNumber,
  duplicatePortName,
  hostPortConflict,
  hostNetworkPort,
  envValueConflict,
  invalidFieldRef,
  invalidEnvKeyRef,
  invalidQuantity,
  resourceRequestExceedsLimit,
  invalidResourceName,
  invalidPodResources,
  invalidResizePolicy,
  undefinedResourceClaim,
  invalidSecurityContext,
  invalidSecurityProfile,
  invalidOsField,
  invalidSysctl,
  shareProcessNamespaceHostPid,
  hostUsersHostNamespace,
  dnsConfigRequired,
  invalidToleration,
  ephemeralContainers,
  templateRestartPolicy,
  selectorMismatch,
  invalidObjectName,
  invalidWorkloadSpec,
  invalidDnsConfig,
  invalidJobSpec,
  invalidScheduling,
  invalidLabels,
  invalidCronJob,
  invalidPodSpecField,
  // What the API server accepts with a warning.
  duplicateEnvName,
  hostIpWithoutHostPort,
  fractionalMemory,
  deprecatedVolumeType,
  deprecatedAnnotation,
  negativeTerminationGracePeriod,
] as const satisfies readonly Rule<object>[];

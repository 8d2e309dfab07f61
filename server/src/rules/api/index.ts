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
import { initContainerProbe } from './initContainerProbe';
import { invalidFieldRef } from './invalidFieldRef';
import { invalidMountOption } from './invalidMountOption';
import { invalidName } from './invalidName';
import { invalidPortNumber } from './invalidPortNumber';
import { invalidQuantity } from './invalidQuantity';
import { invalidRestartPolicy } from './invalidRestartPolicy';
import { invalidSecurityContext } from './invalidSecurityContext';
import { invalidSubPath } from './invalidSubPath';
import { invalidToleration } from './invalidToleration';
import { missingImage } from './missingImage';
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
  noContainers,
  duplicateContainerName,
  invalidName,
  missingImage,
  undefinedVolume,
  duplicateVolumeName,
  volumeSource,
  duplicateMountPath,
  invalidSubPath,
  invalidMountOption,
  initContainerProbe,
  invalidRestartPolicy,
  probeHandler,
  invalidPortNumber,
  duplicatePortName,
  hostPortConflict,
  hostNetworkPort,
  envValueConflict,
  invalidFieldRef,
  invalidQuantity,
  resourceRequestExceedsLimit,
  undefinedResourceClaim,
  invalidSecurityContext,
  shareProcessNamespaceHostPid,
  dnsConfigRequired,
  invalidToleration,
  ephemeralContainers,
  templateRestartPolicy,
  selectorMismatch,
  // What the API server accepts with a warning.
  duplicateEnvName,
  hostIpWithoutHostPort,
  fractionalMemory,
  deprecatedVolumeType,
  deprecatedAnnotation,
  negativeTerminationGracePeriod,
] as const satisfies readonly Rule<object>[];

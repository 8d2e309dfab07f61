import type { Rule } from '../types';
import { defaultContainerMissing } from './defaultContainerMissing';
import { duplicateContainerPort } from './duplicateContainerPort';
import { initContainerPorts } from './initContainerPorts';
import { initWaitsOnLaterContainer } from './initWaitsOnLaterContainer';
import { memoryVolumeWithoutLimit } from './memoryVolumeWithoutLimit';
import { nativeSidecarUnsupported } from './nativeSidecarUnsupported';
import { probeOnUdpPort } from './probeOnUdpPort';
import { probePortNotDeclared } from './probePortNotDeclared';
import { sidecarBlocksJobCompletion } from './sidecarBlocksJobCompletion';
import { sidecarStartOrder } from './sidecarStartOrder';
import { unresolvedLocalhostPort } from './unresolvedLocalhostPort';
import { unsharedVolume } from './unsharedVolume';
import { unusedVolume } from './unusedVolume';

/** The pattern rules, one file each in this folder; add a rule by importing it here. */
export const PATTERN_RULES = [
  sidecarBlocksJobCompletion,
  nativeSidecarUnsupported,
  unresolvedLocalhostPort,
  initWaitsOnLaterContainer,
  duplicateContainerPort,
  probePortNotDeclared,
  probeOnUdpPort,
  unsharedVolume,
  unusedVolume,
  initContainerPorts,
  sidecarStartOrder,
  defaultContainerMissing,
  memoryVolumeWithoutLimit,
] as const satisfies readonly Rule<object>[];

import { defaultContainerMissing } from './defaultContainerMissing';
import { deprecatedRegistry } from './deprecatedRegistry';
import { disableComment } from './disableComment';
import { duplicateContainerName } from './duplicateContainerName';
import { gitSyncV3Config } from './gitSyncV3Config';
import { initContainerPorts } from './initContainerPorts';
import { initContainerProbe } from './initContainerProbe';
import { memoryVolumeWithoutLimit } from './memoryVolumeWithoutLimit';
import { missingResources } from './missingResources';
import { moveToNativeSidecar } from './moveToNativeSidecar';
import { probePortNotDeclared } from './probePortNotDeclared';
import type { QuickFix } from './quickFix';
import { restartPolicy } from './restartPolicy';
import { undefinedVolume } from './undefinedVolume';
import { unresolvedLocalhostPort } from './unresolvedLocalhostPort';
import { unusedVolume } from './unusedVolume';
import { unsharedVolume } from './unsharedVolume';
import { valueSuggestions } from './valueSuggestions';

/** Every quick fix, one file each; the suppression comment comes last in menus. */
export const QUICK_FIXES: readonly QuickFix[] = [
  valueSuggestions,
  undefinedVolume,
  duplicateContainerName,
  moveToNativeSidecar,
  restartPolicy,
  initContainerProbe,
  deprecatedRegistry,
  unsharedVolume,
  missingResources,
  gitSyncV3Config,
  defaultContainerMissing,
  unusedVolume,
  initContainerPorts,
  unresolvedLocalhostPort,
  probePortNotDeclared,
  memoryVolumeWithoutLimit,
  disableComment,
];

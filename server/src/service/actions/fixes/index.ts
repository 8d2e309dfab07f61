import { defaultContainerMissing } from './defaultContainerMissing';
import { deprecatedRegistry } from './deprecatedRegistry';
import { disableComment } from './disableComment';
import { duplicateContainerName } from './duplicateContainerName';
import { gitSyncV3Config } from './gitSyncV3Config';
import { initContainerProbe } from './initContainerProbe';
import { missingResources } from './missingResources';
import { moveToNativeSidecar } from './moveToNativeSidecar';
import type { QuickFix } from './quickFix';
import { restartPolicy } from './restartPolicy';
import { undefinedVolume } from './undefinedVolume';
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
  disableComment,
];

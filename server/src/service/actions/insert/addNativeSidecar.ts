import { LONG_RUNNING_HELPERS } from './helperContainers';
import type { PatternAction } from './patternAction';

export const addNativeSidecar: PatternAction = {
  kind: 'native-sidecar',
  placement: 'native-sidecar',
  templates: LONG_RUNNING_HELPERS,
};

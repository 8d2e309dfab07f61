import { LONG_RUNNING_HELPERS } from './helperContainers';
import type { PatternAction } from './patternAction';

export const addSidecar: PatternAction = {
  kind: 'sidecar',
  placement: 'helper',
  templates: LONG_RUNNING_HELPERS,
};

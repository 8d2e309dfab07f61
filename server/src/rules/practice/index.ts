import type { Rule } from '../types';
import { deprecatedRegistry } from './deprecatedRegistry';
import { gitSyncRootOutsideVolume } from './gitSyncRootOutsideVolume';
import { gitSyncV3Config } from './gitSyncV3Config';
import { helperBreaksGuaranteedQos } from './helperBreaksGuaranteedQos';
import { initResourcesDominate } from './initResourcesDominate';
import { latestImageTag } from './latestImageTag';
import { missingResources } from './missingResources';

/** The practice rules, one file each in this folder; add a rule by importing it here. */
export const PRACTICE_RULES = [
  missingResources,
  initResourcesDominate,
  helperBreaksGuaranteedQos,
  deprecatedRegistry,
  latestImageTag,
  gitSyncV3Config,
  gitSyncRootOutsideVolume,
] as const satisfies readonly Rule<object>[];

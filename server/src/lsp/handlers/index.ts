import { topologyHandler } from './topology';
import type { FeatureHandler } from './types';

/** Every LSP feature beyond diagnostics; add one by importing its handler here. */
export const FEATURE_HANDLERS: readonly FeatureHandler[] = [topologyHandler];

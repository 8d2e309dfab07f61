import { codeActionsHandler } from './codeActions';
import { completionHandler } from './completion';
import { executeCommandHandler } from './executeCommand';
import { hoverHandler } from './hover';
import { topologyHandler } from './topology';
import type { FeatureHandler } from './types';

/** Every LSP feature beyond diagnostics; add one by importing its handler here. */
export const FEATURE_HANDLERS: readonly FeatureHandler[] = [
  codeActionsHandler,
  executeCommandHandler,
  completionHandler,
  hoverHandler,
  topologyHandler,
];

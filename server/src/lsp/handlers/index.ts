import { codeActionsHandler } from './codeActions';
import { executeCommandHandler } from './executeCommand';
import type { FeatureHandler } from './types';

/** Every LSP feature beyond diagnostics; add one by importing its handler here. */
export const FEATURE_HANDLERS: readonly FeatureHandler[] = [codeActionsHandler, executeCommandHandler];

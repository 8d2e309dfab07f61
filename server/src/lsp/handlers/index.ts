import { codeActionsHandler } from './codeActions';
import { completionHandler } from './completion';
import { definitionHandler } from './definition';
import { documentSymbolsHandler } from './documentSymbols';
import { executeCommandHandler } from './executeCommand';
import { foldingRangesHandler } from './foldingRanges';
import { hoverHandler } from './hover';
import { referencesHandler } from './references';
import { renameHandler } from './rename';
import { selectionRangesHandler } from './selectionRanges';
import { topologyHandler } from './topology';
import type { FeatureHandler } from './types';

/** Every LSP feature beyond diagnostics; add one by importing its handler here. */
export const FEATURE_HANDLERS: readonly FeatureHandler[] = [
  codeActionsHandler,
  executeCommandHandler,
  completionHandler,
  hoverHandler,
  topologyHandler,
  definitionHandler,
  referencesHandler,
  renameHandler,
  documentSymbolsHandler,
  foldingRangesHandler,
  selectionRangesHandler,
];

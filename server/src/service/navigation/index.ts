/** Navigation inside a file: every feature reads the pod models and their ranges, never the text again. */
export { definitionAt } from './definition';
export { referencesAt } from './references';
export { highlightsAt, type ServiceHighlight } from './highlights';
export { prepareRenameAt, renameAt, type PrepareRenameResult, type RenameResult, type RenameRefusal } from './rename';
export { documentSymbolsOf, type OutlineKind, type OutlineSymbol } from './documentSymbols';
export { foldingRangesOf, type FoldingLines } from './foldingRanges';
export { selectionRangesAt } from './selectionRanges';

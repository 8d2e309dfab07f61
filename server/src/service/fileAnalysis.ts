/**
 * The old name of `ParsedFile`, kept while the quick fixes (`actions/fixes/`) still import it.
 * New code imports `ParsedFile` from `./parsedFile`.
 */
export { ParsedFile as FileAnalysis, type AnalyzedDocument } from './parsedFile';

/**
 * The pure language service: text and settings in, results out. Nothing here knows
 * about the LSP transport; the language server and the CLI are thin hosts over it.
 */
export { FileAnalysis, lintText, type AnalyzedDocument, type FileFinding, type LocatedPod } from './fileAnalysis';
export { toDiagnostics, toDiagnostic, DIAGNOSTIC_SOURCE } from './diagnostics';
export { DEFAULT_SETTINGS, NEWEST_KUBERNETES_VERSION, resolveSettings, normaliseVersion, checkKubernetesVersion, type ServiceSettings, type RuleLevel } from './settings';
export type { Finding, Severity } from './findings/finding';
export type { PodModel, ContainerModel, VolumeModel, ResourceModel } from './model/podModel';
export type { DocumentModel } from './model/documentModel';
export { LineIndex, type Position } from './text/lineIndex';

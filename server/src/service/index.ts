/**
 * The pure language service: text and settings in, results out. Nothing here knows about the
 * LSP transport; the language server and the CLI are thin hosts over `createLanguageService`,
 * and import nothing else of the service than this module.
 */
export { createLanguageService, type LanguageService, type LanguageServiceInit } from './languageService';
export { SILENT_LOGGER, THROWING_LOGGER, type Logger } from './logger';
export { ParsedFile, lintText, type AnalyzedDocument, type FileFinding, type LocatedPod } from './parsedFile';
export { toDiagnostics, toDiagnostic, DIAGNOSTIC_SOURCE } from './diagnostics';
export {
  DEFAULT_SETTINGS,
  NEWEST_KUBERNETES_VERSION,
  RULE_LEVELS,
  RULE_PRESETS,
  isRulePreset,
  resolveSettings,
  normaliseVersion,
  checkKubernetesVersion,
  type ServiceSettings,
  type RuleLevel,
  type RulePreset,
} from './settings';
export type { Finding, Severity } from './findings/finding';
export type { PodModel, ContainerModel, VolumeModel, ResourceModel } from './model/podModel';
export type { DocumentModel } from './model/documentModel';
export type { PodAnalysis } from './analysis/types';
export type { CodeActionRequest, FixTarget, ServiceCodeAction } from './actions';
export type { ServiceCompletion } from './completion/complete';
export { snippetAsPlainText } from './completion/snippets';
export type { ServiceHover } from './hover/hoverAt';
export type { InsertPatternRequest, InsertPatternResult } from './actions/insert/insertPattern';
export type {
  FoldingLines,
  OutlineKind,
  OutlineSymbol,
  PrepareRenameResult,
  RenameResult,
  ServiceHighlight,
} from './navigation';
export type { RuleCatalogueEntry } from '../rules';
export { LineIndex, firstLineRange, type LinePositions, type Position } from './text/lineIndex';
export { SplitText } from './text/splitText';
export { applyEdits, type OffsetEdit, type OffsetRange } from './edits/textEdits';
export {
  PROJECT_CONFIG_FILE,
  CONFIG_PRESETS,
  ProjectConfigFinder,
  kubernetesVersionProblem,
  ruleIdProblem,
  settingsWithProjectConfig,
  parentFolder,
  projectConfigSchema,
  type ProjectConfig,
  type ConfigProblem,
  type ParsedProjectConfig,
} from './config/projectConfig';
export { IgnorePatterns } from './config/ignorePatterns';

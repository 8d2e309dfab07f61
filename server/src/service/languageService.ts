import type { Diagnostic } from 'vscode-languageserver-types';
import { RULE_CATALOGUE, type RuleCatalogueEntry } from '../rules';
import { ProjectConfigFinder } from './config/projectConfig';
import { countFixable } from './actions/fixableCount';
import { PATTERNS, type PatternInfo } from '../shared/patternCatalog';
import type { Lifecycle } from '../shared/lifecycle/types';
import type { TopologyGraph, TopologyTarget } from '../shared/topology/types';
import {
  codeActionsFor,
  combinePreferredFixes,
  type CodeActionRequest,
  type FixTarget,
  type ServiceCodeAction,
} from './actions';
import { safeActions, safePreferredFixes } from './actions/fixSafety';
import {
  insertPattern,
  podAt,
  type InsertPatternRequest,
  type InsertPatternResult,
} from './actions/insert/insertPattern';
import { analyzePod } from './analysis/analyzePod';
import { brokenDocumentReason } from './brokenDocument';
import type { PodAnalysis } from './analysis/types';
import { completeAt, type ServiceCompletion } from './completion/complete';
import { toDiagnostics } from './diagnostics';
import { ruleDocsUrl } from './docsLinks';
import type { OffsetEdit } from './edits/textEdits';
import { hoverAt, type ServiceHover } from './hover/hoverAt';
import type { Logger } from './logger';
import { lintText, ParsedFile, type FileFinding, type LocatedPod } from './parsedFile';
import type { ServiceSettings } from './settings';
import type { SplitText } from './text/splitText';
import { isUnrenderedTemplate, lifecycleOf } from './lifecycle';
import { buildTopologyGraph, resolveTarget, targetAt, topologyTargets } from './topology';
import type { OffsetRange } from './edits/textEdits';
import {
  definitionAt,
  documentSymbolsOf,
  foldingRangesOf,
  highlightsAt,
  prepareRenameAt,
  referencesAt,
  renameAt,
  selectionRangesAt,
  type FoldingLines,
  type OutlineSymbol,
  type PrepareRenameResult,
  type RenameResult,
  type ServiceHighlight,
} from './navigation';

/** What a host gives the service when it creates it. */
export interface LanguageServiceInit {
  /** Where the service reports what it could not do; hosts log it, tests rethrow it. */
  readonly logger: Logger;
}

/**
 * Everything the hosts (the LSP server, the CLI) ask of the service, one method per feature.
 * Offsets are UTF-16 offsets into the whole file; `ParsedFile.lineIndex` converts them to
 * LSP positions. Every method is pure: text and settings in, results out.
 */
export interface LanguageService {
  readonly logger: Logger;

  /**
   * Cuts a file into YAML documents and models each one. Given the previous parse of the same
   * file, documents whose text did not change keep their model (and their cached findings).
   * A host that keeps the text as a `SplitText` (edited with `withChange`) passes it as is: the
   * file is then not cut again, and unchanged documents are recognised by reference.
   */
  parseFile(text: string | SplitText, previous?: ParsedFile): ParsedFile;

  /**
   * `parseFile`, one changed document per step (the file is the generator's return value): a
   * host drives it in time slices and yields between them, so one large file never starves
   * the requests on the others, and drops it when the text changes or the request is cancelled.
   * Given the settings its findings will be asked under, each new document's findings are
   * computed as it is parsed and its tree is let go (parsed again when a request reads it), so a
   * large file is never held as trees.
   */
  parseFileInSteps(
    text: string | SplitText,
    previous?: ParsedFile,
    settings?: ServiceSettings,
  ): Generator<void, ParsedFile, void>;

  /**
   * Computes the file's findings one document per step; they are cached on each document's
   * model, so `findings` and `diagnostics` afterwards cost a lookup per document.
   */
  findingsInSteps(file: ParsedFile, settings: ServiceSettings): Generator<void, unknown, void>;

  /** Every finding of the file under these settings, ranges in file offsets. */
  findings(file: ParsedFile, settings: ServiceSettings): FileFinding[];

  /**
   * The findings of a text without keeping its models (each is dropped once its findings are
   * known): for one-shot runs such as `pod-patterns lint`, where nothing asks about the file later.
   */
  lintText(text: string, settings: ServiceSettings): { findings: FileFinding[]; podCount: number };

  /** The file's findings as LSP diagnostics; a document whose findings did not change costs a lookup. */
  diagnostics(file: ParsedFile, settings: ServiceSettings, uri: string): Diagnostic[];

  /** Quick fixes for the request's diagnostics, insert-pattern refactorings, and Fix All when asked for. */
  codeActions(file: ParsedFile, request: CodeActionRequest, settings: ServiceSettings): ServiceCodeAction[];

  /** The preferred fixes of these findings that can be applied together (`lint --fix`, Fix All). */
  preferredFixes(
    file: ParsedFile,
    findings: readonly FixTarget[],
    settings: ServiceSettings,
  ): { edits: OffsetEdit[]; count: number };

  /** Completion items at a file offset: schema keys and values, and pod-aware values. */
  completions(file: ParsedFile, offset: number): ServiceCompletion[];

  /** Hover at a file offset: a container's role and sharing, a volume's users, a finding's rule, a field's schema. */
  hover(file: ParsedFile, offset: number, settings: ServiceSettings): ServiceHover | undefined;

  /**
   * Where the name at a file offset is defined in the file (a mount's volume, a probe's named
   * port, a `$(VAR)`'s env entry, a selector's labels, a referenced ConfigMap, …); empty when nowhere.
   */
  definition(file: ParsedFile, offset: number): OffsetRange[];

  /** Every place linked to the name at a file offset; its definitions too when `includeDeclaration`. */
  references(file: ParsedFile, offset: number, includeDeclaration: boolean): OffsetRange[];

  /** The places of the name at a file offset, each marked as its definition or a reference. */
  highlights(file: ParsedFile, offset: number): ServiceHighlight[];

  /** The exact range and text of the name a rename at this offset would change, or why it is refused. */
  prepareRename(file: ParsedFile, offset: number): PrepareRenameResult | undefined;

  /** The edits renaming every linked place of the name at a file offset, or why the rename is refused. */
  rename(file: ParsedFile, offset: number, newName: string): RenameResult | undefined;

  /** The outline: objects, and for pods their init containers, containers (with roles) and volumes. */
  documentSymbols(file: ParsedFile): OutlineSymbol[];

  /** The line spans of the file's blocks, for folding. */
  foldingRanges(file: ParsedFile): FoldingLines[];

  /** The ranges "expand selection" steps through at a file offset, innermost first. */
  selectionRanges(file: ParsedFile, offset: number): OffsetRange[];

  /** The pod whose object contains a file offset, or the only pod of that document. */
  podAt(file: ParsedFile, offset: number): LocatedPod | undefined;

  /** Plans the insertion of a pattern container (init, sidecar, …) into a pod, as text edits. */
  insertPattern(pod: LocatedPod, request: InsertPatternRequest, settings: ServiceSettings): InsertPatternResult;

  /** The five insert-pattern actions and their templates. */
  readonly patterns: readonly PatternInfo[];

  /** What the fields of a pod mean together: roles, volume sharing, localhost links, effective resources, QoS. */
  podAnalysis(pod: LocatedPod): PodAnalysis;

  /** Every pod-bearing object of the file, in file order. */
  topologyTargets(file: ParsedFile): TopologyTarget[];

  /**
   * The pod to draw: the one asked for by document and pod index when it still exists, else the
   * one under `offset`, else the first of the file.
   */
  topologyTarget(
    file: ParsedFile,
    wanted: { documentIndex: number; podIndex: number } | undefined,
    offset?: number,
  ): TopologyTarget | undefined;

  /** One pod's topology graph (nodes, edges, finding badges); the scene and SVG are drawn from it by `shared/topology`. */
  topologyGraph(file: ParsedFile, target: TopologyTarget, settings: ServiceSettings): TopologyGraph | undefined;

  /**
   * One pod's simulated startup and shutdown (see docs/lifecycle.md), with its document's rule
   * findings shown where they happen; `shared/lifecycle` writes it as text or an SVG scene.
   */
  lifecycle(
    file: ParsedFile,
    target: Pick<TopologyTarget, 'documentIndex' | 'podIndex'>,
    settings: ServiceSettings,
  ): Lifecycle | undefined;

  /**
   * Why a document of the file must not be described, drawn or written into (its first YAML
   * syntax error, with its line), or undefined when its YAML is sound.
   */
  syntaxProblem(file: ParsedFile, documentIndex: number): string | undefined;

  /** Whether the file holds no pod but template expressions (`{{ … }}`): it must be rendered first. */
  isUnrenderedTemplate(file: ParsedFile): boolean;

  /** Every rule with its category, default severity and summary. */
  readonly rules: readonly RuleCatalogueEntry[];

  /** The documentation page of a finding code, when it has one. */
  docsUrl(code: string): string | undefined;

  /** How many findings of a one-shot lint (`lintText`) have a preferred fix, for "N fixable with --fix". */
  countFixable(text: string, findings: readonly FileFinding[], settings: ServiceSettings): number;

  /** Finds and checks `.pod-patterns.yaml` files (rule ids against `rules`) through the host's file access (which may throw for a missing file). */
  projectConfigFinder(readFile: (path: string) => string | undefined): ProjectConfigFinder;
}

/** The ids a user may give a level (config files, `--rule`). */
const RULE_IDS = RULE_CATALOGUE.map((entry) => entry.id);

/** The one entry point into the service for its hosts. */
export function createLanguageService(init: LanguageServiceInit): LanguageService {
  return {
    logger: init.logger,
    parseFile: (text, previous) => new ParsedFile(text, previous),
    parseFileInSteps: (text, previous, settings) => ParsedFile.inSteps(text, previous, settings),
    findingsInSteps: (file, settings) => file.documentFindingsInSteps(settings),
    findings: (file, settings) => file.findings(settings),
    lintText,
    diagnostics: toDiagnostics,
    codeActions: (file, request, settings) =>
      safeActions(file, codeActionsFor(file, request, settings, init.logger), settings, (targets) =>
        combinePreferredFixes(file, targets, settings, init.logger),
      ),
    preferredFixes: (file, findings, settings) =>
      safePreferredFixes(file, findings, settings, (targets) =>
        combinePreferredFixes(file, targets, settings, init.logger),
      ),
    completions: completeAt,
    hover: hoverAt,
    definition: (file, offset) => guarded(init.logger, 'definition', [], () => definitionAt(file, offset)),
    references: (file, offset, includeDeclaration) =>
      guarded(init.logger, 'references', [], () => referencesAt(file, offset, includeDeclaration)),
    highlights: (file, offset) => guarded(init.logger, 'highlights', [], () => highlightsAt(file, offset)),
    prepareRename: (file, offset) =>
      guarded(init.logger, 'prepare rename', undefined, () => prepareRenameAt(file, offset)),
    rename: (file, offset, newName) => guarded(init.logger, 'rename', undefined, () => renameAt(file, offset, newName)),
    documentSymbols: (file) => guarded(init.logger, 'document symbols', [], () => documentSymbolsOf(file)),
    foldingRanges: (file) => guarded(init.logger, 'folding ranges', [], () => foldingRangesOf(file)),
    selectionRanges: (file, offset) =>
      guarded(init.logger, 'selection ranges', [], () => selectionRangesAt(file, offset)),
    podAt,
    insertPattern,
    patterns: PATTERNS,
    podAnalysis: (located) => analyzePod(located.pod),
    topologyTargets,
    topologyTarget: (file, wanted, offset) => (wanted ? resolveTarget(file, wanted) : targetAt(file, offset)),
    topologyGraph: buildTopologyGraph,
    lifecycle: lifecycleOf,
    isUnrenderedTemplate,
    syntaxProblem: (file, documentIndex) => {
      const document = file.documents[documentIndex];
      return document && brokenDocumentReason(file, document);
    },
    rules: RULE_CATALOGUE,
    docsUrl: ruleDocsUrl,
    countFixable,
    projectConfigFinder: (readFile) => new ProjectConfigFinder(readFile, RULE_IDS),
  };
}

/**
 * Navigation answers nothing rather than fail a request: a model the features did not expect
 * (a half-typed document) is reported to the logger, and the editor gets an empty answer.
 */
function guarded<T>(logger: Logger, feature: string, fallback: T, work: () => T): T {
  try {
    return work();
  } catch (error) {
    logger.error(`Could not compute ${feature}`, error);
    return fallback;
  }
}

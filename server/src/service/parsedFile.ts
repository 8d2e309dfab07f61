import { attachFileServices, exposureKey } from './model/serviceExposures';
import type { Finding } from './findings/finding';
import {
  buildDocumentModel,
  keepParts,
  mentionsPodKind,
  releaseParts,
  type DocumentModel,
} from './model/documentModel';
import type { PodModel, ResourceModel } from './model/podModel';
import { settingsKey, type ServiceSettings } from './settings';
import { setSlot, slotOf } from './slots';
import { firstLineRange, type LinePositions } from './text/lineIndex';
import { splitDocuments, type DocumentSlice } from './text/splitDocuments';
import { ChunkedList } from './text/chunkedList';
import { ownCopy, SplitText } from './text/splitText';
import { checkResourceIdentity } from './validation/resourceIdentity';
import { validateDocument } from './validation/validateDocument';
import { targetVersionNotice } from './validation/targetNotice';

export interface AnalyzedDocument {
  readonly index: number;
  /** Offset of the document in the file: add it to a model range to get a file offset. */
  readonly offset: number;
  readonly model: DocumentModel;
}

export interface LocatedPod {
  readonly document: AnalyzedDocument;
  readonly pod: PodModel;
}

/** One finding with its range moved to file offsets. */
export interface FileFinding extends Finding {
  readonly documentIndex: number;
}

/** Per-document facts kept per chunk of models, so a keystroke reads none of the unchanged models. */
const RELEVANT = 1;
const TEMPLATE = 2;
const POD = 4;

/** How a new version's documents map onto the previous version's: equal runs at the front and at the back. */
interface Inheritance {
  readonly front: number;
  readonly back: number;
  /** A version whose findings walk has run (or will), without a link of its own. */
  readonly previous: ParsedFile;
}

/**
 * The file's findings under one settings key, for the documents that have any (in file order),
 * with the documents the walk treated specially: a later version with the same settings copies
 * the entries of the documents it shares and computes only the ones an edit touched.
 */
interface FindingsIndex {
  readonly key: string;
  /** Whether the file held a Service (then pods' findings also depend on other documents). */
  readonly withServices: boolean;
  readonly noticeDocument: number;
  readonly templateDocument: number;
  readonly entries: readonly IndexEntry[];
}

interface IndexEntry {
  readonly index: number;
  readonly findings: readonly Finding[];
  /** Findings on objects beside the pods: reported only when the file holds or names a pod. */
  readonly onlyIfFileRelevant: boolean;
}

/**
 * A whole file cut into documents, each with its model. Built from the previous
 * analysis of the same file, so only documents whose text changed are parsed again.
 */
export class ParsedFile {
  /** How many Services the file holds (they hand their ports to the pods they select). */
  readonly serviceCount: number;
  /** How many pods the file holds. */
  readonly podCount: number;
  /** The text as its documents, with the file's line index; an edit's next version shares the unchanged ones. */
  readonly source: SplitText;
  private readonly models: ChunkedList<DocumentModel>;
  /** True when the file holds too many documents and is one refused document. */
  private readonly refused: boolean;
  /** The documents asked for so far (most keystrokes ask for the few with findings). */
  private readonly documentObjects = new Map<number, AnalyzedDocument>();
  private allDocuments: readonly AnalyzedDocument[] | undefined;
  private inheritance: Inheritance | undefined;
  private findingsIndex: FindingsIndex | undefined;

  constructor(text: string | SplitText, previous?: ParsedFile, parts?: BuiltParts) {
    this.source = typeof text === 'string' ? SplitText.of(text) : text;
    let built = parts;
    if (!built) {
      const steps = buildParts(this.source, previous, typeof text === 'string');
      let step = steps.next();
      while (!step.done) step = steps.next();
      built = step.value;
    }
    const models = built.models;
    this.models = models;
    this.refused = models.length !== this.source.documentCount;
    const front = built.reuse?.front ?? 0;
    const back = built.reuse?.back ?? 0;
    const earlier = built.previous;
    // The facts of a chunk are computed once and kept on it: an edit replaces one chunk.
    let pods = 0;
    let services = 0;
    for (let c = 0; c < models.chunkCount; c++) {
      const facts = this.factsOf(c);
      pods += facts.pods;
      services += facts.services;
    }
    this.podCount = pods;
    this.serviceCount = services;
    if (earlier) {
      // A version superseded before its findings were walked hands on its own link, composed with
      // this one (the documents both kept at the front and at the back), so links never chain.
      let inheritance: Inheritance = { front, back, previous: earlier };
      while (!inheritance.previous.findingsIndex && inheritance.previous.inheritance) {
        const further = inheritance.previous.inheritance;
        inheritance = {
          front: Math.min(inheritance.front, further.front),
          back: Math.min(inheritance.back, further.back),
          previous: further.previous,
        };
      }
      this.inheritance = inheritance;
    }
    // Most files hold no Service: then nothing is to attach, unless the previous version held one (now removed).
    if (this.serviceCount > 0 || (earlier !== undefined && earlier.serviceCount > 0)) {
      // What the Services hand the pods is cached on the pod models: they must not be let go.
      const all = models.slice(0);
      if (this.serviceCount > 0) for (const model of all) keepParts(model);
      attachFileServices(
        all.flatMap((model) => model.resources),
        all.flatMap((model) => model.pods),
      );
    }
  }

  /**
   * The same parse, one changed document per step, so a host can yield between documents and
   * answer other requests while a large file is parsed. The file is the generator's return value.
   */
  static *inSteps(
    text: string | SplitText,
    previous?: ParsedFile,
    settings?: ServiceSettings,
  ): Generator<void, ParsedFile, void> {
    const source = typeof text === 'string' ? SplitText.of(text) : text;
    const parts = yield* buildParts(source, previous, typeof text === 'string', settings);
    return new ParsedFile(source, undefined, parts);
  }

  /** Each document with its offset and model, in file order. */
  get documents(): readonly AnalyzedDocument[] {
    if (this.allDocuments) return this.allDocuments;
    const all: AnalyzedDocument[] = new Array(this.models.length);
    for (let i = 0; i < all.length; i++) all[i] = this.documentObject(i);
    return (this.allDocuments = all);
  }

  /** The whole text (joined from the documents when an edit made this version). */
  get text(): string {
    return this.source.text;
  }

  get lineIndex(): LinePositions {
    return this.source;
  }

  get pods(): LocatedPod[] {
    return this.documents.flatMap((document) => document.model.pods.map((pod) => ({ document, pod })));
  }

  get hasPods(): boolean {
    return this.podCount > 0;
  }

  /** Whether any document holds or names a pod: the only files the product reports on. */
  get isRelevant(): boolean {
    return this.firstWith(RELEVANT, RELEVANT) >= 0;
  }

  /** The document that contains a file offset. */
  documentAt(offset: number): AnalyzedDocument | undefined {
    const count = this.models.length;
    if (count === 0 || this.offsetOf(0) > offset) return undefined;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.offsetOf(mid) <= offset) low = mid;
      else high = mid - 1;
    }
    return this.documentObject(low);
  }

  /** Every finding of the file under these settings, ranges in file offsets. */
  findings(settings: ServiceSettings): FileFinding[] {
    const out: FileFinding[] = [];
    for (const { document, findings } of this.documentFindings(settings)) {
      for (const finding of findings) out.push(shift(finding, document));
    }
    return out;
  }

  /**
   * Each document's findings, in file order, with ranges relative to the document. A
   * document whose model and settings did not change gets the very same array as in the
   * previous analysis, so hosts can reuse whatever they derived from it (LSP diagnostics).
   */
  documentFindings(settings: ServiceSettings): DocumentFindings[] {
    const steps = this.documentFindingsInSteps(settings);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * `documentFindings`, one validated document per step. Findings are cached per model, and the
   * file keeps which documents have any: the next version with the same settings copies that
   * list for the documents it shares and visits only the ones an edit changed.
   */
  *documentFindingsInSteps(settings: ServiceSettings): Generator<void, DocumentFindings[], void> {
    const key = settingsKey(settings);
    const noticeDocument = this.firstWith(POD, POD);
    const templateDocument = settings.validate ? this.firstWith(RELEVANT | TEMPLATE, RELEVANT | TEMPLATE) : -1;
    const walk: DocumentWalk = { settings, key, withServices: this.serviceCount > 0, noticeDocument, templateDocument };
    let index = this.findingsIndex?.key === key ? this.findingsIndex : undefined;
    if (!index) {
      const visit = this.inheritedVisits(walk);
      const entries: IndexEntry[] = visit ? [...visit.kept] : [];
      for (const i of visit ? visit.changed : range(this.models.length)) {
        const step = this.stepOf(i, walk);
        if (step.entry) entries.push(step.entry);
        if (step.validated) yield;
      }
      if (visit) entries.sort((a, b) => a.index - b.index);
      index = { key, withServices: walk.withServices, noticeDocument, templateDocument, entries };
      this.findingsIndex = index;
      this.inheritance = undefined;
    }
    const fileRelevant = this.isRelevant;
    const out: DocumentFindings[] = [];
    for (const entry of index.entries) {
      if (!entry.onlyIfFileRelevant || fileRelevant)
        out.push({ document: this.documentObject(entry.index), findings: entry.findings });
    }
    return out;
  }

  /**
   * When the previous version's findings were computed under the same key and no Service is
   * involved (a Service's edit can change any pod's findings): the previous entries of the
   * documents this version shares, and the documents to visit — the changed run, and those that
   * gain or lose the target-version notice or the template hint.
   */
  private inheritedVisits(walk: DocumentWalk): { kept: IndexEntry[]; changed: Iterable<number> } | undefined {
    const inheritance = this.inheritance;
    const previous = inheritance?.previous.findingsIndex;
    if (!inheritance || !previous || previous.key !== walk.key || previous.withServices || walk.withServices)
      return undefined;
    if (this.refused || inheritance.previous.refused) return undefined;
    const { front, back } = inheritance;
    const previousCount = inheritance.previous.models.length;
    const count = this.models.length;
    const moved = count - previousCount;
    const toNew = (old: number): number => (old < front ? old : old >= previousCount - back ? old + moved : -1);
    const changed = new Set<number>(range(count - back, front));
    for (const special of [
      toNew(previous.noticeDocument),
      toNew(previous.templateDocument),
      walk.noticeDocument,
      walk.templateDocument,
    ]) {
      if (special >= 0) changed.add(special);
    }
    const kept: IndexEntry[] = [];
    for (const entry of previous.entries) {
      const index = toNew(entry.index);
      if (index >= 0 && !changed.has(index)) kept.push(index === entry.index ? entry : { ...entry, index });
    }
    return { kept, changed };
  }

  /** One document's findings under the walk's settings (`validated`: they were not cached). */
  private stepOf(index: number, walk: DocumentWalk): { entry?: IndexEntry; validated: boolean } {
    const model = this.models.at(index);
    const step = documentStep(model, walk, index === walk.noticeDocument, index === walk.templateDocument);
    // Once its findings are known, a document's tree is rebuilt only when a request reads it.
    if (!walk.withServices) releaseParts(model);
    const entry =
      step.findings.length > 0
        ? { index, findings: step.findings, onlyIfFileRelevant: step.onlyIfFileRelevant }
        : undefined;
    return { entry, validated: step.validated };
  }

  /** The first document whose flags under `mask` are `value` (-1 if none). */
  private firstWith(mask: number, value: number): number {
    for (let c = 0; c < this.models.chunkCount; c++) {
      const { flags, present } = this.factsOf(c);
      let found = false;
      for (let f = 0; f < 8 && !found; f++) found = (present & (1 << f)) !== 0 && (f & mask) === value;
      if (!found) continue;
      for (let i = 0; i < flags.length; i++) if ((flags[i]! & mask) === value) return this.models.chunkStart(c) + i;
    }
    return -1;
  }

  private factsOf(c: number): ChunkFacts {
    return this.models.derived(c, CHUNK_FACTS, chunkFacts);
  }

  /** The first document holding a pod (-1 if none). */
  firstDocumentWithPods(): number {
    return this.firstWith(POD, POD);
  }

  /** How many documents the file holds (one when it is refused for holding too many). */
  get documentCount(): number {
    return this.models.length;
  }

  /** The models of documents `start` up to (not including) `end`. */
  modelsIn(start: number, end: number): DocumentModel[] {
    return this.models.slice(start, end);
  }

  modelAt(index: number): DocumentModel {
    return this.models.at(index);
  }

  /** This version's models with those from `start` up to `end` replaced (sharing every other chunk). */
  modelsReplacing(start: number, end: number, models: readonly DocumentModel[]): ChunkedList<DocumentModel> {
    return this.models.splice(start, end - start, models);
  }

  private offsetOf(index: number): number {
    return this.refused ? 0 : this.source.documentOffset(index);
  }

  private documentObject(index: number): AnalyzedDocument {
    let document = this.documentObjects.get(index);
    if (!document) {
      document = { index, offset: this.offsetOf(index), model: this.models.at(index) };
      this.documentObjects.set(index, document);
    }
    return document;
  }
}

/** The models of a version, and which of them it shares with the previous one. */
interface BuiltParts {
  readonly models: ChunkedList<DocumentModel>;
  readonly previous: ParsedFile | undefined;
  readonly reuse?: { readonly front: number; readonly back: number };
}

/**
 * Builds the models of the documents the previous version does not have, one per step. Given the
 * settings the findings will be asked under, each new document's findings are computed in its own
 * step and its tree is let go at once (`releaseParts`), so a large file never holds every tree:
 * the findings walk then reads them from the cache. A file with a Service is not done this way
 * (a Service anywhere changes the pods' findings, and the pods keep what it hands them).
 */
function* buildParts(
  source: SplitText,
  previous: ParsedFile | undefined,
  cutFromString: boolean,
  settings?: ServiceSettings,
): Generator<void, BuiltParts, void> {
  const count = source.documentCount;
  if (count > MAX_DOCUMENTS) return { models: ChunkedList.of([tooManyDocuments(source.text, count)]), previous };
  const reuse = previous ? reusableModels(source, previous) : undefined;
  const front = reuse?.front ?? 0;
  const back = reuse?.back ?? 0;
  const middle = reuse?.middle ?? new Array<DocumentModel | undefined>(count);
  // A string cut here is a view into this whole version of the file, which a reused model would keep
  // alive: given a previous parse, such documents get their own copy (an edited `SplitText`'s already have).
  const copy = previous !== undefined && cutFromString;
  let early: EarlyFindings | undefined =
    settings && !(previous && previous.serviceCount > 0) ? new EarlyFindings(settings, previous, reuse) : undefined;
  for (let j = 0; j < middle.length; j++) {
    // A comparison with `undefined` reads no model (a truth test would load each one's hidden class).
    if (middle[j] !== undefined) {
      early?.passed(middle[j]!);
      continue;
    }
    const text = source.documentText(front + j);
    const model = buildDocumentModel(copy ? ownCopy(text) : text);
    middle[j] = model;
    if (early && !early.computed(model)) early = undefined;
    yield;
  }
  const built = middle as DocumentModel[];
  const models =
    previous && reuse ? previous.modelsReplacing(front, previous.documentCount - back, built) : ChunkedList.of(built);
  return { models, previous, reuse };
}

/**
 * The findings of documents as they are built, under the key the file's findings walk will use
 * while the file holds no Service: the target-version notice goes to the first document with a
 * pod, as in the walk (a guess that misses only costs the walk a validation).
 */
class EarlyFindings {
  private readonly walk: DocumentWalk;
  private podBefore: boolean;

  constructor(settings: ServiceSettings, previous: ParsedFile | undefined, reuse: { front: number } | undefined) {
    this.walk = { settings, key: settingsKey(settings), withServices: false, noticeDocument: -1, templateDocument: -1 };
    const firstPod = previous?.firstDocumentWithPods() ?? -1;
    this.podBefore = firstPod >= 0 && firstPod < (reuse?.front ?? 0);
  }

  /** A reused document between the new ones. */
  passed(model: DocumentModel): void {
    if (model.podCount > 0) this.podBefore = true;
  }

  /** Computes a new document's findings and lets its tree go; false for a Service (stop here). */
  computed(model: DocumentModel): boolean {
    if (model.serviceCount > 0) return false;
    const withPods = model.podCount > 0;
    documentStep(model, this.walk, withPods && !this.podBefore, false);
    if (withPods) this.podBefore = true;
    // Nothing else has read the parts: let go of them at once, so that they die young.
    releaseParts(model, true);
    return true;
  }
}

/** The integers from `start` up to (not including) `end`. */
function* range(end: number, start = 0): Generator<number> {
  for (let i = start; i < end; i++) yield i;
}

/** What deciding one document's findings needs to know about the file. */
interface DocumentWalk {
  readonly settings: ServiceSettings;
  readonly key: string;
  /** Without Services in the file no pod has exposures, and the cache key needs no part for them. */
  readonly withServices: boolean;
  /** The file's first document with a pod: the target-version notice goes there. */
  readonly noticeDocument: number;
  /** The first relevant template document: the one that gets the hint (-1 when validation is off). */
  readonly templateDocument: number;
}

/** One document's findings; `validated` when they were computed now rather than read from the model's cache. */
function documentStep(
  model: DocumentModel,
  walk: DocumentWalk,
  withNotice: boolean,
  templateHintHere: boolean,
): { findings: readonly Finding[]; onlyIfFileRelevant: boolean; validated: boolean } {
  const { settings } = walk;
  if (model.templateAt !== undefined) {
    return {
      findings: templateHintHere ? [templateHint(model.templateAt)] : [],
      onlyIfFileRelevant: false,
      validated: false,
    };
  }
  if (!model.relevant) {
    // Objects beside the pods ship with them: a removed apiVersion there fails the same apply.
    // Kept on the model like a pod document's findings, so the walk does not read a released tree.
    const findings =
      cachedFindings(model, walk.key, false) ??
      setSlot<CachedFindings>(model, CACHED_FINDINGS, {
        key: walk.key,
        withNotice: false,
        findings: settings.validate
          ? model.resources.flatMap((resource) => checkResourceIdentity(resource, settings))
          : [],
      }).findings;
    return { findings, onlyIfFileRelevant: true, validated: false };
  }
  // Services in other documents of the file shape the roles, which some rules read.
  const key = walk.withServices ? walk.key + exposureKey(model.pods) : walk.key;
  const cached = cachedFindings(model, key, withNotice);
  if (cached) return { findings: cached, onlyIfFileRelevant: false, validated: false };
  return { findings: findingsOf(model, settings, key, withNotice), onlyIfFileRelevant: false, validated: true };
}

/**
 * Findings of a whole file without keeping its documents: each document's model is
 * dropped as soon as its findings are known. For one-shot linting (the CLI), where
 * nothing asks about the file afterwards, this keeps the heap to the findings alone.
 */
export function lintText(text: string, settings: ServiceSettings): { findings: FileFinding[]; podCount: number } {
  const walk = new FindingsWalk(settings);
  const shifted: { readonly findings: readonly FileFinding[]; readonly onlyIfFileRelevant: boolean }[] = [];
  let fileRelevant = false;
  let podCount = 0;
  const slices = splitDocuments(text);
  const refused = slices.length > MAX_DOCUMENTS;
  const services = refused ? [] : servicesOf(text, slices);
  for (const slice of refused ? [{ index: 0, offset: 0, text }] : slices) {
    const model = refused ? tooManyDocuments(text, slices.length) : buildDocumentModel(slice.text);
    attachFileServices(services, model.pods);
    podCount += model.pods.length;
    fileRelevant ||= model.relevant;
    const step = walk.next({ index: slice.index, offset: slice.offset, model });
    // Shifted findings keep the document's index and offset, not its model.
    if (step)
      shifted.push({
        findings: step.findings.map((finding) => shift(finding, step.document)),
        onlyIfFileRelevant: step.onlyIfFileRelevant,
      });
  }
  const findings: FileFinding[] = [];
  for (const step of shifted) {
    if (step.onlyIfFileRelevant && !fileRelevant) continue;
    for (const finding of step.findings) findings.push(finding);
  }
  return { findings, podCount };
}

/** `kind: Service` on a line of its own (also as a List item); `[ \t]` rather than `\s` keeps the scan linear. */
const SERVICE_KIND = /^[ \t]*(?:-[ \t]+)?kind:[ \t]*["']?Service["']?[ \t]*(?:#[^\r\n]*)?\r?$/m;

/** The Services of a file, from only the documents that may hold one (most files hold none). */
function servicesOf(text: string, slices: readonly DocumentSlice[]): ResourceModel[] {
  if (!SERVICE_KIND.test(text)) return [];
  return slices
    .filter((slice) => SERVICE_KIND.test(slice.text))
    .flatMap((slice) => buildDocumentModel(slice.text).resources.filter((resource) => resource.kind === 'Service'));
}

/**
 * Each document costs a parse and a model however small it is, so a file of a million `---`
 * lines would take minutes: past this many documents (twice what a 10 MB file of real pods
 * holds) the file is refused with one finding, as the pre-scan refuses a document nested
 * too deeply.
 */
export const MAX_DOCUMENTS = 100_000;

/** The whole file as one unparsed document whose only finding says why. */
function tooManyDocuments(text: string, count: number): DocumentModel {
  const finding: Finding = {
    code: 'yaml-syntax',
    severity: 'error',
    message: `This file is not read: it holds ${count.toLocaleString('en-US')} YAML documents, more than the ${MAX_DOCUMENTS.toLocaleString('en-US')} Pod Patterns checks in one file. Split it into smaller files.`,
    range: firstLineRange(text),
    data: { yamlCode: 'TOO_MANY_DOCUMENTS' },
  };
  return {
    text,
    root: null,
    syntaxFindings: [finding],
    resources: [],
    pods: [],
    relevant: mentionsPodKind(text),
    podCount: 0,
    serviceCount: 0,
  };
}

interface DocumentFindingsStep extends DocumentFindings {
  /** Findings on objects beside the pods: reported only when the file holds or names a pod. */
  readonly onlyIfFileRelevant: boolean;
}

/** The decisions of a file's findings, document by document in file order (for `lintText`, which keeps no models). */
class FindingsWalk {
  private readonly walk: DocumentWalk;
  private templateHintGiven = false;
  /** The notice about the target version goes on the file's first pod only. */
  private targetNoticeGiven = false;

  constructor(settings: ServiceSettings) {
    this.walk = { settings, key: settingsKey(settings), withServices: true, noticeDocument: -1, templateDocument: -1 };
  }

  next(document: AnalyzedDocument): DocumentFindingsStep | undefined {
    const { model } = document;
    const templateHintHere =
      model.templateAt !== undefined && !this.templateHintGiven && this.walk.settings.validate && model.relevant;
    if (templateHintHere) this.templateHintGiven = true;
    const withNotice = model.templateAt === undefined && !this.targetNoticeGiven && model.pods.length > 0;
    if (withNotice) this.targetNoticeGiven = true;
    const step = documentStep(model, this.walk, withNotice, templateHintHere);
    return step.findings.length > 0
      ? { document, findings: step.findings, onlyIfFileRelevant: step.onlyIfFileRelevant }
      : undefined;
  }
}

/** One document's findings, ranges relative to the document's text. */
export interface DocumentFindings {
  readonly document: AnalyzedDocument;
  readonly findings: readonly Finding[];
}

function templateHint(templateAt: number): Finding {
  return {
    code: 'template-skipped',
    severity: 'hint',
    message:
      'This document is a template ({{ … }}): Pod Patterns checks rendered manifests only (for example `helm template . | pod-patterns lint -`).',
    range: { start: templateAt, end: templateAt + 2 },
  };
}

/**
 * The models of a new version of a file that the previous version already built: documents
 * equal to one of the previous version keep its model; the others are left to build. An edit
 * changes a run of documents somewhere in the file, so the documents before it and after it are
 * matched in order (versions made by `SplitText.withChange` share the very strings, so most
 * comparisons are of references); only the few in between are looked up by text.
 */
function reusableModels(
  source: SplitText,
  previous: ParsedFile,
): { middle: (DocumentModel | undefined)[]; front: number; back: number } {
  const count = source.documentCount;
  const previousModels = previous.documentCount;
  const earlier = previousModels === previous.source.documentCount ? previous.source : undefined;
  // A version edited from the previous one knows what it shares without comparing documents.
  const shared = earlier && source.sharedWith(earlier);
  let front = shared?.front ?? 0;
  let back = shared?.back ?? 0;
  if (!shared) {
    const same = (i: number, j: number): boolean =>
      earlier !== undefined &&
      (source.sharesDocument(i, earlier, j) || source.documentText(i) === previous.modelAt(j).text);
    while (front < count && front < previousModels && same(front, front)) front++;
    while (back < count - front && back < previousModels - front && same(count - 1 - back, previousModels - 1 - back))
      back++;
  }
  // Only the few documents between the equal runs are looked up by text.
  const byText = new Map<string, DocumentModel>();
  for (let i = front; i < previousModels - back; i++) byText.set(previous.modelAt(i).text, previous.modelAt(i));
  const middle: (DocumentModel | undefined)[] = [];
  for (let i = front; i < count - back; i++) middle.push(byText.get(source.documentText(i)));
  return { middle, front, back };
}

/** What a chunk of models says about its documents, kept on the chunk. */
interface ChunkFacts {
  /** `RELEVANT`, `TEMPLATE` and `POD` of each document. */
  readonly flags: Uint8Array;
  /** Which flag values occur (bit `f` for flags `f`), so a search skips chunks without them. */
  readonly present: number;
  readonly pods: number;
  readonly services: number;
}

const CHUNK_FACTS = Symbol('chunk facts');

function chunkFacts(models: readonly DocumentModel[]): ChunkFacts {
  const flags = new Uint8Array(models.length);
  let present = 0;
  let pods = 0;
  let services = 0;
  for (let i = 0; i < models.length; i++) {
    const model = models[i]!;
    const podsHere = model.podCount;
    const f =
      (model.relevant ? RELEVANT : 0) | (model.templateAt !== undefined ? TEMPLATE : 0) | (podsHere > 0 ? POD : 0);
    flags[i] = f;
    present |= 1 << f;
    pods += podsHere;
    services += model.serviceCount;
  }
  return { flags, present, pods, services };
}

const CACHED_FINDINGS = Symbol('findings');

interface CachedFindings {
  readonly key: string;
  readonly withNotice: boolean;
  readonly findings: readonly Finding[];
}

/** The model's findings when they were computed under this key (no string is built to compare). */
function cachedFindings(model: DocumentModel, key: string, withNotice: boolean): readonly Finding[] | undefined {
  const cached = slotOf<CachedFindings>(model, CACHED_FINDINGS);
  return cached && cached.withNotice === withNotice && cached.key === key ? cached.findings : undefined;
}

function findingsOf(
  model: DocumentModel,
  settings: ServiceSettings,
  settingsKey: string,
  withNotice: boolean,
): readonly Finding[] {
  const cached = cachedFindings(model, settingsKey, withNotice);
  if (cached) return cached;
  const notice = withNotice && settings.validate ? targetVersionNotice(model, settings) : undefined;
  const findings = bounded(
    notice ? [notice, ...validateDocument(model, settings)] : validateDocument(model, settings),
    model.text,
  );
  setSlot<CachedFindings>(model, CACHED_FINDINGS, { key: settingsKey, withNotice, findings });
  return findings;
}

/**
 * Past this many findings in one document nobody reads them one by one, and each costs the
 * editor (and the LSP pipe) as much as any other: the rest are summed up in one finding.
 */
export const MAX_FINDINGS_PER_DOCUMENT = 5000;
/** Messages quote keys and values from the file; a 1 MB key must not become a 1 MB message. */
export const MAX_MESSAGE_LENGTH = 1000;

/**
 * Characters that print as nothing or reorder the text around them: zero-width and bidirectional
 * controls (Unicode format characters), line and paragraph separators. A name from the file that
 * holds them would make its message lie: `"admin\u202e"` turns the rest of the line around.
 */
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]/u;
const EVERY_INVISIBLE = new RegExp(INVISIBLE.source, 'gu');

/** A message as people read it: cut to `MAX_MESSAGE_LENGTH`, invisible characters escaped as Go's `%q` escapes them. */
function readableMessage(message: string): string {
  const cut = message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message;
  if (!INVISIBLE.test(cut)) return cut;
  return cut.replace(EVERY_INVISIBLE, (character) => {
    const code = character.codePointAt(0)!;
    return code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

function bounded(findings: Finding[], text: string): Finding[] {
  const kept = findings.length > MAX_FINDINGS_PER_DOCUMENT ? findings.slice(0, MAX_FINDINGS_PER_DOCUMENT) : findings;
  const out = kept.map((finding) => {
    const message = readableMessage(finding.message);
    const related = finding.related?.map((entry) => {
      const relatedMessage = readableMessage(entry.message);
      return relatedMessage === entry.message ? entry : { ...entry, message: relatedMessage };
    });
    const relatedChanged = related?.some((entry, index) => entry !== finding.related![index]) ?? false;
    if (message === finding.message && !relatedChanged) return finding;
    return { ...finding, message, ...(relatedChanged ? { related } : {}) };
  });
  if (findings.length > kept.length) {
    out.push({
      code: 'too-many-findings',
      severity: 'warning',
      message: `${(findings.length - kept.length).toLocaleString('en-US')} more findings in this document are not shown (only the first ${MAX_FINDINGS_PER_DOCUMENT.toLocaleString('en-US')} are).`,
      range: firstLineRange(text),
    });
  }
  return out;
}

export function shift(finding: Finding, document: AnalyzedDocument): FileFinding {
  const offset = document.offset;
  return {
    ...finding,
    range: { start: finding.range.start + offset, end: finding.range.end + offset },
    related: finding.related?.map((related) => ({
      ...related,
      range: { start: related.range.start + offset, end: related.range.end + offset },
    })),
    documentIndex: document.index,
  };
}

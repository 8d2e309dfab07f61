import { attachFileServices, exposureKey } from './model/serviceExposures';
import type { Finding } from './findings/finding';
import { buildDocumentModel, mentionsPodKind, type DocumentModel } from './model/documentModel';
import type { PodModel, ResourceModel } from './model/podModel';
import { settingsKey, type ServiceSettings } from './settings';
import { setSlot, slotOf } from './slots';
import { firstLineRange, LineIndex } from './text/lineIndex';
import { splitDocuments, type DocumentSlice } from './text/splitDocuments';
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

/**
 * A whole file cut into documents, each with its model. Built from the previous
 * analysis of the same file, so only documents whose text changed are parsed again.
 */
export class ParsedFile {
  readonly documents: readonly AnalyzedDocument[];
  private lineIndexCache: LineIndex | undefined;

  constructor(
    readonly text: string,
    previous?: ParsedFile,
    built?: { readonly slices: readonly DocumentSlice[]; readonly models: readonly DocumentModel[] },
  ) {
    if (built) {
      this.documents = built.slices.map((slice, i) => ({
        index: slice.index,
        offset: slice.offset,
        model: built.models[i]!,
      }));
      attachFileServices(
        built.models.flatMap((model) => model.resources),
        built.models.flatMap((model) => model.pods),
      );
      return;
    }
    const steps = ParsedFile.inSteps(text, previous);
    let step = steps.next();
    while (!step.done) step = steps.next();
    this.documents = step.value.documents;
  }

  /**
   * The same parse, one changed document per step, so a host can yield between documents and
   * answer other requests while a large file is parsed. The file is the generator's return value.
   */
  static *inSteps(text: string, previous?: ParsedFile): Generator<void, ParsedFile, void> {
    const slices = splitDocuments(text);
    if (slices.length > MAX_DOCUMENTS) {
      return new ParsedFile(text, undefined, {
        slices: [{ index: 0, offset: 0, text }] as DocumentSlice[],
        models: [tooManyDocuments(text, slices.length)],
      });
    }
    const models = previous
      ? reusableModels(slices, previous.documents)
      : new Array<DocumentModel | undefined>(slices.length);
    for (let i = 0; i < slices.length; i++) {
      if (models[i]) continue;
      // A fresh copy of the text: a slice would keep this whole version of the file alive for as long as the model lives.
      models[i] = buildDocumentModel(previous ? copyOf(slices[i]!.text) : slices[i]!.text);
      yield;
    }
    return new ParsedFile(text, undefined, { slices, models: models as DocumentModel[] });
  }

  get lineIndex(): LineIndex {
    return (this.lineIndexCache ??= new LineIndex(this.text));
  }

  get pods(): LocatedPod[] {
    return this.documents.flatMap((document) => document.model.pods.map((pod) => ({ document, pod })));
  }

  get hasPods(): boolean {
    return this.documents.some((document) => document.model.pods.length > 0);
  }

  /** Whether any document holds or names a pod: the only files the product reports on. */
  get isRelevant(): boolean {
    return this.documents.some((document) => document.model.relevant);
  }

  /** The document that contains a file offset. */
  documentAt(offset: number): AnalyzedDocument | undefined {
    let found: AnalyzedDocument | undefined;
    for (const document of this.documents) {
      if (document.offset <= offset) found = document;
      else break;
    }
    return found;
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

  /** `documentFindings`, one document per step (findings are cached per model, so a later call costs lookups). */
  *documentFindingsInSteps(settings: ServiceSettings): Generator<void, DocumentFindings[], void> {
    const walk = new FindingsWalk(settings);
    const fileRelevant = this.isRelevant;
    const out: DocumentFindings[] = [];
    for (const document of this.documents) {
      const step = walk.next(document);
      if (step && (!step.onlyIfFileRelevant || fileRelevant)) out.push(step);
      yield;
    }
    return out;
  }
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
  return { text, root: null, syntaxFindings: [finding], resources: [], pods: [], relevant: mentionsPodKind(text) };
}

interface DocumentFindingsStep extends DocumentFindings {
  /** Findings on objects beside the pods: reported only when the file holds or names a pod. */
  readonly onlyIfFileRelevant: boolean;
}

/** The decisions of a file's findings, document by document in file order. */
class FindingsWalk {
  private readonly key: string;
  private templateHintGiven = false;
  /** The notice about the target version goes on the file's first pod only. */
  private targetNoticeGiven = false;

  constructor(private readonly settings: ServiceSettings) {
    this.key = settingsKey(settings);
  }

  next(document: AnalyzedDocument): DocumentFindingsStep | undefined {
    const { model } = document;
    const settings = this.settings;
    if (model.templateAt !== undefined) {
      if (this.templateHintGiven || !settings.validate || !model.relevant) return undefined;
      this.templateHintGiven = true;
      return { document, findings: [templateHint(model.templateAt)], onlyIfFileRelevant: false };
    }
    if (!model.relevant) {
      // Objects beside the pods ship with them: a removed apiVersion there fails the same apply.
      if (!settings.validate) return undefined;
      const findings = model.resources.flatMap((resource) => checkResourceIdentity(resource, settings));
      return findings.length > 0 ? { document, findings, onlyIfFileRelevant: true } : undefined;
    }
    const withNotice = !this.targetNoticeGiven && model.pods.length > 0;
    if (withNotice) this.targetNoticeGiven = true;
    // Services in other documents of the file shape the roles, which some rules read.
    const findings = findingsOf(model, settings, this.key + exposureKey(model.pods), withNotice);
    return findings.length > 0 ? { document, findings, onlyIfFileRelevant: false } : undefined;
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
 * matched in order (a string comparison each, no hashing of the whole file); only the few in
 * between are looked up by text.
 */
function reusableModels(
  slices: readonly DocumentSlice[],
  previous: readonly AnalyzedDocument[],
): (DocumentModel | undefined)[] {
  const models: (DocumentModel | undefined)[] = new Array(slices.length);
  let front = 0;
  while (front < slices.length && front < previous.length && slices[front]!.text === previous[front]!.model.text) {
    models[front] = previous[front]!.model;
    front++;
  }
  let back = 0;
  while (
    back < slices.length - front &&
    back < previous.length - front &&
    slices[slices.length - 1 - back]!.text === previous[previous.length - 1 - back]!.model.text
  ) {
    models[slices.length - 1 - back] = previous[previous.length - 1 - back]!.model;
    back++;
  }
  const middle = new Map<string, DocumentModel>();
  for (let i = front; i < previous.length - back; i++) middle.set(previous[i]!.model.text, previous[i]!.model);
  for (let i = front; i < slices.length - back; i++) models[i] = middle.get(slices[i]!.text);
  return models;
}

/** A string with its own storage (engines may share a slice's storage with the string it was cut from). */
function copyOf(text: string): string {
  return text.length === 0 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

const CACHED_FINDINGS = Symbol('findings');

function findingsOf(
  model: DocumentModel,
  settings: ServiceSettings,
  settingsKey: string,
  withNotice: boolean,
): readonly Finding[] {
  const key = withNotice ? `${settingsKey}|notice` : settingsKey;
  const cached = slotOf<{ key: string; findings: readonly Finding[] }>(model, CACHED_FINDINGS);
  if (cached && cached.key === key) return cached.findings;
  const notice = withNotice && settings.validate ? targetVersionNotice(model, settings) : undefined;
  const findings = bounded(
    notice ? [notice, ...validateDocument(model, settings)] : validateDocument(model, settings),
    model.text,
  );
  setSlot(model, CACHED_FINDINGS, { key, findings });
  return findings;
}

/**
 * Past this many findings in one document nobody reads them one by one, and each costs the
 * editor (and the LSP pipe) as much as any other: the rest are summed up in one finding.
 */
export const MAX_FINDINGS_PER_DOCUMENT = 5000;
/** Messages quote keys and values from the file; a 1 MB key must not become a 1 MB message. */
export const MAX_MESSAGE_LENGTH = 1000;

function bounded(findings: Finding[], text: string): Finding[] {
  const kept = findings.length > MAX_FINDINGS_PER_DOCUMENT ? findings.slice(0, MAX_FINDINGS_PER_DOCUMENT) : findings;
  const out = kept.map((finding) =>
    finding.message.length > MAX_MESSAGE_LENGTH
      ? { ...finding, message: `${finding.message.slice(0, MAX_MESSAGE_LENGTH)}…` }
      : finding,
  );
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

import type { Finding } from './findings/finding';
import { buildDocumentModel, type DocumentModel } from './model/documentModel';
import type { PodModel } from './model/podModel';
import { settingsKey, type ServiceSettings } from './settings';
import { LineIndex } from './text/lineIndex';
import { splitDocuments, type DocumentSlice } from './text/splitDocuments';
import { checkResourceIdentity } from './validation/resourceIdentity';
import { validateDocument } from './validation/validateDocument';

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
export class FileAnalysis {
  readonly documents: readonly AnalyzedDocument[];
  private lineIndexCache: LineIndex | undefined;

  constructor(readonly text: string, previous?: FileAnalysis) {
    const slices = splitDocuments(text);
    const models = previous ? reuseModels(slices, previous.documents) : slices.map((slice) => buildDocumentModel(slice.text));
    this.documents = slices.map((slice, i) => ({ index: slice.index, offset: slice.offset, model: models[i]! }));
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
    const out: DocumentFindings[] = [];
    eachDocumentFindings(this.documents, settings, true, (document, findings) => out.push({ document, findings }));
    return out;
  }
}

/** What `lintText` reports of a file. */
export interface FileLint {
  readonly findings: FileFinding[];
  readonly podCount: number;
}

/**
 * The findings of a file seen once (the CLI): the same findings as
 * `new FileAnalysis(text).findings(settings)`, but each document's tree is dropped as soon
 * as its findings are known. Keeping every tree of a large file alive until the end makes
 * the garbage collector copy and mark all of them again and again; this way the heap
 * holds about one document at a time.
 */
export function lintText(text: string, settings: ServiceSettings): FileLint {
  const findings: FileFinding[] = [];
  let podCount = 0;
  function* documents(): Generator<AnalyzedDocument> {
    for (const slice of splitDocuments(text)) {
      const model = buildDocumentModel(slice.text);
      podCount += model.pods.length;
      yield { index: slice.index, offset: slice.offset, model };
    }
  }
  eachDocumentFindings(documents(), settings, false, (document, documentFindings) => {
    for (const finding of documentFindings) findings.push(shift(finding, document));
  });
  return { findings, podCount };
}

/**
 * Each document's findings, in file order, with ranges relative to the document. Objects
 * that are not pods are checked only when the file holds a pod somewhere, which may be
 * known only further down: they wait until the first relevant document (or the end).
 * `reuse` keeps the findings with the model for the next analysis of the same text.
 */
function eachDocumentFindings(
  documents: Iterable<AnalyzedDocument>,
  settings: ServiceSettings,
  reuse: boolean,
  emit: (document: AnalyzedDocument, findings: readonly Finding[]) => void,
): void {
  const key = settingsKey(settings);
  let templateHintGiven = false;
  let fileRelevant = false;
  let waiting: AnalyzedDocument[] = [];
  const checkIdentity = (document: AnalyzedDocument) => {
    // Objects beside the pods ship with them: a removed apiVersion there fails the same apply.
    const findings = document.model.resources.flatMap((resource) => checkResourceIdentity(resource, settings));
    if (findings.length > 0) emit(document, findings);
  };
  for (const document of documents) {
    const { model } = document;
    if (model.relevant && !fileRelevant) {
      fileRelevant = true;
      for (const earlier of waiting) checkIdentity(earlier);
      waiting = [];
    }
    if (model.templateAt !== undefined) {
      if (!templateHintGiven && settings.validate && model.relevant) {
        templateHintGiven = true;
        emit(document, [templateHint(model.templateAt)]);
      }
      continue;
    }
    if (!model.relevant) {
      if (!settings.validate) continue;
      if (fileRelevant) checkIdentity(document);
      else waiting.push(document);
      continue;
    }
    const findings = reuse ? findingsOf(model, settings, key) : bounded(validateDocument(model, settings), model.text);
    if (findings.length > 0) emit(document, findings);
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
    message: 'This document is a template ({{ … }}): Pod Patterns checks rendered manifests only (for example `helm template . | pod-patterns lint -`).',
    range: { start: templateAt, end: templateAt + 2 },
  };
}

/**
 * The models of a new version of a file: documents equal to one of the previous version
 * keep its model. An edit changes a run of documents somewhere in the file, so the
 * documents before it and after it are matched in order (a string comparison each, no
 * hashing of the whole file); only the few in between are looked up by text.
 */
function reuseModels(slices: readonly DocumentSlice[], previous: readonly AnalyzedDocument[]): DocumentModel[] {
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
  for (let i = front; i < slices.length - back; i++) {
    const text = slices[i]!.text;
    // A fresh copy of the text: a slice would keep this whole version of the file alive for as long as the model lives.
    models[i] = middle.get(text) ?? buildDocumentModel(copyOf(text));
  }
  return models as DocumentModel[];
}

/** A string with its own storage (engines may share a slice's storage with the string it was cut from). */
function copyOf(text: string): string {
  return text.length === 0 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

const cachedFindings = new WeakMap<DocumentModel, { key: string; findings: readonly Finding[] }>();

function findingsOf(model: DocumentModel, settings: ServiceSettings, key: string): readonly Finding[] {
  const cached = cachedFindings.get(model);
  if (cached && cached.key === key) return cached.findings;
  const findings = bounded(validateDocument(model, settings), model.text);
  cachedFindings.set(model, { key, findings });
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
    finding.message.length > MAX_MESSAGE_LENGTH ? { ...finding, message: `${finding.message.slice(0, MAX_MESSAGE_LENGTH)}…` } : finding,
  );
  if (findings.length > kept.length) {
    const firstLineEnd = text.indexOf('\n');
    out.push({
      code: 'too-many-findings',
      severity: 'warning',
      message: `${(findings.length - kept.length).toLocaleString('en-US')} more findings in this document are not shown (only the first ${MAX_FINDINGS_PER_DOCUMENT.toLocaleString('en-US')} are).`,
      range: { start: 0, end: firstLineEnd < 0 ? text.length : firstLineEnd },
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

import type { Finding } from './findings/finding';
import { buildDocumentModel, type DocumentModel } from './model/documentModel';
import type { PodModel } from './model/podModel';
import { settingsKey, type ServiceSettings } from './settings';
import { LineIndex } from './text/lineIndex';
import { splitDocuments } from './text/splitDocuments';
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
    const reusable = new Map<string, DocumentModel>();
    if (previous) for (const document of previous.documents) reusable.set(document.model.text, document.model);
    this.documents = splitDocuments(text).map((slice) => ({
      index: slice.index,
      offset: slice.offset,
      model: reusable.get(slice.text) ?? buildDocumentModel(slice.text),
    }));
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
    const key = settingsKey(settings);
    const out: FileFinding[] = [];
    let templateHintGiven = false;
    for (const document of this.documents) {
      const { model } = document;
      if (model.templateAt !== undefined) {
        if (!templateHintGiven && settings.validate && model.relevant) {
          templateHintGiven = true;
          out.push({
            code: 'template-skipped',
            severity: 'hint',
            message: 'This document is a template ({{ … }}): Pod Patterns checks rendered manifests only (for example `helm template . | pod-patterns lint -`).',
            range: { start: document.offset + model.templateAt, end: document.offset + model.templateAt + 2 },
            documentIndex: document.index,
          });
        }
        continue;
      }
      if (!model.relevant) continue;
      for (const finding of findingsOf(model, settings, key)) {
        out.push(shift(finding, document));
      }
    }
    return out;
  }
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
export const MAX_FINDINGS_PER_DOCUMENT = 500;
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
      message: `${(findings.length - kept.length).toLocaleString('en-US')} more findings in this document are not shown (only the first ${MAX_FINDINGS_PER_DOCUMENT} are).`,
      range: { start: 0, end: firstLineEnd < 0 ? text.length : firstLineEnd },
    });
  }
  return out;
}

function shift(finding: Finding, document: AnalyzedDocument): FileFinding {
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

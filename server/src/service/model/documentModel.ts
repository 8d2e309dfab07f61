import type { Finding } from '../findings/finding';
import { parseYamlDocument } from '../yaml/parseYaml';
import type { YNode } from '../yaml/nodes';
import { findResources } from './buildPodModel';
import { linesOf } from '../text/lineBreaks';
import type { PodModel, ResourceModel } from './podModel';
import { mentionsPodKind } from '../../shared/podKinds';

export { mentionsPodKind };

/**
 * Everything known about one YAML document that does not depend on settings: its tree,
 * its syntax findings, the objects in it and their pod models. Built once per distinct
 * document text and shared by every feature.
 */
export interface DocumentModel {
  readonly text: string;
  readonly root: YNode | null;
  readonly syntaxFindings: readonly Finding[];
  readonly resources: readonly ResourceModel[];
  readonly pods: readonly PodModel[];
  /** Where a template expression (`{{ … }}`) was found; such documents are not validated. */
  readonly templateAt?: number;
  /**
   * True when the document holds a pod or names a pod-bearing kind: only such documents
   * get findings, so YAML files that are not Kubernetes pods are never touched.
   */
  readonly relevant: boolean;
  /** How many pods and Services the document holds: known without reading a released tree. */
  readonly podCount: number;
  readonly serviceCount: number;
}

/**
 * The first YAML syntax error of a document, if any. The parser recovers from errors with a tree
 * that may misread the author's intent (a tab-indented list becomes a key named after it), so
 * nothing is computed on such a tree: no schema or rule finding, no description, no drawing, no
 * insertion.
 */
export function firstSyntaxError(document: DocumentModel): Finding | undefined {
  return document.syntaxFindings.find((finding) => finding.code === 'yaml-syntax' && finding.severity === 'error');
}

const TEMPLATE_EXPRESSION = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/;

/** What parsing a document yields: the part of a model that is dropped and rebuilt on demand. */
interface ParsedParts {
  readonly root: YNode | null;
  readonly syntaxFindings: readonly Finding[];
  readonly resources: readonly ResourceModel[];
  readonly pods: readonly PodModel[];
}

const TEMPLATE_PARTS: ParsedParts = { root: null, syntaxFindings: [], resources: [], pods: [] };

/**
 * A document's model whose tree and pod models (about 35 KB for a 1.3 KB pod) can be let go
 * once its findings are known (`releaseParts`): they are then held only weakly, and the next
 * reader after a garbage collection parses the document's text again, which gives the same
 * tree. What the file needs of every document on each keystroke (relevant, template, how many
 * pods and Services) and everything cached on the model itself (findings, outline, folds,
 * links) stays, so a large open file keeps little more than its text and its findings.
 */
class LazyDocumentModel implements DocumentModel {
  readonly relevant: boolean;
  readonly templateAt?: number;
  readonly podCount: number;
  readonly serviceCount: number;
  private held: ParsedParts | undefined;
  private weak: WeakRef<ParsedParts> | undefined;

  constructor(
    readonly text: string,
    parts: ParsedParts,
    templateAt: number | undefined,
  ) {
    this.held = parts;
    if (templateAt !== undefined) this.templateAt = templateAt;
    this.podCount = parts.pods.length;
    let services = 0;
    for (const resource of parts.resources) if (resource.kind === 'Service') services++;
    this.serviceCount = services;
    this.relevant = parts.pods.length > 0 || mentionsPodKind(text);
  }

  get root(): YNode | null {
    return this.parts().root;
  }
  get syntaxFindings(): readonly Finding[] {
    return this.parts().syntaxFindings;
  }
  get resources(): readonly ResourceModel[] {
    return this.parts().resources;
  }
  get pods(): readonly PodModel[] {
    return this.parts().pods;
  }

  /**
   * Holds the parts weakly from now on (until `keepParts`); `drop` lets them go at once, for parts
   * nothing else has read (then they die young instead of waiting for a full collection).
   */
  release(drop = false): void {
    if (this.held === undefined || this.held === TEMPLATE_PARTS) return;
    this.weak = drop ? undefined : new WeakRef(this.held);
    this.held = undefined;
  }

  /** Holds the parts strongly again (what is cached on the pods must then outlive collections). */
  keep(): void {
    this.held = this.parts();
    this.weak = undefined;
  }

  private parts(): ParsedParts {
    if (this.held) return this.held;
    let parts = this.weak?.deref();
    if (!parts) {
      parts = parseParts(this.text);
      this.weak = new WeakRef(parts);
    }
    return parts;
  }
}

function parseParts(text: string): ParsedParts {
  const { root, findings } = parseYamlDocument(text);
  const resources = findResources(root);
  const pods: PodModel[] = [];
  for (const resource of resources) if (resource.pod) pods.push(resource.pod);
  return { root, syntaxFindings: findings, resources, pods };
}

export function buildDocumentModel(text: string): DocumentModel {
  const templateAt = findTemplateExpression(text);
  return new LazyDocumentModel(text, templateAt !== undefined ? TEMPLATE_PARTS : parseParts(text), templateAt);
}

/**
 * Lets a model's tree and pod models be collected (they are parsed again when read): they are
 * held weakly until a collection, or let go at once with `drop` (parts only the caller has read).
 */
export function releaseParts(model: DocumentModel, drop = false): void {
  if (model instanceof LazyDocumentModel) model.release(drop);
}

/** Keeps a model's tree and pod models (after `releaseParts`) for as long as the model lives. */
export function keepParts(model: DocumentModel): void {
  if (model instanceof LazyDocumentModel) model.keep();
}

/** Offset of the first template expression outside a comment, if any. */
function findTemplateExpression(text: string): number | undefined {
  if (!text.includes('{{') && !text.includes('{%')) return undefined;
  for (const line of linesOf(text)) {
    if (/^\s*#/.test(line.content)) continue;
    const match = TEMPLATE_EXPRESSION.exec(line.content);
    if (match) return line.start + match.index;
  }
  return undefined;
}

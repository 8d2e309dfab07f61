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

export function buildDocumentModel(text: string): DocumentModel {
  const templateAt = findTemplateExpression(text);
  if (templateAt !== undefined) {
    return {
      text,
      root: null,
      syntaxFindings: [],
      resources: [],
      pods: [],
      templateAt,
      relevant: mentionsPodKind(text),
    };
  }
  const { root, findings } = parseYamlDocument(text);
  const resources = findResources(root);
  const pods: PodModel[] = [];
  for (const resource of resources) if (resource.pod) pods.push(resource.pod);
  return { text, root, syntaxFindings: findings, resources, pods, relevant: pods.length > 0 || mentionsPodKind(text) };
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

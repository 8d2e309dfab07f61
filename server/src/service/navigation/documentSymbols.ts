import { analyzePod } from '../analysis/analyzePod';
import type { OffsetRange } from '../edits/textEdits';
import type { ContainerModel, PodModel, ResourceModel } from '../model/podModel';
import type { AnalyzedDocument, ParsedFile } from '../parsedFile';
import { getMap, getScalar, type Range, type YNode, type YPair } from '../yaml/nodes';
import { setSlot, slotOf } from '../slots';
import { trimmedEnd } from './treeWalk';

/** What an outline entry stands for; the LSP host picks an icon for each. */
export type OutlineKind = 'object' | 'list' | 'container' | 'volume';

export interface OutlineSymbol {
  readonly name: string;
  /** The container's role, the volume's source, … */
  readonly detail?: string;
  readonly kind: OutlineKind;
  /** The whole entry. */
  readonly range: OffsetRange;
  /** The name inside it. */
  readonly selectionRange: OffsetRange;
  readonly children: readonly OutlineSymbol[];
}

const ROLE_WORDS: Readonly<Record<string, string>> = {
  init: 'init container',
  'native-sidecar': 'native sidecar',
  main: 'main container',
  sidecar: 'sidecar',
  adapter: 'adapter',
  ambassador: 'ambassador',
};

/**
 * The file's outline: each object (kind and name); for a pod, its init containers in start
 * order, its containers with their roles, and its volumes with their sources.
 */
export function documentSymbolsOf(file: ParsedFile): OutlineSymbol[] {
  return file.documents.flatMap((document) =>
    documentOutline(document).map((symbol) => shifted(symbol, document.offset)),
  );
}

const OUTLINE = Symbol('outline');

/** One document's outline in offsets of its own text, kept on its model. */
function documentOutline(document: AnalyzedDocument): readonly OutlineSymbol[] {
  const cached = slotOf<readonly OutlineSymbol[]>(document.model, OUTLINE);
  if (cached) return cached;
  const atStart: AnalyzedDocument = { index: document.index, offset: 0, model: document.model };
  const outline: OutlineSymbol[] = [];
  for (const resource of document.model.resources) {
    const symbol = resourceSymbol(atStart, resource);
    if (symbol) outline.push(symbol);
  }
  return setSlot(document.model, OUTLINE, outline);
}

function shifted(symbol: OutlineSymbol, offset: number): OutlineSymbol {
  return {
    ...symbol,
    range: { start: symbol.range.start + offset, end: symbol.range.end + offset },
    selectionRange: { start: symbol.selectionRange.start + offset, end: symbol.selectionRange.end + offset },
    children: symbol.children.map((child) => shifted(child, offset)),
  };
}

function toFile(document: AnalyzedDocument, range: Range): OffsetRange {
  const trimmed = trimmedEnd(document.model.text, range);
  return { start: document.offset + trimmed.start, end: document.offset + trimmed.end };
}

function resourceSymbol(document: AnalyzedDocument, resource: ResourceModel): OutlineSymbol | undefined {
  if (resource.kind === undefined) return undefined;
  const nameNode = getScalar(getMap(resource.root, 'metadata'), 'name');
  const name = nameNode?.value == null ? undefined : String(nameNode.value);
  const kindNode = resource.root.pairs.find((pair) => pair.key.value === 'kind')!;
  return {
    name: name === undefined ? resource.kind : `${resource.kind} ${name}`,
    ...(resource.apiVersion ? { detail: resource.apiVersion } : {}),
    kind: 'object',
    range: toFile(document, resource.root.range),
    selectionRange: toFile(document, (nameNode ?? kindNode.value ?? kindNode.key).range),
    children: resource.pod ? podChildren(document, resource.pod) : [],
  };
}

function podChildren(document: AnalyzedDocument, pod: PodModel): OutlineSymbol[] {
  const analysis = analyzePod(pod);
  const containerSymbol = (container: ContainerModel): OutlineSymbol =>
    leaf(
      document,
      container.node,
      container.nameNode,
      container.name,
      'container',
      ROLE_WORDS[analysis.roleOf(container)],
    );
  const groups: OutlineSymbol[] = [];
  const group = (pair: YPair | undefined, children: OutlineSymbol[]): void => {
    if (pair && children.length > 0)
      groups.push({
        name: String(pair.key.value),
        kind: 'list',
        range: toFile(document, pair.range),
        selectionRange: toFile(document, pair.key.range),
        children,
      });
  };
  group(
    pod.initContainersPair,
    pod.containers.filter((container) => container.listKey === 'initContainers').map(containerSymbol),
  );
  group(
    pod.containersPair,
    pod.containers.filter((container) => container.listKey === 'containers').map(containerSymbol),
  );
  group(
    pod.volumesPair,
    pod.volumes.map((volume) => leaf(document, volume.node, volume.nameNode, volume.name, 'volume', volume.type)),
  );
  return groups;
}

function leaf(
  document: AnalyzedDocument,
  node: YNode,
  nameNode: YNode | undefined,
  name: string | undefined,
  kind: OutlineKind,
  detail: string | undefined,
): OutlineSymbol {
  const range = toFile(document, node.range);
  return {
    name: name ?? '(unnamed)',
    ...(detail ? { detail } : {}),
    kind,
    range,
    selectionRange: nameNode ? toFile(document, nameNode.range) : { start: range.start, end: range.start },
    children: [],
  };
}

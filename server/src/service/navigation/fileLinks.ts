import { containerServing, selectsPod } from '../model/serviceExposures';
import type { PodModel, ResourceModel } from '../model/podModel';
import type { AnalyzedDocument, ParsedFile } from '../parsedFile';
import { get, getIn, getMap, getString, isMap, type YMap, type YNode, type YScalar } from '../yaml/nodes';
import { collectPodLinks, containerScopeOf, mapItems, podScope, stringScalar } from './podLinks';
import { setSlot, slotOf } from '../slots';
import {
  RecordedLinks,
  scalarOccurrence,
  SymbolCollector,
  SymbolIndex,
  type LinkKind,
  type LinkSink,
} from './symbolIndex';

interface LocatedResource {
  readonly document: AnalyzedDocument;
  readonly resource: ResourceModel;
}

/**
 * Every linked name of a file: each document's own links (kept on its model), then the links
 * between the file's objects that a Service makes.
 */
export function buildSymbolIndex(file: ParsedFile): SymbolIndex {
  const collector = new SymbolCollector();
  const resources: LocatedResource[] = [];
  for (const document of file.documents) {
    documentLinks(document).replayInto(collector, document.offset);
    for (const resource of document.model.resources) resources.push({ document, resource });
  }
  linkServices(collector, resources);
  return collector.build();
}

const DOCUMENT_LINKS = Symbol('document links');

/** The links inside one document, in its own offsets; computed once per model. */
export function documentLinks(document: AnalyzedDocument): RecordedLinks {
  const cached = slotOf<RecordedLinks>(document.model, DOCUMENT_LINKS);
  if (cached) return cached;
  const links = new RecordedLinks();
  const atStart: AnalyzedDocument = { index: document.index, offset: 0, model: document.model };
  for (const resource of document.model.resources) {
    if (resource.pod) {
      collectPodLinks(links, atStart, resource.pod);
      linkOwnSelector(links, atStart, resource.pod);
      linkConfigReferences(links, atStart, resource.pod, namespaceOf(resource.root));
    }
    linkConfigObject(links, atStart, resource);
  }
  return setSlot(document.model, DOCUMENT_LINKS, links);
}

/** An object's namespace as written; an object without one shares the namespace kubectl applies it to. */
function namespaceOf(root: YMap): string {
  return getString(getMap(root, 'metadata'), 'namespace') ?? '';
}

function labelDefinitions(collector: LinkSink, document: AnalyzedDocument, pod: PodModel): void {
  for (const [key, pair] of pod.labels.pairs)
    collector.add('label', podScope(document, pod), key, scalarOccurrence(document, pair.key, 'definition'));
}

/** A workload's own selector names its template's labels (apps/v1 requires them to match). */
function linkOwnSelector(collector: LinkSink, document: AnalyzedDocument, pod: PodModel): void {
  labelDefinitions(collector, document, pod);
  const selectorPath = pod.shape.selectorPath;
  if (!selectorPath) return;
  const selector = getIn(pod.root, selectorPath);
  const labels = pod.shape.selectorStyle === 'labels' ? selector : get(selector, 'matchLabels');
  if (!isMap(labels)) return;
  for (const pair of labels.pairs) {
    const key = pair.key.value;
    if (typeof key === 'string' && pod.labels.pairs.has(key))
      collector.add('label', podScope(document, pod), key, scalarOccurrence(document, pair.key, 'reference'));
  }
}

/** A Service's selector keys name the labels of the pods it selects; a named targetPort names their port. */
function linkServices(collector: LinkSink, resources: readonly LocatedResource[]): void {
  const services = resources.filter(({ resource }) => resource.kind === 'Service');
  if (services.length === 0) return;
  for (const { document: podDocument, resource } of resources) {
    const pod = resource.pod;
    if (!pod) continue;
    const scope = podScope(podDocument, pod);
    for (const { document, resource: service } of services) {
      if (namespaceOf(service.root) !== namespaceOf(pod.root) || !selectsPod(service, pod)) continue;
      const spec = getMap(service.root, 'spec');
      for (const pair of getMap(spec, 'selector')?.pairs ?? [])
        collector.add('label', scope, String(pair.key.value), scalarOccurrence(document, pair.key, 'reference'));
      for (const port of mapItems(get(spec, 'ports'))) {
        const target = stringScalar(get(port, 'targetPort'));
        if (!target || /^\d+$/.test(target.value as string)) continue;
        const container = containerServing(pod, target.value as string);
        if (!container) continue;
        collector.add(
          'port',
          containerScopeOf(scope, container),
          target.value as string,
          scalarOccurrence(document, target, 'reference'),
        );
      }
    }
  }
}

/** Where a pod names a ConfigMap or a Secret (and one of its keys). */
function linkConfigReferences(collector: LinkSink, document: AnalyzedDocument, pod: PodModel, namespace: string): void {
  const reference = (kind: 'configMap' | 'secret', name: YScalar | undefined, keys: readonly YNode[] = []): void => {
    if (!name) return;
    collector.add(kind, namespace, name.value as string, scalarOccurrence(document, name, 'reference'));
    for (const keyNode of keys) {
      const key = stringScalar(keyNode);
      if (key)
        collector.add(
          kind === 'configMap' ? 'configMapKey' : 'secretKey',
          `${namespace}/${name.value as string}`,
          key.value as string,
          scalarOccurrence(document, key, 'reference'),
        );
    }
  };
  const itemKeys = (source: YNode | null | undefined): YNode[] =>
    mapItems(get(source, 'items')).flatMap((item) => get(item, 'key') ?? []);
  for (const volume of pod.volumes) {
    for (const source of volume.sources) {
      if (source.key.value === 'configMap')
        reference('configMap', stringScalar(get(source.value, 'name')), itemKeys(source.value));
      if (source.key.value === 'secret')
        reference('secret', stringScalar(get(source.value, 'secretName')), itemKeys(source.value));
      if (source.key.value !== 'projected') continue;
      for (const projection of mapItems(get(source.value, 'sources'))) {
        const configMap = get(projection, 'configMap');
        const secret = get(projection, 'secret');
        reference('configMap', stringScalar(get(configMap, 'name')), itemKeys(configMap));
        reference('secret', stringScalar(get(secret, 'name')), itemKeys(secret));
      }
    }
  }
  for (const container of pod.containers) {
    for (const entry of container.env) {
      const configMapKey = get(entry.valueFrom, 'configMapKeyRef');
      const secretKey = get(entry.valueFrom, 'secretKeyRef');
      reference('configMap', stringScalar(get(configMapKey, 'name')), [get(configMapKey, 'key') ?? []].flat());
      reference('secret', stringScalar(get(secretKey, 'name')), [get(secretKey, 'key') ?? []].flat());
    }
    for (const source of mapItems(get(container.map, 'envFrom'))) {
      reference('configMap', stringScalar(get(get(source, 'configMapRef'), 'name')));
      reference('secret', stringScalar(get(get(source, 'secretRef'), 'name')));
    }
  }
  for (const pullSecret of mapItems(get(pod.spec, 'imagePullSecrets')))
    reference('secret', stringScalar(get(pullSecret, 'name')));
}

/** A ConfigMap or Secret: its name and data keys are the definitions. */
function linkConfigObject(collector: LinkSink, document: AnalyzedDocument, resource: ResourceModel): void {
  const kind: 'configMap' | 'secret' | undefined =
    resource.apiVersion !== 'v1'
      ? undefined
      : resource.kind === 'ConfigMap'
        ? 'configMap'
        : resource.kind === 'Secret'
          ? 'secret'
          : undefined;
  if (!kind) return;
  const nameNode = stringScalar(get(getMap(resource.root, 'metadata'), 'name'));
  if (!nameNode) return;
  const namespace = namespaceOf(resource.root);
  collector.add(kind, namespace, nameNode.value as string, scalarOccurrence(document, nameNode, 'definition'));
  const keyKind: LinkKind = kind === 'configMap' ? 'configMapKey' : 'secretKey';
  const dataFields = kind === 'configMap' ? ['data', 'binaryData'] : ['data', 'stringData'];
  for (const field of dataFields) {
    for (const pair of getMap(resource.root, field)?.pairs ?? []) {
      if (typeof pair.key.value === 'string')
        collector.add(
          keyKind,
          `${namespace}/${nameNode.value as string}`,
          pair.key.value,
          scalarOccurrence(document, pair.key, 'definition'),
        );
    }
  }
}

import { DEFAULT_CONTAINER_ANNOTATION, ROLES_ANNOTATION } from '../analysis/roles';
import type { ContainerModel, PodModel } from '../model/podModel';
import type { AnalyzedDocument } from '../parsedFile';
import { get, getMap, getScalar, isMap, isScalar, type YMap, type YNode, type YScalar } from '../yaml/nodes';
import { embeddedOccurrence, modelIdOf, scalarOccurrence, type LinkSink } from './symbolIndex';

/** Names a pod links inside itself: volumes, ports, env vars, containers, resource claims. */
export function collectPodLinks(collector: LinkSink, document: AnalyzedDocument, pod: PodModel): void {
  const scope = podScope(document, pod);
  linkVolumes(collector, document, pod, scope);
  linkContainerNames(collector, document, pod, scope);
  linkResourceClaims(collector, document, pod, scope);
  for (const container of pod.containers) {
    const containerScope = containerScopeOf(scope, container);
    linkNamedPorts(collector, document, container, containerScope);
    linkEnvReferences(collector, document, container, containerScope);
  }
}

/** Where a pod's names are unique: its document's model and its object's place in it. */
export function podScope(document: AnalyzedDocument, pod: PodModel): string {
  return `${modelIdOf(document.model)}:${pod.root.range.start}`;
}

/** Port names and env vars are unique per container. */
export function containerScopeOf(podScopeText: string, container: ContainerModel): string {
  return `${podScopeText}/${container.listKey}[${container.index}]`;
}

function stringScalar(node: YNode | null | undefined): YScalar | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node : undefined;
}

function mapItems(node: YNode | null | undefined): YMap[] {
  return node && node.kind === 'seq' ? node.items.filter(isMap) : [];
}

function linkVolumes(collector: LinkSink, document: AnalyzedDocument, pod: PodModel, scope: string): void {
  for (const volume of pod.volumes) {
    if (volume.name !== undefined)
      collector.add('volume', scope, volume.name, scalarOccurrence(document, volume.nameNode, 'definition'));
  }
  for (const container of pod.containers) {
    for (const mount of container.volumeMounts) {
      if (mount.name !== undefined)
        collector.add('volume', scope, mount.name, scalarOccurrence(document, mount.nameNode, 'reference'));
    }
    for (const device of mapItems(get(container.map, 'volumeDevices'))) {
      const name = stringScalar(get(device, 'name'));
      if (name) collector.add('volume', scope, name.value as string, scalarOccurrence(document, name, 'reference'));
    }
  }
}

/**
 * A container's name is written again in the default-container annotation, in our roles
 * annotation (`name=role`) and in `resourceFieldRef.containerName` (env and downward API
 * volumes): a rename must reach them all, or it leaves a dangling name behind.
 */
function linkContainerNames(collector: LinkSink, document: AnalyzedDocument, pod: PodModel, scope: string): void {
  for (const container of pod.containers) {
    if (container.name !== undefined)
      collector.add('container', scope, container.name, scalarOccurrence(document, container.nameNode, 'definition'));
  }
  const defaultContainer = stringScalar(pod.annotations.pairs.get(DEFAULT_CONTAINER_ANNOTATION)?.value);
  if (defaultContainer)
    collector.add(
      'container',
      scope,
      defaultContainer.value as string,
      scalarOccurrence(document, defaultContainer, 'reference'),
    );
  const roles = stringScalar(pod.annotations.pairs.get(ROLES_ANNOTATION)?.value);
  if (roles && roles.style !== 'block') {
    const raw = document.model.text.slice(roles.range.start, roles.range.end);
    for (const match of raw.matchAll(/([^\s,="']+)\s*=/g)) {
      const start = roles.range.start + match.index;
      collector.add(
        'container',
        scope,
        match[1]!,
        embeddedOccurrence(document, roles, start, start + match[1]!.length, 'reference'),
      );
    }
  }
  const containerNameRefs: YScalar[] = [];
  for (const container of pod.containers) {
    for (const entry of container.env) {
      const name = stringScalar(get(getMap(entry.valueFrom, 'resourceFieldRef'), 'containerName'));
      if (name) containerNameRefs.push(name);
    }
  }
  for (const volume of pod.volumes) {
    for (const source of volume.sources) {
      const downwardApis =
        source.key.value === 'downwardAPI'
          ? [source.value]
          : source.key.value === 'projected'
            ? mapItems(get(source.value, 'sources')).map((projection) => get(projection, 'downwardAPI'))
            : [];
      for (const downwardApi of downwardApis) {
        for (const item of mapItems(get(downwardApi, 'items'))) {
          const name = stringScalar(get(getMap(item, 'resourceFieldRef'), 'containerName'));
          if (name) containerNameRefs.push(name);
        }
      }
    }
  }
  for (const name of containerNameRefs)
    collector.add('container', scope, name.value as string, scalarOccurrence(document, name, 'reference'));
}

function linkResourceClaims(collector: LinkSink, document: AnalyzedDocument, pod: PodModel, scope: string): void {
  for (const claim of mapItems(get(pod.spec, 'resourceClaims'))) {
    const name = stringScalar(get(claim, 'name'));
    if (name)
      collector.add('resourceClaim', scope, name.value as string, scalarOccurrence(document, name, 'definition'));
  }
  for (const container of pod.containers) {
    for (const claim of mapItems(get(container.resources.pair?.value, 'claims'))) {
      const name = stringScalar(get(claim, 'name'));
      if (name)
        collector.add('resourceClaim', scope, name.value as string, scalarOccurrence(document, name, 'reference'));
    }
  }
}

/** A port given by name (`port: http`), as probes and lifecycle hooks may; numbers are not names. */
export function namedPort(handlerParent: YNode | null | undefined): YScalar[] {
  const out: YScalar[] = [];
  for (const handler of ['httpGet', 'tcpSocket']) {
    const port = getScalar(getMap(handlerParent, handler), 'port');
    if (port && typeof port.value === 'string' && !/^\d+$/.test(port.value)) out.push(port);
  }
  return out;
}

/**
 * Probes and lifecycle hooks name a port of their own container (the kubelet looks the name
 * up in that container's ports). A gRPC probe's port is a number only (`GRPCAction.Port` is an
 * int32 in k8s.io/api core/v1 types.go, 1.37), so it never names one.
 */
function linkNamedPorts(
  collector: LinkSink,
  document: AnalyzedDocument,
  container: ContainerModel,
  scope: string,
): void {
  for (const port of container.ports) {
    if (port.name !== undefined)
      collector.add('port', scope, port.name, scalarOccurrence(document, port.nameNode, 'definition'));
  }
  const handlers: (YNode | null | undefined)[] = container.probes.map((probe) => probe.node);
  const lifecycle = container.lifecyclePair?.value;
  handlers.push(get(lifecycle, 'postStart'), get(lifecycle, 'preStop'));
  for (const handler of handlers) {
    for (const port of namedPort(handler))
      collector.add('port', scope, port.value as string, scalarOccurrence(document, port, 'reference'));
  }
}

/** `$(NAME)` references in a text as the kubelet expands them (`$$` escapes a dollar), in text offsets. */
export function variableReferences(raw: string): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  for (let at = raw.indexOf('$'); at >= 0 && at < raw.length; at = raw.indexOf('$', at + 1)) {
    if (raw[at + 1] === '$') {
      at++;
      continue;
    }
    if (raw[at + 1] !== '(') continue;
    const close = raw.indexOf(')', at + 2);
    if (close < 0) break;
    const name = raw.slice(at + 2, close);
    if (name.length > 0 && !/[\s($"'\\]/.test(name)) out.push({ start: at + 2, end: close, name });
    at = close;
  }
  return out;
}

/**
 * `$(VAR)` in an env value refers to the entries before it; in command, args and
 * `subPathExpr` to the container's whole env (kubelet `makeEnvironmentVariables` and
 * `expandContainerCommandAndArgs`, kubernetes 1.37). A variable defined only through
 * `envFrom` or not at all is not resolved here: nothing is linked.
 */
function linkEnvReferences(
  collector: LinkSink,
  document: AnalyzedDocument,
  container: ContainerModel,
  scope: string,
): void {
  const definedBefore = new Set<string>();
  const link = (node: YNode | null | undefined, defined: ReadonlySet<string>): void => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.value.includes('$(')) return;
    const raw = document.model.text.slice(node.range.start, node.range.end);
    for (const reference of variableReferences(raw)) {
      if (!defined.has(reference.name) || !node.value.includes(`$(${reference.name})`)) continue;
      const start = node.range.start + reference.start;
      collector.add(
        'env',
        scope,
        reference.name,
        embeddedOccurrence(document, node, start, start + reference.name.length, 'reference'),
      );
    }
  };
  for (const entry of container.env) {
    link(entry.valueNode, definedBefore);
    if (entry.name === undefined) continue;
    collector.add('env', scope, entry.name, scalarOccurrence(document, entry.nameNode, 'definition'));
    definedBefore.add(entry.name);
  }
  for (const list of [container.commandNode, container.argsNode])
    for (const item of list?.items ?? []) link(item, definedBefore);
  for (const mount of container.volumeMounts) link(get(mount.node, 'subPathExpr'), definedBefore);
}

/** The items of a sequence that are maps (for callers outside this file). */
export { mapItems, stringScalar };

import { CompletionItemKind } from 'vscode-languageserver-types';
import type { ParsedFile } from '../parsedFile';
import type { ContainerModel, PodModel } from '../model/podModel';
import { IMAGES } from '../actions/insert/template';
import { analyzePod } from '../analysis/analyzePod';
import { describeSchemaAt, type FieldSummary } from '../schema/describeSchema';
import type { ResourceModel } from '../model/podModel';
import type { YNode } from '../yaml/nodes';
import type { WorkloadKind } from '../model/workloads';
import { KIND_NOTES, podBearingKinds, valueNote } from './valueNotes';
import { snippetCompletions } from './snippets';
import {
  insideMultilineScalar,
  keyPositionBeforeCursor,
  keyValueBeforeCursor,
  pairAtKey,
  type PairAtKey,
  type PathStep,
} from './cursor';

/** A completion in file offsets: the hosts convert the range. */
export interface ServiceCompletion {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly detail?: string;
  readonly documentation?: string;
  readonly insertText: string;
  /** The text the completion replaces: from the value's start to the cursor. */
  readonly replace: { readonly start: number; readonly end: number };
  readonly sortText?: string;
  /** `insertText` is in LSP snippet syntax (tab stops, placeholders): see `snippetAsPlainText` for clients without it. */
  readonly snippet?: true;
  /** What the client filters on, when not the label. */
  readonly filterText?: string;
  /** A snippet's text with its defaults, for its documentation. */
  readonly preview?: string;
}

const DEFAULT_CONTAINER_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/default-container',
  'kubectl.kubernetes.io/default-logs-container',
]);
const PROBE_HANDLERS = new Set(['httpGet', 'tcpSocket', 'grpc']);

/** Completions at a file offset: schema keys and enum values, and pod-aware values. */
export function completeAt(analysis: ParsedFile, offset: number): ServiceCompletion[] {
  const document = analysis.documentAt(offset);
  if (!document || document.model.templateAt !== undefined) return [];
  // YAML files that are not about pods get nothing, except a new document being started.
  if (!analysis.isRelevant && !isNewDocument(document.model.root)) return [];
  const text = document.model.text;
  const local = offset - document.offset;
  const root = document.model.root;
  const line = keyValueBeforeCursor(text, local);
  if (!line) return [...completeKeys(analysis, offset), ...snippetCompletions(text, local, document.offset)];
  const found = pairAtKey(root, line.keyOffset);
  if (found && found.path.length === 1 && (found.pair.key.value === 'kind' || found.pair.key.value === 'apiVersion')) {
    const replace = { start: document.offset + line.valueStart, end: offset };
    const prefix = line.needsSpace ? ' ' : '';
    return identityValues(found).map((value, index) => ({
      ...value,
      insertText: prefix + value.insertText,
      replace,
      sortText: String(index).padStart(3, '0'),
    }));
  }
  const resource = resourceAt(document.model.resources, line.keyOffset);
  if (!resource || !found) return [];
  const replace = { start: document.offset + line.valueStart, end: offset };
  const pod = resource.pod;
  const values = [...(pod ? valuesFor(pod, found, line.keyOffset) : []), ...schemaValues(resource, found.path)];
  const prefix = line.needsSpace ? ' ' : '';
  return values.map((value, index) => ({
    ...value,
    insertText: prefix + value.insertText,
    replace,
    sortText: String(index).padStart(3, '0'),
  }));
}

/** A document that holds nothing yet but perhaps its `apiVersion` and `kind`. */
function isNewDocument(root: YNode | null): boolean {
  if (root === null) return true;
  // A lone word is a snippet's prefix being typed.
  if (root.kind === 'scalar') return true;
  return (
    root.kind === 'map' && root.pairs.every((pair) => pair.key.value === 'apiVersion' || pair.key.value === 'kind')
  );
}

/**
 * `kind` and `apiVersion` values of the pod-bearing kinds, in matching pairs: with an
 * `apiVersion` written, the kinds it serves; with a `kind` written, the apiVersion that serves it.
 */
function identityValues(found: PairAtKey): Value[] {
  const written = (key: string) => {
    const pair = found.parent.pairs.find((candidate) => candidate.key.value === key);
    return pair?.value?.kind === 'scalar' && typeof pair.value.value === 'string' ? pair.value.value : undefined;
  };
  const kinds = podBearingKinds();
  if (found.pair.key.value === 'kind') {
    const apiVersion = written('apiVersion');
    const served = kinds.filter((entry) => entry.apiVersion === apiVersion);
    return (served.length > 0 ? served : kinds).map(({ kind, apiVersion: version }) => ({
      label: kind,
      kind: CompletionItemKind.Class,
      detail: `apiVersion: ${version}`,
      documentation: KIND_NOTES[kind],
      insertText: kind,
    }));
  }
  const kind = written('kind');
  const matching = kinds.filter((entry) => entry.kind === kind);
  const versions = new Map<string, WorkloadKind[]>();
  for (const entry of matching.length > 0 ? matching : kinds)
    versions.set(entry.apiVersion, [...(versions.get(entry.apiVersion) ?? []), entry.kind]);
  return [...versions].map(([version, served]) => ({
    label: version,
    kind: CompletionItemKind.Module,
    detail: served.join(', '),
    insertText: version,
  }));
}

function resourceAt(resources: readonly ResourceModel[], offset: number): ResourceModel | undefined {
  return (
    resources.find((resource) => resource.root.range.start <= offset && offset <= resource.root.range.end) ??
    (resources.length === 1 ? resources[0] : undefined)
  );
}

/** The path under the resource's own root (List items drop their `items[i]` prefix). */
function schemaPath(resource: ResourceModel, path: readonly PathStep[]): PathStep[] {
  return path.slice(resource.pathPrefix.length);
}

function schemaValues(resource: ResourceModel, path: readonly PathStep[]): Value[] {
  if (!resource.kind) return [];
  const field = describeSchemaAt(resource.kind, schemaPath(resource, path));
  const values = field?.enum ?? (field?.type === 'boolean' ? [true, false] : []);
  const fieldName = path[path.length - 1];
  return values
    .filter((value): value is string | boolean | number => ['string', 'boolean', 'number'].includes(typeof value))
    .map((value) => {
      const note = typeof fieldName === 'string' ? valueNote(fieldName, String(value)) : undefined;
      return {
        label: String(value),
        kind: CompletionItemKind.EnumMember,
        detail: note ?? field?.type,
        documentation: note ? `${note}\n\n${field?.description ?? ''}`.trim() : field?.description,
        insertText: String(value),
      };
    });
}

/** Field names the schema allows in the map the cursor's line belongs to, minus those present. */
function completeKeys(analysis: ParsedFile, offset: number): ServiceCompletion[] {
  const document = analysis.documentAt(offset)!;
  const local = offset - document.offset;
  if (insideMultilineScalar(document.model.root, document.model.text, local)) return [];
  const position = keyPositionBeforeCursor(document.model.text, document.model.root, local);
  if (!position) return [];
  const resource =
    resourceAt(document.model.resources, position.typedStart) ??
    resourceAt(document.model.resources, Math.max(0, position.typedStart - 1));
  if (!resource?.kind) return [];
  const described = describeSchemaAt(resource.kind, schemaPath(resource, position.mapPath));
  if (!described?.properties) return [];
  const present = new Set(position.map?.pairs.map((pair) => String(pair.key.value)) ?? []);
  const required = new Set(described.required ?? []);
  const replace = { start: document.offset + position.typedStart, end: offset };
  return (
    Object.entries(described.properties)
      // Ephemeral containers are added to running pods by `kubectl debug`: a template refuses them, a new Pod too.
      .filter(([name]) => !present.has(name) && name !== 'ephemeralContainers')
      .sort(([a], [b]) => Number(required.has(b)) - Number(required.has(a)) || a.localeCompare(b))
      .map(([name, field]) => ({
        label: name,
        kind: CompletionItemKind.Property,
        detail: `${field.type ?? 'object'}${required.has(name) ? ' (required)' : ''}${field.deprecated ? ' (deprecated)' : ''}`,
        documentation: field.description,
        insertText: `${name}:${keySuffix(field)}`,
        replace,
        sortText: `${required.has(name) ? '0' : '1'}${name}`,
      }))
  );
}

function keySuffix(field: FieldSummary): string {
  return field.type === 'object' || field.type === 'array' ? '' : ' ';
}

type Value = Omit<ServiceCompletion, 'replace' | 'sortText'>;

function valuesFor(pod: PodModel, found: PairAtKey, keyOffset: number): Value[] {
  const key = String(found.pair.key.value);
  const container = pod.containers.find(
    (candidate) => candidate.node.range.start <= keyOffset && keyOffset <= candidate.node.range.end,
  );
  if (DEFAULT_CONTAINER_ANNOTATIONS.has(key) && pod.annotations.pair?.value === found.parent)
    return containerNames(pod);
  if (!container) return [];
  if (key === 'name' && container.volumeMounts.some((mount) => mount.node === found.parent))
    return volumeNames(pod, container);
  if (key === 'image' && container.map === found.parent) return pinnedImages();
  if (key === 'port' && isProbePort(found)) return namedPorts(container);
  return [];
}

function isProbePort(found: PairAtKey): boolean {
  const path = found.path;
  const handler = path[path.length - 2];
  const probe = path[path.length - 3];
  return (
    typeof handler === 'string' &&
    PROBE_HANDLERS.has(handler) &&
    typeof probe === 'string' &&
    /Probe$|^(?:postStart|preStop)$/.test(probe)
  );
}

function containerNames(pod: PodModel): Value[] {
  const analysis = analyzePod(pod);
  return analysis.roles
    .filter((entry) => entry.container.name)
    .map(({ container, role }) => ({
      label: container.name!,
      kind: CompletionItemKind.Value,
      detail: `${role} container`,
      insertText: container.name!,
    }));
}

function volumeNames(pod: PodModel, container: ContainerModel): Value[] {
  const mounted = new Set(container.volumeMounts.flatMap((mount) => (mount.name ? [mount.name] : [])));
  return pod.volumes
    .filter((volume) => volume.name)
    .map((volume) => ({
      label: volume.name!,
      kind: CompletionItemKind.Reference,
      detail: `${volume.type ?? 'volume'}${mounted.has(volume.name!) ? ' (already mounted here)' : ''}`,
      insertText: volume.name!,
    }));
}

function namedPorts(container: ContainerModel): Value[] {
  // The kubelet resolves a probe's named port in the probed container only.
  return container.ports
    .filter((port) => port.name)
    .map((port) => ({
      label: port.name!,
      kind: CompletionItemKind.EnumMember,
      detail: `${port.containerPort ?? '?'}/${port.protocol} in ${container.name ?? 'this container'}`,
      insertText: port.name!,
    }));
}

const IMAGE_NOTES: Readonly<Record<string, string>> = {
  gitSync: 'git-sync v4: clone or keep syncing a Git repository into a shared volume',
  busybox: 'busybox: shell utilities for init containers and simple helpers',
  fluentBit: 'Fluent Bit: log shipper sidecar',
  nginxExporter: 'NGINX Prometheus exporter: adapter for stub_status',
  redisExporter: 'Redis Prometheus exporter: adapter for a Redis main container',
  postgresExporter: 'PostgreSQL Prometheus exporter: adapter for a PostgreSQL main container',
  mysqlExporter: 'MySQL Prometheus exporter: adapter for a MySQL or MariaDB main container',
  mongodbExporter: 'MongoDB Prometheus exporter: adapter for a MongoDB main container',
  envoy: 'Envoy: TCP/HTTP proxy ambassador',
  cloudSqlProxy: 'Cloud SQL Auth Proxy: database ambassador',
  migrate: 'golang-migrate: database migrations as an init container',
  nginx: 'NGINX web server',
};

function pinnedImages(): Value[] {
  return Object.entries(IMAGES).map(([id, image]) => ({
    label: image,
    kind: CompletionItemKind.Module,
    detail: IMAGE_NOTES[id],
    insertText: image,
  }));
}

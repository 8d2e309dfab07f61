import { CompletionItemKind } from 'vscode-languageserver-types';
import type { FileAnalysis } from '../fileAnalysis';
import type { ContainerModel, PodModel } from '../model/podModel';
import { IMAGES } from '../actions/insert/template';
import { analyzePod } from '../analysis/analyzePod';
import { keyValueBeforeCursor, pairAtKey, type PairAtKey } from './cursor';

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
}

const DEFAULT_CONTAINER_ANNOTATIONS = new Set(['kubectl.kubernetes.io/default-container', 'kubectl.kubernetes.io/default-logs-container']);
const PROBE_HANDLERS = new Set(['httpGet', 'tcpSocket', 'grpc']);

/** Pod-aware value completions at a file offset. */
export function completeAt(analysis: FileAnalysis, offset: number): ServiceCompletion[] {
  const document = analysis.documentAt(offset);
  if (!document || document.model.templateAt !== undefined) return [];
  const text = document.model.text;
  const local = offset - document.offset;
  const line = keyValueBeforeCursor(text, local);
  if (!line) return [];
  const pod = document.model.pods.find((candidate) => candidate.root.range.start <= line.keyOffset && line.keyOffset <= candidate.root.range.end);
  if (!pod) return [];
  const found = pairAtKey(document.model.root, line.keyOffset);
  if (!found) return [];
  const replace = { start: document.offset + line.valueStart, end: offset };
  const values = valuesFor(pod, found, line.keyOffset);
  return values.map((value, index) => ({ ...value, replace, sortText: String(index).padStart(3, '0') }));
}

type Value = Omit<ServiceCompletion, 'replace' | 'sortText'>;

function valuesFor(pod: PodModel, found: PairAtKey, keyOffset: number): Value[] {
  const key = String(found.pair.key.value);
  const container = pod.containers.find((candidate) => candidate.node.range.start <= keyOffset && keyOffset <= candidate.node.range.end);
  if (DEFAULT_CONTAINER_ANNOTATIONS.has(key) && pod.annotations.pair?.value === found.parent) return containerNames(pod);
  if (!container) return [];
  if (key === 'name' && container.volumeMounts.some((mount) => mount.node === found.parent)) return volumeNames(pod, container);
  if (key === 'image' && container.map === found.parent) return pinnedImages();
  if (key === 'port' && isProbePort(found)) return namedPorts(container);
  return [];
}

function isProbePort(found: PairAtKey): boolean {
  const path = found.path;
  const handler = path[path.length - 2];
  const probe = path[path.length - 3];
  return typeof handler === 'string' && PROBE_HANDLERS.has(handler) && typeof probe === 'string' && /Probe$|^(?:postStart|preStop)$/.test(probe);
}

function containerNames(pod: PodModel): Value[] {
  const analysis = analyzePod(pod);
  return analysis.roles.filter((entry) => entry.container.name).map(({ container, role }) => ({
    label: container.name!,
    kind: CompletionItemKind.Value,
    detail: `${role} container`,
    insertText: container.name!,
  }));
}

function volumeNames(pod: PodModel, container: ContainerModel): Value[] {
  const mounted = new Set(container.volumeMounts.flatMap((mount) => (mount.name ? [mount.name] : [])));
  return pod.volumes.filter((volume) => volume.name).map((volume) => ({
    label: volume.name!,
    kind: CompletionItemKind.Reference,
    detail: `${volume.type ?? 'volume'}${mounted.has(volume.name!) ? ' (already mounted here)' : ''}`,
    insertText: volume.name!,
  }));
}

function namedPorts(container: ContainerModel): Value[] {
  // The kubelet resolves a probe's named port in the probed container only.
  return container.ports.filter((port) => port.name).map((port) => ({
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

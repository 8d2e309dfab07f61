import { analyzePod } from '../analysis/analyzePod';
import { containerServing, selectsPod } from '../model/serviceExposures';
import type { PodAnalysis } from '../analysis/types';
import type { ParsedFile, FileFinding } from '../parsedFile';
import { SEVERITY_ORDER } from '../findings/finding';
import type { ContainerModel, PodModel } from '../model/podModel';
import type { DocumentModel } from '../model/documentModel';
import { setSlot, slotOf } from '../slots';
import type { ServiceSettings } from '../settings';
import { getMap, getSeq, isMap, isScalar, scalarText, type Range } from '../yaml/nodes';
import { nodeAtOffset } from '../../shared/topology/nodeAtOffset';
import type {
  FindingBadge,
  TopologyEdge,
  TopologyGraph,
  TopologyNode,
  TopologyRange,
  TopologyTarget,
} from '../../shared/topology/types';

/** Every pod-bearing object of a file, in document order, as the preview's document selector lists them. */
export function topologyTargets(file: ParsedFile): TopologyTarget[] {
  const multiple = file.podCount > 1;
  const targets: TopologyTarget[] = [];
  for (const document of file.documents) {
    if (document.model.podCount === 0) continue;
    const heads = podHeadsOf(document.model);
    heads.forEach((head, podIndex) => {
      const where = multiple
        ? ` (document ${document.index + 1}${heads.length > 1 ? `, item ${podIndex + 1}` : ''})`
        : '';
      targets.push({
        documentIndex: document.index,
        podIndex,
        label: `${head.label}${where}`,
        start: document.offset + head.start,
        end: document.offset + head.end,
      });
    });
  }
  return targets;
}

/** What the document selector shows of a pod, in offsets of its document. */
interface PodHead {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

const POD_HEADS = Symbol('pod heads');

/** Kept on the model: the preview asks for the targets after each edit, and a released tree is not read again. */
function podHeadsOf(model: DocumentModel): readonly PodHead[] {
  return (
    slotOf<readonly PodHead[]>(model, POD_HEADS) ??
    setSlot(
      model,
      POD_HEADS,
      model.pods.map((pod) => ({
        label: `${pod.kind} ${pod.name ?? '(unnamed)'}`,
        start: pod.root.range.start,
        end: pod.root.range.end,
      })),
    )
  );
}

/** The pod whose object contains a file offset, else the first pod of the file. */
export function targetAt(file: ParsedFile, offset: number | undefined): TopologyTarget | undefined {
  const targets = topologyTargets(file);
  if (offset === undefined) return targets[0];
  return targets.find((target) => target.start <= offset && offset <= target.end) ?? targets[0];
}

/** The same target in a newer analysis of the file (documents may have been added or removed). */
export function resolveTarget(
  file: ParsedFile,
  wanted: { documentIndex: number; podIndex: number } | undefined,
): TopologyTarget | undefined {
  const targets = topologyTargets(file);
  if (!wanted) return targets[0];
  return (
    targets.find((target) => target.documentIndex === wanted.documentIndex && target.podIndex === wanted.podIndex) ??
    targets.find((target) => target.documentIndex === wanted.documentIndex) ??
    targets[0]
  );
}

/**
 * The topology of one pod: its containers by role, volumes and mounts, localhost links,
 * external endpoints, the Services of the file that select it, and finding badges. Reads
 * the pod model and the pod analysis only; nothing is parsed again.
 */
export function buildTopologyGraph(
  file: ParsedFile,
  target: TopologyTarget,
  settings: ServiceSettings,
): TopologyGraph | undefined {
  const document = file.documents[target.documentIndex];
  const pod = document?.model.pods[target.podIndex];
  if (!document || !pod) return undefined;
  const analysis = analyzePod(pod);
  const toRange = (range: Range): TopologyRange => {
    const start = document.offset + range.start;
    const end = document.offset + range.end;
    return { start, end, startPosition: file.lineIndex.positionAt(start), endPosition: file.lineIndex.positionAt(end) };
  };

  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const containerIds = new Map<ContainerModel, string>();
  nodes.push({ id: 'pod', kind: 'pod', label: pod.name ?? '(unnamed)', range: toRange(pod.root.range) });

  let initOrder = 0;
  pod.containers.forEach((container, index) => {
    const id = `container:${index}`;
    containerIds.set(container, id);
    const role = analysis.roleOf(container);
    const evidence = analysis.roles.find((assignment) => assignment.container === container)?.evidence;
    nodes.push({
      id,
      kind: 'container',
      role,
      label: container.name ?? `(unnamed ${container.listKey}[${container.index}])`,
      ...(container.image !== undefined ? { image: container.image, shortImage: shortImage(container.image) } : {}),
      ports: container.ports.map(describePort),
      ...(container.group !== 'app' ? { order: ++initOrder } : {}),
      range: toRange(container.node.range),
      ...(evidence ? { evidence } : {}),
    });
  });

  addSequenceEdges(pod, analysis, containerIds, edges);

  analysis.volumes.forEach((sharing, index) => {
    const id = `volume:${index}`;
    const anchor = sharing.volume?.node ?? sharing.mountedBy[0]?.mount.node;
    nodes.push({
      id,
      kind: 'volume',
      label: sharing.name,
      volumeType: sharing.type ?? (sharing.volume ? 'unknown' : 'undeclared'),
      ...(anchor ? { range: toRange(anchor.range) } : {}),
    });
    sharing.mountedBy.forEach((use, useIndex) => {
      edges.push({
        id: `mount:${index}:${useIndex}`,
        from: containerIds.get(use.container)!,
        to: id,
        kind: 'mount',
        label: use.mount.mountPath ?? '',
        readOnly: use.mount.readOnly,
      });
    });
  });

  const seenLinks = new Set<string>();
  for (const link of analysis.links) {
    if (!link.to || link.to === link.from) continue;
    const from = containerIds.get(link.from)!;
    const to = containerIds.get(link.to)!;
    const key = `${from}>${to}:${link.port}`;
    if (seenLinks.has(key)) continue;
    seenLinks.add(key);
    // `http://localhost/x` names no port: say which one it reaches.
    const label = new RegExp(`:${link.port}(?!\\d)`).test(link.text) ? link.text : `${link.text} (port ${link.port})`;
    edges.push({ id: `localhost:${seenLinks.size - 1}`, from, to, kind: 'localhost', label });
  }

  const endpointIds = new Map<string, string>();
  for (const endpoint of analysis.endpoints) {
    let id = endpointIds.get(endpoint.target);
    if (!id) {
      id = `endpoint:${endpointIds.size}`;
      endpointIds.set(endpoint.target, id);
      nodes.push({ id, kind: 'endpoint', label: endpoint.target, range: toRange(endpoint.range) });
    }
    const from = containerIds.get(endpoint.from)!;
    if (!edges.some((edge) => edge.kind === 'external' && edge.from === from && edge.to === id)) {
      edges.push({
        id: `external:${edges.filter((edge) => edge.kind === 'external').length}`,
        from,
        to: id,
        kind: 'external',
      });
    }
  }

  addServices(file, pod, containerIds, nodes, edges);
  const findings = file.findings(settings);
  const badged = attachFindings(nodes, findings, target.documentIndex);
  markDeadlocks(nodes, edges, findings, target.documentIndex);

  return {
    target,
    pod: {
      name: pod.name ?? '(unnamed)',
      kind: pod.kind,
      qosClass: analysis.qosClass,
      requests: { ...analysis.effectiveResources.requests },
      limits: { ...analysis.effectiveResources.limits },
    },
    nodes: badged,
    edges,
  };
}

/**
 * The localhost calls of an init container that the rule init-waits-on-later-container found
 * waiting forever: the edge carries the finding's message so the picture draws it as a deadlock.
 */
function markDeadlocks(
  nodes: readonly TopologyNode[],
  edges: TopologyEdge[],
  findings: readonly FileFinding[],
  documentIndex: number,
): void {
  for (const finding of findings) {
    if (finding.code !== 'init-waits-on-later-container' || finding.documentIndex !== documentIndex) continue;
    const waiting = nodes.find(
      (node) =>
        node.kind === 'container' &&
        node.range &&
        node.range.start <= finding.range.start &&
        finding.range.start < node.range.end,
    );
    if (!waiting) continue;
    const port = finding.data?.['port'];
    edges.forEach((edge, index) => {
      if (
        edge.kind === 'localhost' &&
        edge.from === waiting.id &&
        edge.label !== undefined &&
        new RegExp(`(?::|port )${String(port)}(?!\\d)`).test(edge.label)
      ) {
        edges[index] = { ...edge, deadlock: finding.message };
      }
    });
  }
}

/** Init containers start one after another; the app containers start after the last one. */
function addSequenceEdges(
  pod: PodModel,
  analysis: PodAnalysis,
  ids: Map<ContainerModel, string>,
  edges: TopologyEdge[],
): void {
  const inits = pod.containers.filter((container) => container.group !== 'app');
  const first = analysis.main ?? pod.containers.find((container) => container.group === 'app');
  const chain = first ? [...inits, first] : inits;
  for (let i = 0; i + 1 < chain.length; i++) {
    const before = chain[i]!;
    edges.push({
      id: `sequence:${i}`,
      from: ids.get(before)!,
      to: ids.get(chain[i + 1]!)!,
      kind: 'sequence',
      // A native sidecar only has to start (and pass its startup probe) before the next one begins.
      label: before.group === 'native-sidecar' ? 'started' : 'then',
    });
  }
}

/** Services anywhere in the file whose selector matches the pod's labels. */
function addServices(
  file: ParsedFile,
  pod: PodModel,
  ids: Map<ContainerModel, string>,
  nodes: TopologyNode[],
  edges: TopologyEdge[],
): void {
  let serviceCount = 0;
  // Without a Service the documents are not read (their trees may have been let go).
  if (file.serviceCount === 0) return;
  for (const document of file.documents) {
    for (const resource of document.model.resources) {
      if (resource.kind !== 'Service' || !selectsPod(resource, pod)) continue;
      const id = `service:${serviceCount++}`;
      const start = document.offset + resource.root.range.start;
      const end = document.offset + resource.root.range.end;
      nodes.push({
        id,
        kind: 'service',
        label:
          scalarText(getMap(resource.root, 'metadata')?.pairs.find((pair) => pair.key.value === 'name')?.value) ??
          '(unnamed)',
        range: {
          start,
          end,
          startPosition: file.lineIndex.positionAt(start),
          endPosition: file.lineIndex.positionAt(end),
        },
      });
      const ports = getSeq(getMap(resource.root, 'spec'), 'ports')?.items.filter(isMap) ?? [];
      ports.forEach((port, portIndex) => {
        const servicePort = scalarText(port.pairs.find((pair) => pair.key.value === 'port')?.value);
        const targetNode = port.pairs.find((pair) => pair.key.value === 'targetPort')?.value;
        const targetPort = isScalar(targetNode) && targetNode.value !== null ? String(targetNode.value) : servicePort;
        const serving = targetPort === undefined ? undefined : containerServing(pod, targetPort);
        const label =
          servicePort === undefined
            ? 'port ?'
            : targetPort === servicePort
              ? `port ${servicePort}`
              : `port ${servicePort} → ${targetPort}`;
        edges.push({
          id: `service:${serviceCount - 1}:${portIndex}`,
          from: id,
          to: serving ? ids.get(serving)! : 'pod',
          kind: 'service',
          label,
        });
      });
      if (ports.length === 0) edges.push({ id: `service:${serviceCount - 1}:0`, from: id, to: 'pod', kind: 'service' });
    }
  }
}

/** Each finding goes to the smallest node whose range holds its start; the pod takes the rest of its object. */
export function attachFindings(
  nodes: readonly TopologyNode[],
  findings: readonly FileFinding[],
  documentIndex: number,
): TopologyNode[] {
  const badges = new Map<string, { count: number; worst: FileFinding['severity']; codes: string[] }>();
  const candidates = nodes.filter((node) => node.kind === 'container' || node.kind === 'volume' || node.kind === 'pod');
  for (const finding of findings) {
    if (finding.documentIndex !== documentIndex) continue;
    const owner = nodeAtOffset(candidates, finding.range.start);
    if (!owner) continue;
    const badge = badges.get(owner.id) ?? { count: 0, worst: finding.severity, codes: [] };
    badge.count++;
    if (SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[badge.worst]) badge.worst = finding.severity;
    if (!badge.codes.includes(finding.code)) badge.codes.push(finding.code);
    badges.set(owner.id, badge);
  }
  return nodes.map((node) => {
    const badge: FindingBadge | undefined = badges.get(node.id);
    return badge ? { ...node, findings: badge } : node;
  });
}

function describePort(port: ContainerModel['ports'][number]): string {
  const number = port.containerPort ?? '?';
  return `${port.name ? `${port.name}:` : ''}${number}/${port.protocol}`;
}

/**
 * An image reference without its registry host, and with a digest cut short:
 * `k8s.gcr.io/git-sync:v3.1.5` → `git-sync:v3.1.5`.
 */
export function shortImage(image: string): string {
  let rest = image.trim();
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = `@${rest.slice(at + 1).replace(/^(sha256:)?([0-9a-f]{8})[0-9a-f]*$/i, '$1$2…')}`;
    rest = rest.slice(0, at);
  }
  const segments = rest.split('/');
  const last = segments[segments.length - 1] ?? rest;
  return `${last}${digest}`;
}

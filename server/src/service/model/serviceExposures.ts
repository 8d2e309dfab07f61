import type { ContainerModel, PodModel, ResourceModel } from './podModel';
import { setSlot, slotOf } from '../slots';
import { getMap, getSeq, isMap, isScalar, scalarText } from '../yaml/nodes';

/** One port of a Service that selects the pod: where its traffic lands in the pod. */
export interface ServiceExposure {
  readonly service: string;
  /** The Service's own port, as written. */
  readonly port?: string;
  /** The container port it sends traffic to: a number or a port name (defaults to `port`). */
  readonly targetPort: string;
}

/** Whether a Service's selector matches the pod's labels (an empty selector selects nothing here). */
export function selectsPod(service: ResourceModel, pod: PodModel): boolean {
  const selector = getMap(getMap(service.root, 'spec'), 'selector');
  if (!selector || selector.pairs.length === 0) return false;
  return selector.pairs.every((pair) => {
    const key = scalarText(pair.key);
    return key !== undefined && pod.labels.values.get(key) === scalarText(pair.value);
  });
}

/** The running container declaring a port by number or by name (a Service's targetPort may be either). */
export function containerServing(pod: PodModel, targetPort: string): ContainerModel | undefined {
  const numeric = /^\d+$/.test(targetPort) ? Number(targetPort) : undefined;
  return pod.containers.find(
    (container) =>
      container.group !== 'init' &&
      container.ports.some((port) =>
        numeric !== undefined ? port.containerPort === numeric : port.name === targetPort,
      ),
  );
}

/** The ports of every Service among `resources` that selects the pod. */
export function serviceExposures(resources: readonly ResourceModel[], pod: PodModel): ServiceExposure[] {
  const out: ServiceExposure[] = [];
  for (const resource of resources) {
    if (resource.kind !== 'Service' || !selectsPod(resource, pod)) continue;
    const service =
      scalarText(getMap(resource.root, 'metadata')?.pairs.find((pair) => pair.key.value === 'name')?.value) ??
      '(unnamed)';
    for (const port of getSeq(getMap(resource.root, 'spec'), 'ports')?.items.filter(isMap) ?? []) {
      const servicePort = scalarText(port.pairs.find((pair) => pair.key.value === 'port')?.value);
      const targetNode = port.pairs.find((pair) => pair.key.value === 'targetPort')?.value;
      const targetPort = isScalar(targetNode) && targetNode.value !== null ? String(targetNode.value) : servicePort;
      if (targetPort !== undefined)
        out.push({ service, ...(servicePort !== undefined ? { port: servicePort } : {}), targetPort });
    }
  }
  return out;
}

const EXPOSURES = Symbol('service exposures');

interface AttachedExposures {
  readonly key: string;
  readonly exposures: readonly ServiceExposure[];
}

/**
 * Services live in other documents of the file than the pods they select, while a pod's
 * model and findings are kept per document: the file hands each pod the Services that
 * select it, and `exposureKey` lets per-document caches tell when that changed.
 * The pod's analysis is rebuilt when the list changes (it compares the list it was built with).
 */
export function attachExposures(pod: PodModel, exposures: readonly ServiceExposure[]): void {
  const key = exposures.map((entry) => `${entry.service}:${entry.port ?? ''}>${entry.targetPort}`).join(',');
  if ((slotOf<AttachedExposures>(pod, EXPOSURES)?.key ?? '') === key) return;
  setSlot<AttachedExposures>(pod, EXPOSURES, { key, exposures });
}

const NO_EXPOSURES: readonly ServiceExposure[] = [];

export function exposuresOf(pod: PodModel): readonly ServiceExposure[] {
  return slotOf<AttachedExposures>(pod, EXPOSURES)?.exposures ?? NO_EXPOSURES;
}

/** A text that changes whenever the Services selecting any pod of the document change. */
export function exposureKey(pods: readonly PodModel[]): string {
  let key = '';
  for (const pod of pods) key += `${slotOf<AttachedExposures>(pod, EXPOSURES)?.key ?? ''};`;
  return key;
}

/**
 * Hands every pod the Services of the file that select it. Most files hold no Service:
 * then nothing is attached (and nothing was, unless a Service was removed).
 */
export function attachFileServices(resources: readonly ResourceModel[], pods: readonly PodModel[]): void {
  const services = resources.filter((resource) => resource.kind === 'Service');
  for (const pod of pods) {
    if (services.length === 0 && !slotOf(pod, EXPOSURES)) continue;
    attachExposures(pod, serviceExposures(services, pod));
  }
}

import type { ContainerModel, PodModel } from '../../service/model/podModel';
import type { LocalhostLink } from '../../service/analysis/types';
import { refineRange } from '../../service/analysis/textSources';
import type { Range } from '../../service/yaml/nodes';
import type { RelatedFinding } from '../../service/findings/finding';

/** `"web"`, or the container's API path when it has no name. */
export function containerLabel(container: ContainerModel): string {
  return container.name !== undefined ? `"${container.name}"` : container.path;
}

/** Where a finding about a whole container goes: its name, else the list item. */
export function containerAnchor(container: ContainerModel): Range {
  return container.nameNode?.range ?? container.node.range;
}

export function relatedContainer(container: ContainerModel, message: string): RelatedFinding {
  return { range: containerAnchor(container), message };
}

/**
 * Whether two containers run at the same time. Pod containers are listed init first, then
 * app containers; a regular init container has finished before anything after it starts,
 * while a native sidecar keeps running beside everything declared after it.
 */
export function runTogether(pod: PodModel, a: ContainerModel, b: ContainerModel): boolean {
  if (a === b) return true;
  const [earlier] = pod.containers.indexOf(a) < pod.containers.indexOf(b) ? [a, b] : [b, a];
  return earlier.group !== 'init';
}

/** The exact source range of a localhost reference, block scalars included. */
export function linkRange(documentText: string, link: LocalhostLink): Range {
  return refineRange(documentText, link.node, link.valueIndex, link.text.length);
}

/** Annotations and labels by which a mutating webhook adds containers (and their ports) at admission. */
const INJECTION_KEYS = /^(?:sidecar\.istio\.io\/|istio\.io\/rev|dapr\.io\/|linkerd\.io\/inject|config\.linkerd\.io\/|vault\.hashicorp\.com\/agent-inject|consul\.hashicorp\.com\/connect-inject|instrumentation\.opentelemetry\.io\/|admission\.datadoghq\.com\/|kuma\.io\/sidecar-injection|appmesh\.k8s\.aws\/)/;

/** Whether containers not in the manifest will be injected, so unknown localhost ports may be theirs. */
export function expectsInjectedContainers(pod: PodModel): boolean {
  return [...pod.annotations.values.keys(), ...pod.labels.values.keys()].some((key) => INJECTION_KEYS.test(key));
}

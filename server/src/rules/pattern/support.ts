import type { ContainerModel, EnvVarModel, PodModel } from '../../service/model/podModel';
import { get, getMap, scalarText } from '../../service/yaml/nodes';
import type { LocalhostLink } from '../../service/analysis/types';
import { refineRange } from '../../service/analysis/textSources';
export { runAtOnce as runTogether } from '../../service/analysis/localhostLinks';
import type { Range } from '../../service/yaml/nodes';
import type { RelatedFinding } from '../../service/findings/finding';

/** The volume an env var reads through an env file (`valueFrom.fileKeyRef.volumeName`), without mounting it. */
export function fileKeyRefVolume(variable: EnvVarModel): string | undefined {
  return scalarText(get(getMap(variable.valueFrom, 'fileKeyRef'), 'volumeName'));
}

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

/** The exact source range of a localhost reference, block scalars included. */
export function linkRange(documentText: string, link: LocalhostLink): Range {
  return refineRange(documentText, link.node, link.valueIndex, link.text.length);
}

/** Annotations and labels by which a mutating webhook adds containers (and their ports) at admission. */
const INJECTION_KEYS =
  /^(?:sidecar\.istio\.io\/|istio\.io\/rev|dapr\.io\/|linkerd\.io\/inject|config\.linkerd\.io\/|vault\.hashicorp\.com\/agent-inject|consul\.hashicorp\.com\/connect-inject|instrumentation\.opentelemetry\.io\/|admission\.datadoghq\.com\/|kuma\.io\/sidecar-injection|appmesh\.k8s\.aws\/)/;

/** Whether containers not in the manifest will be injected, so unknown localhost ports may be theirs. */
/**
 * Ports of sidecars that webhooks inject (Istio's agent and Envoy, Linkerd's proxy, Dapr's
 * runtime): apps reach them on localhost although no container in the manifest serves them.
 */
export const INJECTED_SIDECAR_PORTS: ReadonlySet<number> = new Set([
  15000, 15001, 15004, 15006, 15008, 15020, 15021, 15090, 4140, 4143, 4191, 3500, 50001,
]);

export function expectsInjectedContainers(pod: PodModel): boolean {
  return [...pod.annotations.values.keys(), ...pod.labels.values.keys()].some((key) => INJECTION_KEYS.test(key));
}

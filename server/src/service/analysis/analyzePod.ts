import type { ContainerModel, PodModel } from '../model/podModel';
import { getPair } from '../yaml/nodes';
import { computeEffectiveResources, formatAmounts, qosClassOf, type EffectiveResources } from './effectiveResources';
import { findExternalEndpoints } from './endpoints';
import { findLocalhostLinks, findServedPorts } from './localhostLinks';
import { assignRoles, findMain, type MainChoice } from './roles';
import { textSources, type TextSource } from './textSources';
import type { ContainerRole, ExternalEndpoint, LocalhostLink, PodAnalysis, QosClass, RoleAssignment, ServedPort, VolumeSharing } from './types';
import { findVolumeSharing } from './volumeSharing';

const cache = new WeakMap<PodModel, PodAnalysis>();

/** Analyses a pod once; every feature asking about the same model gets the same answer. */
export function analyzePod(pod: PodModel): PodAnalysis {
  let analysis = cache.get(pod);
  if (!analysis) {
    analysis = computeAnalysis(pod);
    cache.set(pod, analysis);
  }
  return analysis;
}

/**
 * Each part is computed when first asked for, then kept: the rules read a few parts of
 * every pod (links, served ports, resources), while endpoints, roles and formatted amounts
 * serve the hover, topology and `describe`. The parts are pure functions of the model, so
 * when they are computed does not change what they are.
 */
function computeAnalysis(pod: PodModel): PodAnalysis {
  let sources: Map<ContainerModel, readonly TextSource[]> | undefined;
  let volumes: VolumeSharing[] | undefined;
  let servedPorts: ServedPort[] | undefined;
  let links: LocalhostLink[] | undefined;
  let endpoints: ExternalEndpoint[] | undefined;
  let mainChoice: MainChoice | undefined;
  let roleAssignment: { roles: RoleAssignment[]; byContainer: Map<ContainerModel, ContainerRole> } | undefined;
  let resources: EffectiveResources | undefined;
  let effectiveResources: PodAnalysis['effectiveResources'] | undefined;
  let qosClass: QosClass | undefined;
  let hostNetwork: boolean | undefined;

  const sourcesOf = () => (sources ??= new Map(pod.containers.map((container) => [container, textSources(container)])));
  const volumesOf = () => (volumes ??= findVolumeSharing(pod));
  const servedPortsOf = () => (servedPorts ??= findServedPorts(pod, sourcesOf()));
  const linksOf = () => (links ??= findLocalhostLinks(pod, sourcesOf(), servedPortsOf));
  const mainChoiceOf = () => (mainChoice ??= findMain(pod));
  const rolesOf = () => {
    if (!roleAssignment) {
      const { roles } = assignRoles({ pod, sources: sourcesOf(), links: linksOf(), served: servedPortsOf(), volumes: volumesOf() }, mainChoiceOf());
      roleAssignment = { roles, byContainer: new Map(roles.map((entry) => [entry.container, entry.role])) };
    }
    return roleAssignment;
  };
  const resourcesOf = () => (resources ??= computeEffectiveResources(pod));

  return {
    pod,
    get roles() {
      return rolesOf().roles;
    },
    get main() {
      return mainChoiceOf().main;
    },
    get volumes() {
      return volumesOf();
    },
    get links() {
      return linksOf();
    },
    get endpoints() {
      return (endpoints ??= [...sourcesOf().values()].flatMap(findExternalEndpoints));
    },
    get effectiveResources() {
      const amounts = resourcesOf();
      return (effectiveResources ??= { requests: formatAmounts(amounts.requests), limits: formatAmounts(amounts.limits) });
    },
    get qosClass() {
      return (qosClass ??= qosClassOf(resourcesOf().perContainer));
    },
    get servedPorts() {
      return servedPortsOf();
    },
    get resources() {
      return resourcesOf();
    },
    get hostNetwork() {
      if (hostNetwork === undefined) {
        const value = getPair(pod.spec, 'hostNetwork')?.value;
        hostNetwork = value?.kind === 'scalar' && value.value === true;
      }
      return hostNetwork;
    },
    roleOf: (container) => rolesOf().byContainer.get(container) ?? 'sidecar',
  };
}

import type { ContainerModel, PodModel } from '../model/podModel';
import { getPair } from '../yaml/nodes';
import { computeEffectiveResources, formatAmounts, qosClassOf } from './effectiveResources';
import { findExternalEndpoints } from './endpoints';
import { findLocalhostLinks, findServedPorts } from './localhostLinks';
import { assignRoles } from './roles';
import { textSources, type TextSource } from './textSources';
import type { ContainerRole, PodAnalysis } from './types';
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

function computeAnalysis(pod: PodModel): PodAnalysis {
  const sources = new Map<ContainerModel, readonly TextSource[]>(pod.containers.map((container) => [container, textSources(container)]));
  const volumes = findVolumeSharing(pod);
  const servedPorts = findServedPorts(pod, sources);
  const links = findLocalhostLinks(pod, sources, servedPorts);
  const endpoints = [...sources.values()].flatMap(findExternalEndpoints);
  const { roles, main } = assignRoles({ pod, sources, links, served: servedPorts, volumes });
  const byContainer = new Map<ContainerModel, ContainerRole>(roles.map((entry) => [entry.container, entry.role]));
  const resources = computeEffectiveResources(pod);
  const hostNetwork = getPair(pod.spec, 'hostNetwork')?.value;
  return {
    pod,
    roles,
    main,
    volumes,
    links,
    endpoints,
    effectiveResources: { requests: formatAmounts(resources.requests), limits: formatAmounts(resources.limits) },
    qosClass: qosClassOf(resources.perContainer),
    servedPorts,
    resources,
    hostNetwork: hostNetwork?.kind === 'scalar' && hostNetwork.value === true,
    roleOf: (container) => byContainer.get(container) ?? 'sidecar',
  };
}

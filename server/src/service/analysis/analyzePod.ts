import type { ContainerModel, PodModel } from '../model/podModel';
import { setSlot, slotOf } from '../slots';
import { getPair } from '../yaml/nodes';
import { computeEffectiveResources, formatAmounts, qosClassOf, type EffectiveResources } from './effectiveResources';
import { findExternalEndpoints } from './endpoints';
import { findLocalhostLinks, findServedPorts, mayNameLocalHost } from './localhostLinks';
import { assignRoles } from './roles';
import { exposuresOf, type ServiceExposure } from '../model/serviceExposures';
import { someText, textSources, type TextSource } from './textSources';
import type {
  ContainerRole,
  ExternalEndpoint,
  LocalhostLink,
  PodAnalysis,
  QosClass,
  RoleAssignment,
  ServedPort,
  VolumeSharing,
} from './types';
import { findVolumeSharing } from './volumeSharing';

const ANALYSIS = Symbol('pod analysis');

/** Analyses a pod once; every feature asking about the same model gets the same answer. */
export function analyzePod(pod: PodModel): PodAnalysis {
  const cached = slotOf<LazyPodAnalysis>(pod, ANALYSIS);
  // The Services selecting the pod come from the rest of the file and may change without the pod.
  const exposures = exposuresOf(pod);
  return cached && cached.exposures === exposures
    ? cached
    : setSlot(pod, ANALYSIS, new LazyPodAnalysis(pod, exposures));
}

/**
 * Each part is computed when first asked for, then kept: the rules read a few parts of
 * every pod (links, resources), while endpoints, roles and formatted amounts serve the
 * hover, topology and `describe`. The parts are pure functions of the model, so when they
 * are computed does not change what they are. A class, because every pod the CLI checks
 * gets one: getters on the prototype cost nothing per pod, closures would.
 */
class LazyPodAnalysis implements PodAnalysis {
  private sourcesPart: Map<ContainerModel, readonly TextSource[]> | undefined;
  private volumesPart: VolumeSharing[] | undefined;
  private servedPortsPart: ServedPort[] | undefined;
  private linksPart: LocalhostLink[] | undefined;
  private endpointsPart: ExternalEndpoint[] | undefined;
  private rolesPart:
    { roles: RoleAssignment[]; main?: ContainerModel; byContainer: Map<ContainerModel, ContainerRole> } | undefined;
  private resourcesPart: EffectiveResources | undefined;
  private effectiveResourcesPart: PodAnalysis['effectiveResources'] | undefined;
  private qosClassPart: QosClass | undefined;
  private hostNetworkPart: boolean | undefined;

  constructor(
    readonly pod: PodModel,
    readonly exposures: readonly ServiceExposure[],
  ) {}

  private get sources(): Map<ContainerModel, readonly TextSource[]> {
    return (this.sourcesPart ??= new Map(this.pod.containers.map((container) => [container, textSources(container)])));
  }

  private get roleAssignment(): {
    roles: RoleAssignment[];
    main?: ContainerModel;
    byContainer: Map<ContainerModel, ContainerRole>;
  } {
    if (!this.rolesPart) {
      const { roles, main } = assignRoles({
        pod: this.pod,
        sources: this.sources,
        links: this.links,
        served: this.servedPorts,
        volumes: this.volumes,
        exposures: this.exposures,
        endpoints: () => this.endpoints,
      });
      this.rolesPart = {
        roles,
        ...(main ? { main } : {}),
        byContainer: new Map(roles.map((entry) => [entry.container, entry.role])),
      };
    }
    return this.rolesPart;
  }

  get roles(): readonly RoleAssignment[] {
    return this.roleAssignment.roles;
  }

  get main(): ContainerModel | undefined {
    return this.roleAssignment.main;
  }

  get volumes(): readonly VolumeSharing[] {
    return (this.volumesPart ??= findVolumeSharing(this.pod));
  }

  get links(): readonly LocalhostLink[] {
    if (!this.linksPart) {
      // Most pods name no local host in any text: then they have no links, and no text sources need building.
      const mayLink = this.pod.containers.some((container) => someText(container, mayNameLocalHost));
      this.linksPart = mayLink ? findLocalhostLinks(this.pod, this.sources, () => this.servedPorts) : [];
    }
    return this.linksPart;
  }

  get endpoints(): readonly ExternalEndpoint[] {
    return (this.endpointsPart ??= [...this.sources.values()].flatMap(findExternalEndpoints));
  }

  get effectiveResources(): PodAnalysis['effectiveResources'] {
    const amounts = this.resources;
    return (this.effectiveResourcesPart ??= {
      requests: formatAmounts(amounts.requests),
      limits: formatAmounts(amounts.limits),
    });
  }

  get qosClass(): QosClass {
    return (this.qosClassPart ??= qosClassOf(this.resources.perContainer, this.resources.podLevel));
  }

  get servedPorts(): readonly ServedPort[] {
    return (this.servedPortsPart ??= findServedPorts(this.pod, this.sources));
  }

  get resources(): EffectiveResources {
    return (this.resourcesPart ??= computeEffectiveResources(this.pod));
  }

  get hostNetwork(): boolean {
    if (this.hostNetworkPart === undefined) {
      const value = getPair(this.pod.spec, 'hostNetwork')?.value;
      this.hostNetworkPart = value?.kind === 'scalar' && value.value === true;
    }
    return this.hostNetworkPart;
  }

  roleOf(container: ContainerModel): ContainerRole {
    return this.roleAssignment.byContainer.get(container) ?? 'sidecar';
  }
}

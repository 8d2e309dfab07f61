import type { ContainerModel, PodModel, VolumeModel, VolumeMountModel } from '../model/podModel';
import type { Range } from '../yaml/nodes';

/** The part a container plays in its pod. */
export type ContainerRole = 'init' | 'native-sidecar' | 'main' | 'sidecar' | 'adapter' | 'ambassador';

export interface RoleAssignment {
  readonly container: ContainerModel;
  readonly role: ContainerRole;
  /** Why: "annotation pod-patterns.dev/roles", "first app container", "image name contains 'exporter'", … */
  readonly evidence: string;
}

export interface VolumeUse {
  readonly container: ContainerModel;
  readonly mount: VolumeMountModel;
}

/** A pod volume (or a name mounted without a volume) and every container that mounts it. */
export interface VolumeSharing {
  readonly name: string;
  readonly volume?: VolumeModel;
  /** emptyDir, configMap, secret, persistentVolumeClaim, … (undefined when no volume declares the name). */
  readonly type?: string;
  readonly mountedBy: readonly VolumeUse[];
}

/** A container reaching another one over localhost (`localhost:9000`, `127.0.0.1:81`, `http://localhost/x`). */
export interface LocalhostLink {
  readonly from: ContainerModel;
  /** The container that serves the port, when one does. */
  readonly to?: ContainerModel;
  readonly port: number;
  /** Where the reference is written (an env value, a command or args item). */
  readonly range: Range;
  /** The reference as written, e.g. `localhost:9000`. */
  readonly text: string;
}

/** An address outside the pod found in env values, command or args. */
export interface ExternalEndpoint {
  readonly from: ContainerModel;
  /** `host:port` or a URL, as written. */
  readonly target: string;
  readonly range: Range;
}

/** Resource name → quantity in canonical form (`cpu: "250m"`, `memory: "192Mi"`). */
export type ResourceAmounts = Readonly<Record<string, string>>;

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** What the service understood of a pod beyond its fields: roles, sharing, links, resources. */
export interface PodAnalysis {
  readonly pod: PodModel;
  readonly roles: readonly RoleAssignment[];
  /** The main container: the default-container annotation's, else the first app container. */
  readonly main?: ContainerModel;
  readonly volumes: readonly VolumeSharing[];
  readonly links: readonly LocalhostLink[];
  readonly endpoints: readonly ExternalEndpoint[];
  /** Sidecar-aware effective requests and limits of the pod (scheduling view). */
  readonly effectiveResources: { readonly requests: ResourceAmounts; readonly limits: ResourceAmounts };
  readonly qosClass: QosClass;
  roleOf(container: ContainerModel): ContainerRole;
}

import type { ContainerModel, PodModel, VolumeModel, VolumeMountModel } from '../model/podModel';
import type { Range, YScalar } from '../yaml/nodes';
import type { EffectiveResources } from './effectiveResources';
import type { ContainerRole, QosClass } from '../../shared/vocabulary';

export type { ContainerRole, QosClass } from '../../shared/vocabulary';

export interface RoleAssignment {
  readonly container: ContainerModel;
  readonly role: ContainerRole;
  /** The reasons joined with "; ", for callers that show one line. */
  readonly evidence: string;
  /**
   * The strongest reasons for the role in plain words, the most trusted first: "receives the
   * Service "web"'s traffic on :8080", "forwards app's calls to 127.0.0.1:5432 to a Cloud SQL instance".
   */
  readonly reasons: readonly string[];
  /**
   * For helpers (native sidecars included): the pattern they play, so a native sidecar that
   * proxies the main container's traffic is known as an ambassador too.
   */
  readonly pattern?: 'sidecar' | 'adapter' | 'ambassador';
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
  /** The scalar holding the reference and where in its value the reference starts. */
  readonly node: YScalar;
  readonly valueIndex: number;
  /** Where the reference was found. */
  readonly source: TextSourceKind;
  /** The flag or env var whose value holds the reference (`upstream`, `DATABASE_URL`). */
  readonly via?: string;
}

/** Where a container's free text lives: an env value, a `command` item or an `args` item. */
export type TextSourceKind = 'env' | 'command' | 'args';

/** A port a container listens on, declared (`containerPort`) or revealed by a flag or env var. */
export interface ServedPort {
  readonly container: ContainerModel;
  readonly port: number;
  readonly protocol: string;
  /** `containerPort`, or how it was revealed: `flag --port`, `env PORT`, `instance tcp:5432`. */
  readonly evidence: string;
  readonly declared: boolean;
  /** The containerPort value or the scalar that revealed it. */
  readonly range: Range;
}

/** An address outside the pod found in env values, command or args. */
export interface ExternalEndpoint {
  readonly from: ContainerModel;
  /** `host:port` or a URL, as written. */
  readonly target: string;
  readonly range: Range;
  readonly host: string;
  readonly port?: number;
}

/** Resource name → quantity in canonical form (`cpu: "250m"`, `memory: "192Mi"`). */
export type ResourceAmounts = Readonly<Record<string, string>>;

/** What the service understood of a pod beyond its fields: roles, sharing, links, resources. */
export interface PodAnalysis {
  readonly pod: PodModel;
  readonly roles: readonly RoleAssignment[];
  /** The main container: the app container with the most evidence (annotations, Service traffic, wiring, image, name). */
  readonly main?: ContainerModel;
  readonly volumes: readonly VolumeSharing[];
  readonly links: readonly LocalhostLink[];
  readonly endpoints: readonly ExternalEndpoint[];
  /** Sidecar-aware effective requests and limits of the pod (scheduling view). */
  readonly effectiveResources: { readonly requests: ResourceAmounts; readonly limits: ResourceAmounts };
  readonly qosClass: QosClass;
  /** Every port a container listens on, declared or revealed by flags and env vars. */
  readonly servedPorts: readonly ServedPort[];
  /** The parsed figures behind `effectiveResources` (per container, largest init use, running sum). */
  readonly resources: EffectiveResources;
  /** `spec.hostNetwork: true`: localhost is the node, not the pod. */
  readonly hostNetwork: boolean;
  roleOf(container: ContainerModel): ContainerRole;
}

import type { ContainerRole, Position, QosClass, Severity } from '../vocabulary';

/** A source range in the whole file, both as offsets and as LSP positions. */
export interface TopologyRange {
  /** File offsets, half-open. */
  readonly start: number;
  readonly end: number;
  readonly startPosition: Position;
  readonly endPosition: Position;
}

export type TopologyNodeKind = 'pod' | 'container' | 'volume' | 'endpoint' | 'service';

export type TopologyEdgeKind = 'sequence' | 'mount' | 'localhost' | 'external' | 'service';

export interface FindingBadge {
  readonly count: number;
  readonly worst: Severity;
  /** Distinct finding codes, in order of first appearance. */
  readonly codes: readonly string[];
}

export interface TopologyNode {
  /** Stable within one graph, never derived from user text (safe as a DOM attribute). */
  readonly id: string;
  readonly kind: TopologyNodeKind;
  /** Containers only. */
  readonly role?: ContainerRole;
  /** The name as written (container, volume, Service), the target of an endpoint, or the pod's name. */
  readonly label: string;
  /** Container image as written, and its short form for display. */
  readonly image?: string;
  readonly shortImage?: string;
  /** Declared ports, e.g. `80/TCP`, `metrics:9113/TCP`. */
  readonly ports?: readonly string[];
  /** 1-based start order of init containers (native sidecars included). */
  readonly order?: number;
  /** Volume source type (`emptyDir`, `configMap`, …); `undeclared` for a name mounted without a volume. */
  readonly volumeType?: string;
  readonly range?: TopologyRange;
  readonly findings?: FindingBadge;
  /** Why a container has its role (the analysis's evidence). */
  readonly evidence?: string;
}

export interface TopologyEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: TopologyEdgeKind;
  /** Mount path, `localhost:81`, `port 80`, … */
  readonly label?: string;
  /** Read-only mounts are drawn differently. */
  readonly readOnly?: boolean;
  /** A localhost call an init container waits on forever (the init-waits-on-later-container finding's message). */
  readonly deadlock?: string;
}

export interface TopologyPodSummary {
  readonly name: string;
  /** Workload kind (`Pod`, `Deployment`, …). */
  readonly kind: string;
  readonly qosClass: QosClass;
  readonly requests: Readonly<Record<string, string>>;
  readonly limits: Readonly<Record<string, string>>;
}

/** One pod's topology: what the webview and the CLI draw. */
export interface TopologyGraph {
  /** Which pod of the file this is. */
  readonly target: TopologyTarget;
  readonly pod: TopologyPodSummary;
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
}

/** A pod-bearing object in a file: the document and the pod's index within it (List items). */
export interface TopologyTarget {
  readonly documentIndex: number;
  readonly podIndex: number;
  /** `Pod git-syncer`, `Deployment web (document 2)`. */
  readonly label: string;
  /** File offsets of the object, so a host can tell which pod the cursor is in. */
  readonly start: number;
  readonly end: number;
}

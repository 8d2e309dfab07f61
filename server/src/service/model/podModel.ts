import type { Range, YMap, YNode, YPair, YScalar, YSeq } from '../yaml/nodes';
import type { WorkloadKind, WorkloadShape } from './workloads';

/** Init containers run in order to completion; native sidecars are init containers with `restartPolicy: Always`. */
export type ContainerGroup = 'init' | 'native-sidecar' | 'app';

export interface PortModel {
  readonly index: number;
  /** API field path, e.g. `spec.containers[0].ports[1]`. */
  readonly path: string;
  readonly node: YNode;
  readonly containerPort?: number;
  readonly containerPortNode?: YScalar;
  readonly name?: string;
  readonly nameNode?: YScalar;
  /** Defaulted to TCP as the API server does. */
  readonly protocol: string;
  readonly hostPort?: number;
  readonly hostPortNode?: YScalar;
  readonly hostIP?: string;
}

export interface VolumeMountModel {
  readonly index: number;
  readonly path: string;
  readonly node: YNode;
  readonly name?: string;
  readonly nameNode?: YScalar;
  readonly mountPath?: string;
  readonly mountPathNode?: YScalar;
  readonly readOnly: boolean;
  readonly subPath?: string;
}

export interface EnvVarModel {
  readonly index: number;
  readonly path: string;
  readonly node: YNode;
  readonly name?: string;
  readonly nameNode?: YScalar;
  /** The literal value, if any (numbers and booleans printed as text). */
  readonly value?: string;
  readonly valueNode?: YNode;
  readonly valueFrom?: YMap;
  readonly valueFromPair?: YPair;
}

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

export interface ProbeModel {
  readonly kind: ProbeKind;
  readonly pair: YPair;
  readonly node: YMap | undefined;
  readonly path: string;
}

export interface ResourceListModel {
  readonly pair: YPair;
  readonly node: YMap | undefined;
  /** Resource name → quantity as written (`"500m"`, `1`, `"1Gi"`). */
  readonly values: ReadonlyMap<string, { readonly text: string; readonly pair: YPair }>;
}

export interface ResourcesModel {
  readonly pair?: YPair;
  readonly requests?: ResourceListModel;
  readonly limits?: ResourceListModel;
}

export interface ContainerModel {
  readonly group: ContainerGroup;
  readonly listKey: 'initContainers' | 'containers';
  /** Index in its own list (`initContainers` or `containers`). */
  readonly index: number;
  /** API field path, e.g. `spec.template.spec.initContainers[0]`. */
  readonly path: string;
  readonly node: YNode;
  /** The map of the container, when it is one. */
  readonly map: YMap | undefined;
  readonly name?: string;
  readonly nameNode?: YScalar;
  readonly image?: string;
  readonly imageNode?: YScalar;
  readonly imagePair?: YPair;
  readonly restartPolicy?: string;
  readonly restartPolicyPair?: YPair;
  readonly ports: readonly PortModel[];
  readonly portsPair?: YPair;
  readonly volumeMounts: readonly VolumeMountModel[];
  readonly volumeMountsPair?: YPair;
  readonly env: readonly EnvVarModel[];
  readonly envPair?: YPair;
  /** Scalar items of `command` / `args`, as text. */
  readonly command: readonly string[];
  readonly commandNode?: YSeq;
  readonly args: readonly string[];
  readonly argsNode?: YSeq;
  readonly probes: readonly ProbeModel[];
  readonly lifecyclePair?: YPair;
  readonly resources: ResourcesModel;
}

export interface VolumeModel {
  readonly index: number;
  readonly path: string;
  readonly node: YNode;
  readonly name?: string;
  readonly nameNode?: YScalar;
  /** The keys that name a volume source (`emptyDir`, `configMap`, …): every key but `name`. */
  readonly sources: readonly YPair[];
  /** The first source's key, e.g. `emptyDir`; undefined when there is none. */
  readonly type?: string;
}

/** A labels or annotations map: key → value text, plus the pairs for ranges. */
export interface StringMapModel {
  readonly pair?: YPair;
  readonly values: ReadonlyMap<string, string>;
  readonly pairs: ReadonlyMap<string, YPair>;
}

/**
 * One pod spec found in a YAML document, with every element's source range. Built once
 * per document by `buildPodModel` and read by every feature.
 */
export interface PodModel {
  readonly kind: WorkloadKind;
  readonly shape: WorkloadShape;
  readonly apiVersion: string;
  /** The workload's `metadata.name`. */
  readonly name?: string;
  /** The resource's root map (a List item's map for List items). */
  readonly root: YMap;
  /** Prefix for API paths, e.g. `spec.template.spec`. */
  readonly specPath: string;
  /** The `kind:` pair, a good anchor for document-level findings. */
  readonly kindPair: YPair;
  readonly specPair?: YPair;
  readonly spec?: YMap;
  readonly podMetadata?: YMap;
  readonly labels: StringMapModel;
  readonly annotations: StringMapModel;
  /** Init containers (native sidecars included) first, then app containers, in document order. */
  readonly containers: readonly ContainerModel[];
  readonly initContainersPair?: YPair;
  readonly containersPair?: YPair;
  readonly volumes: readonly VolumeModel[];
  readonly volumesPair?: YPair;
  readonly restartPolicy?: string;
  readonly restartPolicyPair?: YPair;
}

/** A Kubernetes object found in a document (the document root, or an item of a `List`). */
export interface ResourceModel {
  readonly root: YMap;
  readonly apiVersion?: string;
  readonly kind?: string;
  /** `items[3]` for List items, empty for a document root. */
  readonly pathPrefix: readonly (string | number)[];
  /** Set for pod-bearing kinds with a served apiVersion. */
  readonly pod?: PodModel;
}

export type { Range };

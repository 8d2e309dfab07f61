/**
 * Where each pod-bearing kind keeps its pod template. Documents are recognised by
 * `apiVersion` + `kind`, never by file name.
 */

export type WorkloadKind =
  | 'Pod'
  | 'PodTemplate'
  | 'ReplicationController'
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'Job'
  | 'CronJob';

/** How the API server treats the pod's `restartPolicy` and selector for this kind. */
export type WorkloadFamily = 'pod' | 'template' | 'controller' | 'job';

export interface WorkloadShape {
  readonly kind: WorkloadKind;
  /** The apiVersions served today (the schema knows these). */
  readonly apiVersions: readonly string[];
  readonly family: WorkloadFamily;
  /** Path from the document root to the pod spec. */
  readonly specPath: readonly string[];
  /** Path from the document root to the pod's metadata (labels, annotations). */
  readonly podMetadataPath: readonly string[];
  /** Path to the controller's selector, for kinds that have one. */
  readonly selectorPath?: readonly string[];
  /** ReplicationController selects by a plain label map, the others by a LabelSelector. */
  readonly selectorStyle?: 'labels' | 'labelSelector';
}

export const WORKLOADS: Readonly<Record<WorkloadKind, WorkloadShape>> = {
  Pod: {
    kind: 'Pod',
    apiVersions: ['v1'],
    family: 'pod',
    specPath: ['spec'],
    podMetadataPath: ['metadata'],
  },
  PodTemplate: {
    kind: 'PodTemplate',
    apiVersions: ['v1'],
    family: 'template',
    specPath: ['template', 'spec'],
    podMetadataPath: ['template', 'metadata'],
  },
  ReplicationController: {
    kind: 'ReplicationController',
    apiVersions: ['v1'],
    family: 'controller',
    specPath: ['spec', 'template', 'spec'],
    podMetadataPath: ['spec', 'template', 'metadata'],
    selectorPath: ['spec', 'selector'],
    selectorStyle: 'labels',
  },
  Deployment: {
    kind: 'Deployment',
    apiVersions: ['apps/v1'],
    family: 'controller',
    specPath: ['spec', 'template', 'spec'],
    podMetadataPath: ['spec', 'template', 'metadata'],
    selectorPath: ['spec', 'selector'],
    selectorStyle: 'labelSelector',
  },
  StatefulSet: {
    kind: 'StatefulSet',
    apiVersions: ['apps/v1'],
    family: 'controller',
    specPath: ['spec', 'template', 'spec'],
    podMetadataPath: ['spec', 'template', 'metadata'],
    selectorPath: ['spec', 'selector'],
    selectorStyle: 'labelSelector',
  },
  DaemonSet: {
    kind: 'DaemonSet',
    apiVersions: ['apps/v1'],
    family: 'controller',
    specPath: ['spec', 'template', 'spec'],
    podMetadataPath: ['spec', 'template', 'metadata'],
    selectorPath: ['spec', 'selector'],
    selectorStyle: 'labelSelector',
  },
  ReplicaSet: {
    kind: 'ReplicaSet',
    apiVersions: ['apps/v1'],
    family: 'controller',
    specPath: ['spec', 'template', 'spec'],
    podMetadataPath: ['spec', 'template', 'metadata'],
    selectorPath: ['spec', 'selector'],
    selectorStyle: 'labelSelector',
  },
  Job: {
    kind: 'Job',
    apiVersions: ['batch/v1'],
    family: 'job',
    specPath: ['spec', 'template', 'spec'],
    podMetadataPath: ['spec', 'template', 'metadata'],
    selectorPath: ['spec', 'selector'],
    selectorStyle: 'labelSelector',
  },
  CronJob: {
    kind: 'CronJob',
    apiVersions: ['batch/v1'],
    family: 'job',
    specPath: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    podMetadataPath: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
  },
};

export function workloadShape(kind: unknown): WorkloadShape | undefined {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(WORKLOADS, kind)
    ? WORKLOADS[kind as WorkloadKind]
    : undefined;
}

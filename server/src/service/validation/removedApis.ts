/**
 * apiVersions that stopped serving a kind, with the Kubernetes release that removed them
 * (the API deprecation guide). Used for every object in a file that holds pods, so that a
 * PodDisruptionBudget or Ingress shipped beside a Deployment is not silently left behind.
 */
const REMOVED: ReadonlyArray<
  readonly [apiVersion: string, kinds: readonly string[] | '*', removedIn: string, replacement: string]
> = [
  ['extensions/v1beta1', ['DaemonSet', 'Deployment', 'ReplicaSet'], '1.16', 'apps/v1'],
  ['extensions/v1beta1', ['NetworkPolicy'], '1.16', 'networking.k8s.io/v1'],
  [
    'extensions/v1beta1',
    ['PodSecurityPolicy'],
    '1.16',
    'policy/v1beta1 (itself removed in 1.25: use Pod Security Admission)',
  ],
  ['extensions/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1'],
  ['apps/v1beta1', '*', '1.16', 'apps/v1'],
  ['apps/v1beta2', '*', '1.16', 'apps/v1'],
  ['networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], '1.22', 'networking.k8s.io/v1'],
  ['rbac.authorization.k8s.io/v1beta1', '*', '1.22', 'rbac.authorization.k8s.io/v1'],
  ['scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.22', 'scheduling.k8s.io/v1'],
  ['coordination.k8s.io/v1beta1', ['Lease'], '1.22', 'coordination.k8s.io/v1'],
  ['batch/v1beta1', ['CronJob'], '1.25', 'batch/v1'],
  ['batch/v2alpha1', ['CronJob'], '1.21', 'batch/v1'],
  ['policy/v1beta1', ['PodDisruptionBudget'], '1.25', 'policy/v1'],
  ['policy/v1beta1', ['PodSecurityPolicy'], '1.25', 'Pod Security Admission (the kind is gone)'],
  ['autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.25', 'autoscaling/v2'],
  ['autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.26', 'autoscaling/v2'],
  ['node.k8s.io/v1beta1', ['RuntimeClass'], '1.25', 'node.k8s.io/v1'],
  ['discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.25', 'discovery.k8s.io/v1'],
];

export interface RemovedApi {
  readonly removedIn: string;
  readonly replacement: string;
}

/** Whether `apiVersion` no longer serves `kind` at the target minor version. */
export function removedApi(
  apiVersion: string | undefined,
  kind: string | undefined,
  targetMinor: number,
): RemovedApi | undefined {
  if (apiVersion === undefined || kind === undefined) return undefined;
  for (const [version, kinds, removedIn, replacement] of REMOVED) {
    if (version !== apiVersion || (kinds !== '*' && !kinds.includes(kind))) continue;
    if (targetMinor >= Number(removedIn.split('.')[1])) return { removedIn, replacement };
  }
  return undefined;
}

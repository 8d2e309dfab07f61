import { WORKLOADS, type WorkloadKind } from '../model/workloads';

/**
 * Short descriptions of the values authors pick from, written here from the Kubernetes API
 * documentation (k8s.io/api v0.33: core/v1, apps/v1 and batch/v1 types.go comments) and the
 * API server's defaulting. Keyed by field name: the fields with these enums mean one thing
 * wherever they appear in a pod (a container's `restartPolicy` has no enum in the schema).
 */
const FIELD_VALUES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  restartPolicy: {
    Always: 'Restart containers whenever they exit; the only value Deployments and other controllers accept.',
    OnFailure: 'Restart a container only when it exits with an error (Jobs).',
    Never: 'Never restart a container; a Job replaces a failed pod instead.',
  },
  dnsPolicy: {
    ClusterFirst: 'Cluster DNS first, then the upstream servers of the node (the default).',
    ClusterFirstWithHostNet: 'ClusterFirst for a pod with hostNetwork: true.',
    Default: "The node's own DNS settings (despite the name, not the default).",
    None: 'Only the servers and searches that dnsConfig lists.',
  },
  preemptionPolicy: {
    PreemptLowerPriority: 'May evict pods of lower priority to be scheduled (the default).',
    Never: 'Waits for room; never evicts other pods.',
  },
  imagePullPolicy: {
    Always: 'Pull the image each time the container starts (the default for :latest or no tag).',
    IfNotPresent: 'Pull only when the node does not have the image (the default for other tags).',
    Never: 'Never pull: the image must already be on the node.',
  },
  protocol: {
    TCP: 'TCP (the default).',
    UDP: 'UDP.',
    SCTP: 'SCTP.',
  },
  terminationMessagePolicy: {
    File: 'The message is read from terminationMessagePath (the default).',
    FallbackToLogsOnError: 'The last lines of the log when the file is empty and the container failed.',
  },
  mountPropagation: {
    None: 'No mount propagation (the default).',
    HostToContainer: 'Mounts the host makes later under the volume appear in the container.',
    Bidirectional: 'Mounts propagate both ways; needs a privileged container.',
  },
  concurrencyPolicy: {
    Allow: "A CronJob's Jobs may run at the same time (the default).",
    Forbid: 'A run is skipped while the previous Job is still running.',
    Replace: 'The running Job is replaced by the new one.',
  },
  podManagementPolicy: {
    OrderedReady: 'Pods are created and removed one at a time, in order (the default).',
    Parallel: 'Pods are created and removed all at once.',
  },
  completionMode: {
    NonIndexed: 'The Job completes after that many successful pods, whichever they are (the default).',
    Indexed: 'Each pod gets an index (JOB_COMPLETION_INDEX); the Job completes when every index has succeeded.',
  },
};

/** The description of one value of a field. */
export function valueNote(field: string, value: string): string | undefined {
  return FIELD_VALUES[field]?.[value];
}

/** What each pod-bearing kind is for, in a line. */
export const KIND_NOTES: Readonly<Record<WorkloadKind, string>> = {
  Pod: 'One pod, run as written: nothing recreates it if it stops or its node fails.',
  Deployment: 'Keeps a number of identical pods running and rolls out changes to their template.',
  StatefulSet: 'Pods with stable names and volumes of their own, started and updated in order.',
  DaemonSet: 'One pod on every node (or every selected node): node agents, log collectors.',
  ReplicaSet: 'Keeps a number of identical pods running; usually managed by a Deployment.',
  ReplicationController: 'The older form of ReplicaSet: prefer a Deployment.',
  Job: 'Runs pods until enough of them complete successfully.',
  CronJob: 'Creates a Job on a schedule (cron syntax).',
  PodTemplate: 'A stored pod template; rarely written by hand.',
};

/** The pod-bearing kinds with the apiVersion that serves each, as `kind`/`apiVersion` completions offer them. */
export function podBearingKinds(): { kind: WorkloadKind; apiVersion: string }[] {
  return Object.values(WORKLOADS).map((shape) => ({ kind: shape.kind, apiVersion: shape.apiVersions[0]! }));
}

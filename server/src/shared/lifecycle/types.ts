import type { ContainerRole, Severity } from '../vocabulary';

/** Init containers run in order to completion; native sidecars are init containers with `restartPolicy: Always`. */
export type LifecycleGroup = 'init' | 'native-sidecar' | 'app';

/**
 * What happens to a container, in the words of the kubelet:
 * - `running`: the process was started (emitted only when `started` comes later: a postStart
 *   hook or a startupProbe sits between them);
 * - `started`: the container counts as started (`containerStatuses[].started`): its postStart
 *   hook returned and its startupProbe, if any, passed; the next init container or native
 *   sidecar is started only from here;
 * - `ready`: it passes its readinessProbe (or has none and is started);
 * - `completed`: it exited on its own (init containers, the regular containers of a Job);
 * - `stopping`: the kubelet began to stop it: its preStop hook runs, or SIGTERM is sent;
 * - `sigterm`: SIGTERM is sent (after the preStop hook; a native sidecar only once the
 *   containers after it have stopped);
 * - `stopped`: its process is gone, by itself after SIGTERM or by SIGKILL at `atMost`.
 */
export type LifecycleEventKind = 'running' | 'started' | 'ready' | 'completed' | 'stopping' | 'sigterm' | 'stopped';

export interface LifecycleEvent {
  /** The container's name, or its API path when it has none. */
  readonly container: string;
  readonly event: LifecycleEventKind;
  /** Seconds from the pod's creation (scheduling and image pulls count as no time). */
  readonly at: number;
  /**
   * `at` is only the earliest moment: something of unknown length comes first (an init
   * container's work, an exec or HTTP hook, a probe that may fail a few times).
   */
  readonly atLeast?: true;
  /** Seconds after `at` by which it has surely happened (SIGKILL at the end of the grace period). */
  readonly within?: number;
  /**
   * Shutdown events: seconds since the shutdown began (the deletion request, or a Job pod's last
   * regular container exiting), a lower bound only when something of unknown length comes first
   * in the shutdown itself; `at` may be a lower bound just because the startup was.
   */
  readonly sinceShutdown?: { readonly seconds: number; readonly atLeast?: true };
  /** Why the moment is what it is, in a few words (`preStop sleep 5s`, `startupProbe: first check at 10s`). */
  readonly why?: string;
}

/** Something the timeline shows that goes wrong; `fromFinding` when it is a rule's finding shown on the timeline. */
export interface LifecycleFlag {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** The containers it is about. */
  readonly containers: readonly string[];
  readonly fromFinding: boolean;
}

/** How the simulated pod ends up. */
export type LifecycleOutcome =
  /** Started and kept running until deletion, then stopped. */
  | 'runs-until-deleted'
  /** A Job's pod: its regular containers exit and the pod succeeds. */
  | 'completes'
  /** An init container waits forever: the app containers never start. */
  | 'never-starts'
  /** A Job's pod whose regular helper never exits: the Job never completes. */
  | 'never-completes';

export interface LifecycleContainer {
  readonly name: string;
  readonly group: LifecycleGroup;
  readonly role: ContainerRole;
  /** False when an earlier init container never completes. */
  readonly starts: boolean;
}

/** The simulated startup and shutdown of one pod. */
export interface Lifecycle {
  readonly pod: { readonly kind: string; readonly name: string };
  /** Init containers and native sidecars in start order, then the app containers. */
  readonly containers: readonly LifecycleContainer[];
  /** `terminationGracePeriodSeconds`, 30 when not written. */
  readonly gracePeriodSeconds: number;
  readonly gracePeriodWritten: boolean;
  /** When every container is ready (the pod is Ready); absent when it never gets there. */
  readonly podReady?: { readonly at: number; readonly atLeast?: true };
  /** When the shutdown starts: deletion, requested as soon as the pod is ready; or a Job pod's last regular container exiting. */
  readonly shutdownFrom?: {
    readonly at: number;
    readonly atLeast?: true;
    readonly cause: 'deletion' | 'job-completed';
  };
  readonly outcome: LifecycleOutcome;
  /** In time order (events at the same moment in the order the kubelet acts). */
  readonly events: readonly LifecycleEvent[];
  readonly flags: readonly LifecycleFlag[];
}

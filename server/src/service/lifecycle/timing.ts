/**
 * The durations a manifest implies, read from the pod model's nodes.
 *
 * Kubernetes facts (v1.34, kubernetes/kubernetes):
 * - probe defaults (pkg/apis/core/v1/defaults.go SetDefaults_Probe): periodSeconds 10,
 *   successThreshold 1, failureThreshold 3; initialDelaySeconds is 0 when absent;
 * - `terminationGracePeriodSeconds` defaults to 30 (SetDefaults_PodSpec);
 * - the prober skips a container until `initialDelaySeconds` have passed since it started,
 *   then probes every `periodSeconds`; readiness and liveness probes wait for the startup
 *   probe (pkg/kubelet/prober/worker.go doProbe);
 * - lifecycle handlers are exec, httpGet, tcpSocket (deprecated) or sleep (`sleep.seconds`,
 *   PodLifecycleSleepAction, GA in 1.34).
 */
import type { ContainerModel, ProbeKind } from '../model/podModel';
import { getMap, getPair, getSeq, isMap, scalarText, type YMap } from '../yaml/nodes';

export const DEFAULT_GRACE_PERIOD_SECONDS = 30;
/** kubelet `minimumGracePeriodInSeconds` (pkg/kubelet/kuberuntime/kuberuntime_container.go): SIGTERM always gets this long before SIGKILL. */
export const MINIMUM_SHUTDOWN_WINDOW_SECONDS = 2;

export interface ProbeTiming {
  readonly initialDelaySeconds: number;
  readonly periodSeconds: number;
  readonly successThreshold: number;
  readonly failureThreshold: number;
}

/** A non-negative whole number written in a map, or the default (also for text, negatives and fractions the API rejects). */
function wholeNumber(map: YMap | undefined, key: string, fallback: number): number {
  const text = scalarText(getPair(map, key)?.value);
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : fallback;
}

export function probeTiming(container: ContainerModel, kind: ProbeKind): ProbeTiming | undefined {
  const probe = container.probes.find((entry) => entry.kind === kind);
  if (!probe) return undefined;
  return {
    initialDelaySeconds: wholeNumber(probe.node, 'initialDelaySeconds', 0),
    periodSeconds: Math.max(1, wholeNumber(probe.node, 'periodSeconds', 10)),
    successThreshold: Math.max(1, wholeNumber(probe.node, 'successThreshold', 1)),
    failureThreshold: Math.max(1, wholeNumber(probe.node, 'failureThreshold', 3)),
  };
}

/** How long a lifecycle hook takes: known for `sleep` (and an exec that only sleeps), unknown otherwise. */
export type HookDuration =
  | { readonly seconds: number; readonly known: true; readonly what: string }
  | { readonly known: false; readonly what: string };

// `sleep 5`, `/bin/sleep 5`, `sh -c "sleep 5"`: the command is nothing but a sleep of whole seconds.
const SLEEP_ONLY = /^\s*(?:\/(?:usr\/)?bin\/)?sleep\s+(\d{1,7})s?\s*;?\s*$/;
const SHELL = /^(?:\/(?:usr\/)?bin\/)?(?:ba|da|a)?sh$/;

function execSleepSeconds(command: readonly string[]): number | undefined {
  if (command.length === 2 && /^(?:\/(?:usr\/)?bin\/)?sleep$/.test(command[0]!)) {
    const match = /^(\d{1,7})s?$/.exec(command[1]!);
    return match ? Number(match[1]) : undefined;
  }
  if (command.length === 3 && SHELL.test(command[0]!) && command[1] === '-c') {
    const match = SLEEP_ONLY.exec(command[2]!);
    return match ? Number(match[1]) : undefined;
  }
  if (command.length === 1) {
    const match = SLEEP_ONLY.exec(command[0]!);
    return match ? Number(match[1]) : undefined;
  }
  return undefined;
}

export function hookDuration(container: ContainerModel, hook: 'postStart' | 'preStop'): HookDuration | undefined {
  const lifecycle = container.lifecyclePair?.value;
  if (!isMap(lifecycle)) return undefined;
  const handler = getMap(lifecycle, hook);
  if (!handler) return undefined;
  const sleep = getMap(handler, 'sleep');
  if (sleep) {
    const seconds = scalarText(getPair(sleep, 'seconds')?.value);
    return seconds !== undefined && /^\d{1,9}$/.test(seconds)
      ? { seconds: Number(seconds), known: true, what: `${hook} sleep ${seconds}s` }
      : { known: false, what: `${hook} sleep of unreadable length` };
  }
  const exec = getMap(handler, 'exec');
  if (exec) {
    const command = (getSeq(exec, 'command')?.items ?? []).map((item) => scalarText(item) ?? '');
    const seconds = execSleepSeconds(command);
    return seconds !== undefined
      ? { seconds, known: true, what: `${hook} exec sleep ${seconds}s` }
      : { known: false, what: `${hook} exec of unknown length` };
  }
  if (getMap(handler, 'httpGet')) return { known: false, what: `${hook} httpGet of unknown length` };
  if (getMap(handler, 'tcpSocket')) return { known: false, what: `${hook} tcpSocket` };
  return { known: false, what: `${hook} hook of unknown kind` };
}

/** The pod's `terminationGracePeriodSeconds`, and whether it is written. */
export function gracePeriod(spec: YMap | undefined): { readonly seconds: number; readonly written: boolean } {
  const text = scalarText(getPair(spec, 'terminationGracePeriodSeconds')?.value);
  if (text !== undefined && /^\d{1,9}$/.test(text)) return { seconds: Number(text), written: true };
  // A negative value is treated as 1 by the API server (pkg/api/pod/warnings.go); the rule negative-termination-grace-period reports it.
  if (text !== undefined && /^-\d{1,9}$/.test(text)) return { seconds: 1, written: true };
  return { seconds: DEFAULT_GRACE_PERIOD_SECONDS, written: false };
}

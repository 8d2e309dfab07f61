/**
 * The simulated lifecycle of one pod, from its model: how the kubelet starts the containers
 * and how it stops them. Nothing is parsed again; durations come from the fields that imply
 * them (`timing.ts`) and whatever cannot be known (how long an init container works, an exec
 * hook, when a probe first passes) makes the moments after it lower bounds.
 *
 * Kubelet behaviour (kubernetes/kubernetes v1.34, pkg/kubelet/kuberuntime):
 * - init containers run one at a time, each to completion; a restartable init container
 *   (native sidecar) counts as done once it is started, i.e. its postStart hook returned and
 *   its startupProbe passed (kuberuntime_manager.go computeInitContainerActions);
 * - app containers are started one after another in one pass; `startContainer` runs the
 *   postStart hook before returning, so a hook holds back the containers after it;
 * - on deletion every running container gets its preStop hook at once; app containers get
 *   SIGTERM when their hook returns; a native sidecar waits until every app container and
 *   every sidecar declared after it has exited (kuberuntime_termination_order.go), all within
 *   one `terminationGracePeriodSeconds` counted from the deletion; a preStop hook is cut at the
 *   end of the period, and SIGTERM always gets at least 2 s before SIGKILL
 *   (kuberuntime_container.go killContainer, minimumGracePeriodInSeconds);
 * - a Job's pod succeeds when its regular containers exit; its native sidecars are then
 *   stopped the same way.
 */
import { analyzePod } from '../analysis/analyzePod';
import type { Finding } from '../findings/finding';
import type { ContainerModel, PodModel } from '../model/podModel';
import { gracePeriod, hookDuration, MINIMUM_SHUTDOWN_WINDOW_SECONDS, probeTiming } from './timing';
import type {
  Lifecycle,
  LifecycleContainer,
  LifecycleEvent,
  LifecycleEventKind,
  LifecycleFlag,
  LifecycleOutcome,
} from '../../shared/lifecycle/types';

/** A moment on the pod's clock: exact, or only the earliest it can be. */
interface Moment {
  readonly at: number;
  readonly exact: boolean;
}

const ZERO: Moment = { at: 0, exact: true };

function plus(moment: Moment, seconds: number, exact = true): Moment {
  return { at: moment.at + seconds, exact: moment.exact && exact };
}

/** The later of two moments; exact only when both are (the later of a known and an unknown time is unknown). */
function later(a: Moment, b: Moment): Moment {
  return { at: Math.max(a.at, b.at), exact: a.exact && b.exact };
}

/** Rule findings the timeline shows where they happen. */
const DEADLOCK = 'init-waits-on-later-container';
const JOB_NEVER_COMPLETES = 'sidecar-blocks-job-completion';
const APP_HELPER_RACE = 'sidecar-start-order';

export function containerName(container: ContainerModel): string {
  return container.name ?? container.path;
}

function inside(container: ContainerModel, finding: Finding): boolean {
  return container.node.range.start <= finding.range.start && finding.range.start < container.node.range.end;
}

function formatSeconds(moment: Moment): string {
  return `${moment.exact ? '' : '≥ '}${moment.at}s`;
}

/**
 * Simulates one pod. `findings` are the rule findings of the pod's document (document-relative
 * ranges, as `FileAnalysis` keeps them): the timeline shows the deadlock, race and Job findings
 * where they happen instead of working them out again.
 */
export function simulateLifecycle(pod: PodModel, findings: readonly Finding[]): Lifecycle {
  const analysis = analyzePod(pod);
  const events: (LifecycleEvent & { readonly order: number })[] = [];
  const flags: LifecycleFlag[] = [];
  const grace = gracePeriod(pod.spec);

  const emit = (
    container: ContainerModel,
    event: LifecycleEventKind,
    moment: Moment,
    extra: Partial<Omit<LifecycleEvent, 'container' | 'event' | 'at'>> = {},
  ) => {
    events.push({
      container: containerName(container),
      event,
      at: moment.at,
      ...(moment.exact ? {} : { atLeast: true as const }),
      ...extra,
      order: events.length,
    });
  };
  const flagFinding = (finding: Finding, containers: readonly ContainerModel[]) => {
    if (flags.some((flag) => flag.fromFinding && flag.code === finding.code && flag.message === finding.message))
      return;
    flags.push({
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      containers: containers.map(containerName),
      fromFinding: true,
    });
  };

  /** Starts a container at `at`: emits running / started (and ready unless it is a plain init container). */
  const start = (container: ContainerModel, at: Moment) => {
    const postStart = hookDuration(container, 'postStart');
    const hookDone = postStart ? plus(at, postStart.known ? postStart.seconds : 0, postStart.known) : at;
    const startupProbe = probeTiming(container, 'startupProbe');
    // The probe's first check is `initialDelaySeconds` after the process started; whether it passes then depends on the program.
    const started = startupProbe ? later(hookDone, plus(at, startupProbe.initialDelaySeconds, false)) : hookDone;
    const whyStarted = [
      postStart?.what,
      startupProbe
        ? `startupProbe: first check ${startupProbe.initialDelaySeconds}s after running, restarted if it still fails after ${startupProbe.initialDelaySeconds + (startupProbe.failureThreshold - 1) * startupProbe.periodSeconds}s`
        : undefined,
    ].filter((text): text is string => text !== undefined);
    if (postStart || startupProbe) emit(container, 'running', at);
    emit(container, 'started', started, whyStarted.length > 0 ? { why: whyStarted.join('; ') } : {});
    let ready = started;
    if (container.group !== 'init') {
      const readinessProbe = probeTiming(container, 'readinessProbe');
      if (readinessProbe) {
        const earliest =
          readinessProbe.initialDelaySeconds + (readinessProbe.successThreshold - 1) * readinessProbe.periodSeconds;
        ready = later(started, plus(at, earliest, false));
        emit(container, 'ready', ready, {
          why: `readinessProbe: first check ${readinessProbe.initialDelaySeconds}s after running, every ${readinessProbe.periodSeconds}s, ${readinessProbe.successThreshold} success${readinessProbe.successThreshold === 1 ? '' : 'es'} needed`,
        });
      } else {
        emit(container, 'ready', ready);
      }
    }
    return { running: at, hookDone, started, ready };
  };

  const initGroup = pod.containers.filter((container) => container.group !== 'app');
  const apps = pod.containers.filter((container) => container.group === 'app');
  const lifecycleContainers: LifecycleContainer[] = [];
  const describe = (container: ContainerModel, starts: boolean) =>
    lifecycleContainers.push({
      name: containerName(container),
      group: container.group,
      role: analysis.roleOf(container),
      starts,
    });

  // Startup: init containers and native sidecars one by one.
  let clock = ZERO;
  let blocked = false;
  const sidecars: { container: ContainerModel; started: Moment; ready: Moment }[] = [];
  const readyMoments: Moment[] = [];
  for (const container of initGroup) {
    if (blocked) {
      describe(container, false);
      continue;
    }
    describe(container, true);
    const times = start(container, clock);
    if (container.group === 'init') {
      const deadlock = findings.find((finding) => finding.code === DEADLOCK && inside(container, finding));
      if (deadlock) {
        flagFinding(deadlock, [container]);
        blocked = true;
        continue;
      }
      const completed = plus(times.hookDone, 0, false);
      emit(container, 'completed', completed, { why: 'runs for as long as its work takes' });
      clock = completed;
    } else {
      sidecars.push({ container, started: times.started, ready: times.ready });
      readyMoments.push(times.ready);
      clock = times.started;
    }
  }

  const appTimes = new Map<ContainerModel, ReturnType<typeof start>>();
  if (blocked) {
    apps.forEach((container) => describe(container, false));
  } else {
    let next = clock;
    for (const container of apps) {
      describe(container, true);
      const times = start(container, next);
      appTimes.set(container, times);
      readyMoments.push(times.ready);
      next = times.hookDone;
    }
    flagUnreadySidecars(pod, analysis.links, sidecars, apps[0] ? appTimes.get(apps[0])!.running : undefined, flags);
  }
  for (const finding of findings) {
    if (finding.code !== APP_HELPER_RACE) continue;
    const helper = apps.find((container) => container.index === finding.data?.['containerIndex']);
    const main = apps.find((container) => inside(container, finding));
    flagFinding(
      finding,
      [main, helper].filter((container): container is ContainerModel => container !== undefined),
    );
  }

  let outcome: LifecycleOutcome = blocked ? 'never-starts' : 'runs-until-deleted';
  let podReady: Lifecycle['podReady'];
  let shutdownFrom: Lifecycle['shutdownFrom'];
  if (!blocked) {
    const allReady = readyMoments.reduce(later, clock);
    podReady = { at: allReady.at, ...(allReady.exact ? {} : { atLeast: true as const }) };
    const shutdown = new Shutdown(grace.seconds, emit, flags);
    if (pod.shape.family === 'job') {
      const neverExit = findings.filter((finding) => finding.code === JOB_NEVER_COMPLETES);
      let lastExit = clock;
      for (const container of apps) {
        const finding = neverExit.find((candidate) => inside(container, candidate));
        if (finding) {
          flagFinding(finding, [container]);
          continue;
        }
        const exit = plus(appTimes.get(container)!.started, 0, false);
        emit(container, 'completed', exit, { why: 'runs for as long as its work takes' });
        lastExit = later(lastExit, exit);
      }
      if (neverExit.some((finding) => apps.some((container) => inside(container, finding)))) {
        outcome = 'never-completes';
      } else {
        outcome = 'completes';
        shutdownFrom = {
          at: lastExit.at,
          ...(lastExit.exact ? {} : { atLeast: true as const }),
          cause: 'job-completed',
        };
        shutdown.run(
          lastExit,
          [],
          sidecars.map((entry) => entry.container),
        );
      }
    } else {
      shutdownFrom = { at: allReady.at, ...(allReady.exact ? {} : { atLeast: true as const }), cause: 'deletion' };
      shutdown.run(
        allReady,
        apps,
        sidecars.map((entry) => entry.container),
      );
    }
  }

  // Same second: exact moments first (nothing exact waits on something of unknown length), then in the order the kubelet acts.
  events.sort((a, b) => a.at - b.at || Number(a.atLeast === true) - Number(b.atLeast === true) || a.order - b.order);
  return {
    pod: { kind: pod.kind, name: pod.name ?? '(unnamed)' },
    containers: lifecycleContainers,
    gracePeriodSeconds: grace.seconds,
    gracePeriodWritten: grace.written,
    ...(podReady ? { podReady } : {}),
    ...(shutdownFrom ? { shutdownFrom } : {}),
    outcome,
    events: events.map(({ order: _order, ...event }) => event),
    flags,
  };
}

/**
 * A native sidecar the app may reach before it is ready: its readiness comes after the app
 * containers start, or it has no startupProbe (so the kubelet starts the next container as
 * soon as its process runs) while a later container calls it over localhost.
 */
function flagUnreadySidecars(
  pod: PodModel,
  links: ReturnType<typeof analyzePod>['links'],
  sidecars: readonly { container: ContainerModel; started: Moment; ready: Moment }[],
  appsStart: Moment | undefined,
  flags: LifecycleFlag[],
): void {
  if (!appsStart) return;
  for (const { container, ready } of sidecars) {
    const hasStartupProbe = container.probes.some((probe) => probe.kind === 'startupProbe');
    const callers = links.filter(
      (link) =>
        link.to === container &&
        link.from !== container &&
        pod.containers.indexOf(link.from) > pod.containers.indexOf(container),
    );
    const readyLate = ready.at > appsStart.at;
    if (!readyLate && (hasStartupProbe || callers.length === 0)) continue;
    const name = `"${containerName(container)}"`;
    const why = readyLate
      ? `it is ready at ${formatSeconds(ready)} but the app containers start at ${formatSeconds(appsStart)}`
      : `it has no startupProbe, so the kubelet starts the next container as soon as its process runs, while ${callers
          .map((link) => `"${containerName(link.from)}"`)
          .filter((text, index, all) => all.indexOf(text) === index)
          .join(', ')} call${callers.length === 1 ? 's' : ''} it on localhost:${callers[0]!.port}`;
    flags.push({
      code: 'sidecar-not-ready-before-app',
      severity: 'warning',
      message: `Native sidecar ${name} may not be ready when the app containers start: ${why}. A startupProbe that passes only once it serves holds the next container back.`,
      containers: [containerName(container), ...callers.map((link) => containerName(link.from))].filter(
        (text, index, all) => all.indexOf(text) === index,
      ),
      fromFinding: false,
    });
  }
}

type Emit = (
  container: ContainerModel,
  event: LifecycleEventKind,
  moment: Moment,
  extra?: Partial<Omit<LifecycleEvent, 'container' | 'event' | 'at'>>,
) => void;

/** The shutdown: preStop hooks, SIGTERM to the app containers, native sidecars last in reverse order, within one grace period. */
class Shutdown {
  constructor(
    private readonly grace: number,
    private readonly emit: Emit,
    private readonly flags: LifecycleFlag[],
  ) {}

  run(from: Moment, apps: readonly ContainerModel[], sidecars: readonly ContainerModel[]): void {
    // Times below are seconds since `from`, exact or lower bounds.
    let appsExited: Moment = ZERO;
    for (const container of apps) {
      const { hookEnd } = this.preStop(container, from);
      const stopped = this.signal(container, from, hookEnd);
      appsExited = later(appsExited, stopped);
    }
    let previousExited = appsExited;
    for (const container of [...sidecars].reverse()) {
      const { hookEnd } = this.preStop(container, from);
      let sigterm = hookEnd;
      if (hookEnd.at < this.grace) {
        // waitForTurn: until the app containers and later sidecars exited, but no longer than the grace period.
        const turn = later(hookEnd, previousExited);
        sigterm = turn.at >= this.grace ? { at: this.grace, exact: true } : turn;
        if (turn.at >= this.grace && apps.length > 0) {
          this.flags.push({
            code: 'grace-period-exhausted-before-sidecar',
            severity: 'warning',
            message: `The containers that stop before native sidecar "${container.name ?? container.path}" use up the ${this.grace}s grace period: it gets SIGTERM only at ${this.grace}s and SIGKILL ${MINIMUM_SHUTDOWN_WINDOW_SECONDS}s later.`,
            containers: [container.name ?? container.path],
            fromFinding: false,
          });
        }
      }
      previousExited = this.signal(container, from, sigterm, 'after the containers declared after it stopped');
    }
  }

  /** Emits `stopping` when a preStop hook runs, and returns when it ends (cut at the end of the grace period). */
  private preStop(container: ContainerModel, from: Moment): { hookEnd: Moment } {
    const hook = hookDuration(container, 'preStop');
    if (!hook) return { hookEnd: ZERO };
    this.emit(container, 'stopping', from, { sinceShutdown: { seconds: 0 }, why: hook.what });
    if (!hook.known) return { hookEnd: { at: 0, exact: false } };
    if (hook.seconds >= this.grace) {
      this.flags.push({
        code: 'prestop-exceeds-grace-period',
        severity: 'warning',
        message:
          `The preStop hook of "${container.name ?? container.path}" sleeps ${hook.seconds}s but terminationGracePeriodSeconds is ${this.grace}s: the kubelet cuts the hook at ${this.grace}s, ` +
          `sends SIGTERM and SIGKILLs ${MINIMUM_SHUTDOWN_WINDOW_SECONDS}s later, so the container gets no time to stop cleanly. Raise terminationGracePeriodSeconds above the sleep plus the time it needs to stop.`,
        containers: [container.name ?? container.path],
        fromFinding: false,
      });
    }
    return { hookEnd: { at: Math.min(hook.seconds, this.grace), exact: true } };
  }

  /** SIGTERM at `sigterm` (since the shutdown began); returns the earliest exit. */
  private signal(container: ContainerModel, from: Moment, sigterm: Moment, waited?: string): Moment {
    const since = (moment: Moment) => ({ seconds: moment.at, ...(moment.exact ? {} : { atLeast: true as const }) });
    const absolute = (moment: Moment) => ({ at: from.at + moment.at, exact: from.exact && moment.exact });
    const preStop = hookDuration(container, 'preStop');
    if (!preStop) this.emit(container, 'stopping', absolute(sigterm), { sinceShutdown: since(sigterm) });
    const why = [preStop ? `after ${preStop.what}` : undefined, waited].filter(Boolean).join(', ');
    this.emit(container, 'sigterm', absolute(sigterm), { sinceShutdown: since(sigterm), ...(why ? { why } : {}) });
    const window = Math.max(MINIMUM_SHUTDOWN_WINDOW_SECONDS, this.grace - sigterm.at);
    // The process exits when it has handled SIGTERM: unknown, but never after SIGKILL.
    const exit: Moment = { at: sigterm.at, exact: false };
    this.emit(container, 'stopped', absolute(exit), {
      sinceShutdown: since(exit),
      within: window,
      why: `SIGKILL at +${sigterm.at + window}s if still running`,
    });
    return exit;
  }
}

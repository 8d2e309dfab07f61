/**
 * sidecar-blocks-job-completion: a Job or CronJob pod runs a long-running helper among its
 * regular containers; the pod only succeeds when every regular container exits, so the
 * Job never completes.
 *
 * Not reported when another container stops the helper the documented way, by calling its
 * `/quitquitquit` endpoint when done (the Cloud SQL Auth Proxy v2 serves it with
 * `--quitquitquit` on its admin port, 9091 by default; Istio's pilot-agent on :15020), or
 * with `linkerd-await --shutdown` for Linkerd's proxy.
 *
 * Quick-fix data: `{ container: string, containerIndex: number, moveTo: 'initContainers',
 * restartPolicy: 'Always', minimumVersion: `1.${NATIVE_SIDECAR_MINOR}`, supported: boolean }` — move the
 * container at `containers[containerIndex]` to the end of `initContainers` with
 * `restartPolicy: Always`; `supported` is false when the target version is below 1.29.
 */
import { analyzePod } from '../../service/analysis/analyzePod';
import { imageRepository } from '../../service/analysis/roles';
import { NATIVE_SIDECAR_MINOR } from '../../service/versions/apiVersions';
import type { ContainerModel, PodModel } from '../../service/model/podModel';
import { minorOf } from '../../service/settings';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';
import { containerAnchor, containerLabel, relatedContainer } from './support';
import { moveToNativeSidecarFix } from '../../service/actions/fixes/moveToNativeSidecar';

/** Images that serve or ship forever unless told otherwise. */
const LONG_RUNNING_IMAGES =
  /(?:^|\/)(?:proxyv2|envoy|cloud-sql-proxy|gce-proxy|alloydb-auth-proxy|fluent-bit|fluentd|otel(?:col|-collector)[\w-]*|opentelemetry-collector[\w-]*|agent|linkerd2?-proxy|proxy|daprd|nginx|httpd|haproxy|redis|git-sync|vault)$/;
const ENDLESS_COMMAND =
  /\bwhile\s+(?:true|:|\[\s*1\s*\])|\bsleep\s+(?:infinity|inf)\b|\btail\b[^|;&\n]*?\s(?:-[a-zA-Z]*[fF][a-zA-Z]*|--follow)\b/;
/** A container asking a helper to exit once the work is done. */
const SHUTDOWN_CALL = /\/quitquitquit\b|\blinkerd-await\b[^;&|\n]*--shutdown\b/;
const QUIT_FLAG = /^--?quitquitquit(?:=true)?$/;

/** The other app container that shuts the helper down when done, if any. */
function shutdownCaller(pod: PodModel, helper: ContainerModel): ContainerModel | undefined {
  return pod.containers.find(
    (container) =>
      container !== helper &&
      container.group === 'app' &&
      ([...container.command, ...container.args].some((text) => SHUTDOWN_CALL.test(text)) ||
        container.env.some((entry) => entry.value !== undefined && SHUTDOWN_CALL.test(entry.value))),
  );
}

/** git-sync and similar tools have a run-once mode that makes them safe in a Job. */
const ONE_TIME = /(?:^|\s)--?one-time(?:=true)?(?:\s|$)/;

function longRunningReason(container: ContainerModel): string | undefined {
  const text = [...container.command, ...container.args].join(' ');
  const oneTime =
    ONE_TIME.test(text) ||
    container.env.some((entry) => /^GIT_?SYNC_ONE_TIME$/.test(entry.name ?? '') && entry.value === 'true');
  if (oneTime) return undefined;
  if (ENDLESS_COMMAND.test(text)) return 'its command loops forever';
  const repository = container.image !== undefined ? imageRepository(container.image) : '';
  if (container.command.length === 0 && LONG_RUNNING_IMAGES.test(repository))
    return `${repository} runs until it is stopped`;
  return undefined;
}

export interface SidecarBlocksJobCompletionData extends ContainerRef {
  readonly container: string | null;
  readonly moveTo: 'initContainers';
  readonly restartPolicy: 'Always';
  readonly minimumVersion: string;
  /** False when the target version is below 1.29 (no native sidecars). */
  readonly supported: boolean;
}

export const sidecarBlocksJobCompletion = defineRule<'sidecar-blocks-job-completion', SidecarBlocksJobCompletionData>({
  id: 'sidecar-blocks-job-completion',
  category: 'pattern',
  defaultSeverity: 'warning',
  summary: 'A long-running helper among the regular containers of a Job pod keeps the Job from ever completing.',
  fixes: [moveToNativeSidecarFix],
  check(pod, context): RuleFinding<SidecarBlocksJobCompletionData>[] {
    const findings: RuleFinding<SidecarBlocksJobCompletionData>[] = [];
    if (pod.shape.family !== 'job') return findings;
    const analysis = analyzePod(pod);
    const supported = minorOf(context.settings.kubernetesVersion) >= NATIVE_SIDECAR_MINOR;
    for (const { container, role } of analysis.roles) {
      if (container.group !== 'app' || role === 'main' || !analysis.main) continue;
      const reason = longRunningReason(container);
      if (!reason || shutdownCaller(pod, container)) continue;
      const quitEnabled = [...container.command, ...container.args].some((text) => QUIT_FLAG.test(text));
      findings.push({
        message:
          `${containerLabel(container)} is ${role === 'ambassador' || role === 'adapter' ? 'an' : 'a'} ${role} in a ${pod.kind} pod and ${reason}: the pod succeeds only when every regular container exits, ` +
          `so the ${pod.kind} never completes after ${containerLabel(analysis.main)} is done. ` +
          `Run it as a native sidecar: move it to initContainers with restartPolicy: Always` +
          (supported
            ? '.'
            : ` (needs Kubernetes 1.${NATIVE_SIDECAR_MINOR} or later; the target is ${context.settings.kubernetesVersion}).`) +
          (quitEnabled
            ? ` Or have ${containerLabel(analysis.main)} POST to its /quitquitquit endpoint when done: --quitquitquit enables it, but no container calls it.`
            : ''),
        range: containerAnchor(container),
        related: [relatedContainer(analysis.main, `the main container ${containerLabel(analysis.main)}`)],
        data: {
          ...containerRefOf(container),
          container: container.name ?? null,
          moveTo: 'initContainers',
          restartPolicy: 'Always',
          minimumVersion: `1.${NATIVE_SIDECAR_MINOR}`,
          supported,
        },
      });
    }
    return findings;
  },
});

import type { ContainerModel } from '../../service/model/podModel';
import { getPair, isMap, isScalar, type YMap, type YPair } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { hasValue } from '../engine/ranges';
import { describeContainer } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;
const NON_NEGATIVE_FIELDS = [
  'initialDelaySeconds',
  'timeoutSeconds',
  'periodSeconds',
  'successThreshold',
  'failureThreshold',
] as const;

function numberOf(map: YMap, key: string): { value: number; pair: YPair } | undefined {
  const pair = getPair(map, key);
  return pair && isScalar(pair.value) && typeof pair.value.value === 'number'
    ? { value: pair.value.value, pair }
    : undefined;
}

/** The handler checks shared by probes and lifecycle hooks: exactly one handler (M15). */
function* handlerFindings(
  container: ContainerModel,
  what: string,
  path: string,
  anchor: YPair,
  map: YMap,
  handlers: readonly string[],
): Iterable<RuleFinding<ProbeHandlerData>> {
  const found: YPair[] = [];
  for (const key of handlers) {
    const pair = getPair(map, key);
    if (hasValue(pair)) found.push(pair);
  }
  const exec = found[0]?.key.value === 'exec' ? found[0].value : undefined;
  const command = isMap(exec) ? getPair(exec, 'command') : undefined;
  const execWithoutCommand =
    isMap(exec) && (!hasValue(command) || (command.value.kind === 'seq' && command.value.items.length === 0));
  // The usual probe has one handler and, for exec, a command: nothing to report.
  if (found.length === 1 && !execWithoutCommand) return;
  const data = { ...containerRefOf(container), field: what, handlers: found.map((pair) => String(pair.key.value)) };
  if (found.length === 0) {
    yield {
      message: explain(
        apiError.required(path, 'must specify a handler type'),
        `the ${what} of ${describeContainer(container)} needs one of ${handlers.join(', ')}.`,
      ),
      range: anchor.key.range,
      data,
    };
    return;
  }
  if (execWithoutCommand) {
    yield {
      message: explain(
        apiError.required(`${path}.exec.command`),
        `the ${what} of ${describeContainer(container)} runs exec without a command.`,
      ),
      range: command?.key.range ?? found[0]!.key.range,
      data,
    };
  }
  const kept = String(found[0]!.key.value);
  for (const extra of found.slice(1)) {
    const key = String(extra.key.value);
    yield {
      message: explain(
        apiError.forbidden(`${path}.${key}`, 'may not specify more than 1 handler type'),
        `the ${what} of ${describeContainer(container)} has both ${kept} and ${key}; keep one (a merge of two manifests often leaves both).`,
      ),
      range: extra.key.range,
      related: [{ range: found[0]!.key.range, message: `${kept} is the handler the API server counts first` }],
      data,
    };
  }
}

export interface ProbeHandlerData extends ContainerRef {
  /** The probe or lifecycle hook (`livenessProbe`, `lifecycle.preStop`). */
  readonly field: string;
  /** The handlers it sets: none, or more than one. */
  readonly handlers: readonly string[];
}

/**
 * Probes and lifecycle hooks of containers that run beside the app (app containers and
 * native sidecars): exactly one handler (M15), liveness and startup `successThreshold` of 1
 * (M16), no negative timings and no probe grace period below one second (M17). Regular init
 * containers may not have them at all: that is `init-container-probe`.
 *
 * data: `{ containerIndex: number, listKey: string, field: string, handlers: string[] }`
 */
export const probeHandler = defineRule({
  id: 'probe-handler',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'A probe or lifecycle hook needs exactly one handler; liveness and startup probes need successThreshold 1.',
  check(pod): RuleFinding<ProbeHandlerData>[] {
    const findings: RuleFinding<ProbeHandlerData>[] = [];
    for (const container of pod.containers) {
      if (container.group === 'init') continue;
      for (const probe of container.probes) {
        if (!probe.node) continue;
        for (const finding of handlerFindings(
          container,
          probe.kind,
          probe.path,
          probe.pair,
          probe.node,
          PROBE_HANDLERS,
        ))
          findings.push(finding);
        for (const key of NON_NEGATIVE_FIELDS) {
          const field = numberOf(probe.node, key);
          if (!field || field.value >= 0) continue;
          findings.push({
            message: explain(
              apiError.invalid(`${probe.path}.${key}`, field.value, 'must be greater than or equal to 0'),
              `${key} of the ${probe.kind} of ${describeContainer(container)} cannot be negative.`,
            ),
            range: field.pair.value!.range,
            data: { ...containerRefOf(container), field: probe.kind, handlers: [] },
          });
        }
        // validateProbe (every release 1.27 to 1.37; ProbeTerminationGracePeriod GA in 1.28, on by
        // default before): a probe's own grace period, when set, is at least one second.
        const grace = numberOf(probe.node, 'terminationGracePeriodSeconds');
        if (grace && grace.value <= 0) {
          findings.push({
            message: explain(
              apiError.invalid(`${probe.path}.terminationGracePeriodSeconds`, grace.value, 'must be greater than 0'),
              `the grace period ${describeContainer(container)} gets when its ${probe.kind} kills it must be at least one second; remove it to use the pod's terminationGracePeriodSeconds.`,
            ),
            range: grace.pair.value!.range,
            data: { ...containerRefOf(container), field: probe.kind, handlers: [] },
          });
        }
        const threshold = numberOf(probe.node, 'successThreshold');
        if (
          (probe.kind === 'livenessProbe' || probe.kind === 'startupProbe') &&
          threshold &&
          threshold.value >= 0 &&
          threshold.value !== 1
        ) {
          findings.push({
            message: explain(
              apiError.invalid(`${probe.path}.successThreshold`, threshold.value, 'must be 1'),
              `a ${probe.kind} succeeds on its first success; only readiness probes may ask for more (${describeContainer(container)}).`,
            ),
            range: threshold.pair.value!.range,
            data: { ...containerRefOf(container), field: probe.kind, handlers: [] },
          });
        }
      }
      const lifecycle = container.lifecyclePair?.value;
      if (isMap(lifecycle)) {
        for (const hook of ['postStart', 'preStop']) {
          const pair = getPair(lifecycle, hook);
          if (!hasValue(pair) || !isMap(pair.value)) continue;
          for (const finding of handlerFindings(
            container,
            `${hook} hook`,
            `${container.path}.lifecycle.${hook}`,
            pair,
            pair.value,
            LIFECYCLE_HANDLERS,
          ))
            findings.push(finding);
        }
      }
    }
    return findings;
  },
});

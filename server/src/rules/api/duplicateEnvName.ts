import type { EnvVarModel } from '../../service/model/podModel';
import { explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

export interface DuplicateEnvNameData extends ContainerRef {
  readonly name: string;
  readonly envIndex: number;
  /** The index of the first env var with the name. */
  readonly firstIndex: number;
}

/**
 * A container that defines the same environment variable twice keeps the last one, and
 * `kubectl apply` may drop one of them on the next change. The API server warns, except when
 * the later value builds on the earlier one (`PATH=$(PATH):/extra`).
 *
 * data: `{ name: string, containerIndex: number, listKey: string, envIndex: number, firstIndex: number }`.
 */
export const duplicateEnvName = defineRule({
  id: 'duplicate-env-name',
  category: 'api',
  defaultSeverity: 'warning',
  summary: 'An environment variable is defined twice in one container.',
  check(pod): RuleFinding<DuplicateEnvNameData>[] {
    const findings: RuleFinding<DuplicateEnvNameData>[] = [];
    for (const container of pod.containers) {
      if (container.env.length < 2) continue;
      const first = new Map<string, EnvVarModel>();
      for (const env of container.env) {
        if (env.name === undefined || !env.nameNode) continue;
        const earlier = first.get(env.name);
        if (!earlier) {
          first.set(env.name, env);
          continue;
        }
        const reference = `$(${env.name})`;
        const value = env.value ?? '';
        const hides = env.valueFrom !== undefined || value === reference || !value.includes(reference);
        if (!hides) continue;
        findings.push({
          message: explain(
            `${env.path}: hides previous definition of "${env.name}", which may be dropped when using apply`,
            `${describeContainer(container)} defines ${env.name} twice; the container sees only the last value.`,
          ),
          range: env.nameNode.range,
          related: earlier.nameNode
            ? [{ range: earlier.nameNode.range, message: `the first definition of ${env.name}` }]
            : undefined,
          data: { name: env.name, ...containerRefOf(container), envIndex: env.index, firstIndex: earlier.index },
        });
      }
    }
    return findings;
  },
});

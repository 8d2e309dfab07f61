import { getIn, isMap } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import type { Rule, RuleFinding } from '../types';

/**
 * Workload templates restrict the pod's `restartPolicy` (which defaults to Always): controllers
 * (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController) keep pods running, so
 * only Always; Jobs and CronJobs finish, so OnFailure or Never, and only Never with a
 * `podFailurePolicy`. A Job without a restartPolicy is therefore rejected.
 *
 * data: `{ kind: string, restartPolicy?: string, defaulted: boolean, supported: string[] }`
 * (quick fix: set or insert `restartPolicy: <supported[0]>` in the pod template spec).
 */
export const templateRestartPolicy: Rule = {
  id: 'template-restart-policy',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'Controllers need restartPolicy Always; Jobs need OnFailure or Never (Never with a podFailurePolicy).',
  fix: 'Set restartPolicy to data.supported[0].',
  check(pod): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const family = pod.shape.family;
    if (family !== 'controller' && family !== 'job') return findings;
    const written = pod.restartPolicy;
    const effective = written ?? 'Always';
    if (family === 'controller' && effective === 'Always') return findings;
    const path = `${pod.specPath}.restartPolicy`;
    const anchor = pod.restartPolicyPair?.value?.range ?? pod.restartPolicyPair?.key.range ?? pod.specPair?.key.range ?? pod.kindPair.key.range;
    const defaultedNote = written === undefined ? ' (restartPolicy is not set, and it defaults to Always)' : '';

    if (family === 'controller') {
      if (effective === 'Always') return findings;
      findings.push({
        message: explain(
          apiError.unsupported(path, effective, ['Always']),
          `a ${pod.kind} replaces pods that stop, so its pods must always restart; remove restartPolicy or set it to Always.`,
        ),
        range: anchor,
        data: { kind: pod.kind, restartPolicy: effective, defaulted: false, supported: ['Always'] },
      });
      return findings;
    }

    const jobSpecPath = pod.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : ['spec'];
    const podFailurePolicy = getIn(pod.root, [...jobSpecPath, 'podFailurePolicy']);
    const hasPodFailurePolicy = isMap(podFailurePolicy);
    if (effective !== 'OnFailure' && effective !== 'Never') {
      const supported = hasPodFailurePolicy ? ['Never'] : ['OnFailure', 'Never'];
      findings.push({
        message: explain(
          apiError.unsupported(path, effective, ['OnFailure', 'Never']),
          `a ${pod.kind}'s pods must be allowed to finish${defaultedNote}: set restartPolicy to ${supported.join(' or ')}.`,
        ),
        range: anchor,
        data: { kind: pod.kind, ...(written !== undefined ? { restartPolicy: written } : {}), defaulted: written === undefined, supported },
      });
      return findings;
    }
    if (hasPodFailurePolicy && effective !== 'Never') {
      findings.push({
        message: explain(
          apiError.invalid(path, effective, 'only "Never" is supported when podFailurePolicy is specified'),
          `with a podFailurePolicy, the Job controller must see every pod failure, so pods may not restart in place: set restartPolicy to Never.`,
        ),
        range: anchor,
        data: { kind: pod.kind, restartPolicy: effective, defaulted: false, supported: ['Never'] },
      });
    }
    return findings;
  },
};

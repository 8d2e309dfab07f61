import { getIn, isMap } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { detectIndentStyle } from '../../service/edits/indentStyle';
import { addPair, UnsupportedLayout } from '../../service/edits/insertion';
import { lineBreakOf } from '../../service/edits/lines';
import { podOf, replaceRange } from '../../service/actions/fixes/locate';
import type { FixCandidate, QuickFixer } from '../../service/actions/fixes/quickFix';
import { defineRule, type RuleFinding } from '../types';

/**
 * Workload templates restrict the pod's `restartPolicy` (which defaults to Always): controllers
 * (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController) keep pods running, so
 * only Always; Jobs and CronJobs finish, so OnFailure or Never, and only Never with a
 * `podFailurePolicy`. A Job without a restartPolicy is therefore rejected.
 *
 * pkg/apis/batch/validation/validation.go `validateJobSpec` (every release since 1.20, so every
 * supported target) reports an unset or `Always` policy as `Required value: valid values:
 * "OnFailure", "Never"` and only other values as `Unsupported value`; the controllers of
 * pkg/apis/apps/validation report anything but Always as `Unsupported value`.
 */
export interface TemplateRestartPolicyData {
  readonly kind: string;
  readonly restartPolicy?: string;
  readonly defaulted: boolean;
  /** The values this template accepts, the first the usual one. */
  readonly supported: readonly string[];
}

const POD_RESTART_POLICIES = new Set(['Always', 'OnFailure', 'Never']);

const setTemplateRestartPolicy: QuickFixer<TemplateRestartPolicyData> = {
  description:
    'Set (or add) the pod template restartPolicy to an accepted value; applied unasked only when one value is accepted.',
  fixes(context) {
    const pod = podOf(context);
    const supported = Array.isArray(context.data.supported)
      ? context.data.supported.filter((value) => POD_RESTART_POLICIES.has(value))
      : [];
    if (!pod?.spec || supported.length === 0) return [];
    const text = context.document.model.text;
    const value = pod.restartPolicyPair?.value;
    if (!value && (pod.restartPolicyPair || pod.spec.flow)) return [];
    const spec = pod.spec;
    return supported.flatMap((policy): FixCandidate[] => {
      let edit;
      try {
        edit = value
          ? { start: value.range.start, end: value.range.end, newText: policy }
          : addPair(text, spec, 'restartPolicy', policy, detectIndentStyle(text, pod.root, lineBreakOf(text)));
      } catch (error) {
        if (error instanceof UnsupportedLayout) return [];
        throw error;
      }
      // OnFailure or Never for a Job is the author's choice; a single accepted value is not.
      return [
        {
          title: `Set restartPolicy: ${policy}`,
          edits: [replaceRange(context, edit.start, edit.end, edit.newText)],
          preferred: supported.length === 1,
        },
      ];
    });
  },
};

export const templateRestartPolicy = defineRule({
  id: 'template-restart-policy',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'Controllers need restartPolicy Always; Jobs need OnFailure or Never (Never with a podFailurePolicy).',
  fixes: [setTemplateRestartPolicy],
  check(pod): RuleFinding<TemplateRestartPolicyData>[] {
    const findings: RuleFinding<TemplateRestartPolicyData>[] = [];
    const family = pod.shape.family;
    if (family !== 'controller' && family !== 'job') return findings;
    const written = pod.restartPolicy;
    const effective = written ?? 'Always';
    if (family === 'controller' && effective === 'Always') return findings;
    const path = `${pod.specPath}.restartPolicy`;
    const anchor =
      pod.restartPolicyPair?.value?.range ??
      pod.restartPolicyPair?.key.range ??
      pod.specPair?.key.range ??
      pod.kindPair.key.range;
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
      // Since 1.20 (kubernetes/kubernetes#95747) validateJobSpec words an unset or Always
      // policy as a missing value, since defaulting turned the missing value into Always.
      const apiText =
        effective === 'Always'
          ? apiError.required(path, 'valid values: "OnFailure", "Never"')
          : apiError.unsupported(path, effective, ['OnFailure', 'Never']);
      findings.push({
        message: explain(
          apiText,
          `a ${pod.kind}'s pods must be allowed to finish${defaultedNote}: set restartPolicy to ${supported.join(' or ')}.`,
        ),
        range: anchor,
        data: {
          kind: pod.kind,
          ...(written !== undefined ? { restartPolicy: written } : {}),
          defaulted: written === undefined,
          supported,
        },
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
});

import { apiError, explain } from '../engine/apiMessages';
import { isBarePod, specPair } from '../engine/podFacts';
import { deletePairLines, podOf } from '../../service/actions/fixes/locate';
import type { QuickFixer } from '../../service/actions/fixes/quickFix';
import { defineRule, type RuleFinding } from '../types';

/**
 * Ephemeral containers are added to a running pod with `kubectl debug`; they cannot be part of
 * a manifest. pkg/apis/core/validation/validation.go (kubernetes/kubernetes, read at commit
 * 000f2605, the 1.33 line; the same since before 1.27): ValidatePodTemplateSpec refuses them in
 * a template (an error here) and ValidatePodCreate refuses them on a new Pod (`cannot be set on
 * create`). For a bare Pod the finding is a warning all the same: the official documentation
 * example pods/security/seccomp/fields.yaml shows them on a Pod, and the real-world corpus
 * requires valid files to produce no error (docs/rules/ephemeral-containers.md says so).
 */
export interface EphemeralContainersData {
  readonly count: number;
  readonly template: boolean;
}

const deleteEphemeralContainers: QuickFixer<EphemeralContainersData> = {
  // Never applied unasked: the author may rather move the containers to `containers`.
  description: 'Delete ephemeralContainers (offered, never applied unasked).',
  fixes(context) {
    const pod = podOf(context);
    const pair = pod && specPair(pod, 'ephemeralContainers');
    const remove = pair && deletePairLines(context, pair);
    return remove
      ? [{ title: 'Delete ephemeralContainers (kubectl debug adds them to running pods)', edits: [remove] }]
      : [];
  },
};

export const ephemeralContainers = defineRule({
  id: 'ephemeral-containers',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'ephemeralContainers cannot be set in a manifest: they are added to running pods by kubectl debug.',
  fixes: [deleteEphemeralContainers],
  check(pod): RuleFinding<EphemeralContainersData>[] {
    const findings: RuleFinding<EphemeralContainersData>[] = [];
    const pair = specPair(pod, 'ephemeralContainers');
    if (!pair || pair.value?.kind !== 'seq' || pair.value.items.length === 0) return findings;
    const template = !isBarePod(pod);
    const path = `${pod.specPath}.ephemeralContainers`;
    findings.push({
      message: explain(
        template
          ? apiError.forbidden(path, 'ephemeral containers not allowed in pod template')
          : apiError.forbidden(path, 'cannot be set on create'),
        'ephemeral containers are attached to a running pod with kubectl debug, never written in a manifest; move the container to containers or delete it.',
      ),
      range: pair.key.range,
      data: { count: pair.value.items.length, template },
      ...(template ? {} : { severity: 'warning' as const }),
    });
    return findings;
  },
});

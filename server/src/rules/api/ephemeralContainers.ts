import { apiError, explain } from '../engine/apiMessages';
import { isBarePod, specPair } from '../engine/podFacts';
import type { Rule, RuleFinding } from '../types';

/**
 * Ephemeral containers are added to a running pod with `kubectl debug`; they cannot be part of
 * a manifest (M21): a pod template refuses them (an error). A new Pod cannot be created with
 * them either, but some published examples do it, so for a bare Pod it is a warning.
 *
 * data: `{ count: number, template: boolean }` (quick fix: delete `ephemeralContainers`).
 */
export const ephemeralContainers: Rule = {
  id: 'ephemeral-containers',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'ephemeralContainers cannot be set in a manifest: they are added to running pods by kubectl debug.',
  fix: 'Delete ephemeralContainers.',
  check(pod): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const pair = specPair(pod, 'ephemeralContainers');
    if (!pair || pair.value?.kind !== 'seq' || pair.value.items.length === 0) return findings;
    const template = !isBarePod(pod);
    const path = `${pod.specPath}.ephemeralContainers`;
    findings.push({
      message: explain(
        template ? apiError.forbidden(path, 'ephemeral containers not allowed in pod template') : apiError.forbidden(path, 'cannot be set on create'),
        'ephemeral containers are attached to a running pod with kubectl debug, never written in a manifest; move the container to containers or delete it.',
      ),
      range: pair.key.range,
      data: { count: pair.value.items.length, template },
      ...(template ? {} : { severity: 'warning' as const }),
    });
    return findings;
  },
};

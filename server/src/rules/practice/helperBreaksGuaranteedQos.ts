/**
 * helper-breaks-guaranteed-qos: every app container sets equal CPU and memory requests and
 * limits (Guaranteed), but an init container or native sidecar does not, so the whole pod
 * is only Burstable: it loses exclusive CPUs under the static CPU manager and is evicted
 * before Guaranteed pods.
 */
import { analyzePod } from '../../service/analysis/analyzePod';
import type { ContainerResources } from '../../service/analysis/effectiveResources';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';
import { containerAnchor, containerLabel } from '../pattern/support';
import { helperBreaksGuaranteedQosFix } from '../../service/actions/fixes/helperBreaksGuaranteedQos';

export interface HelperBreaksGuaranteedQosData extends ContainerRef {
  readonly container: string | null;
  /** `limits.cpu`, `limits.memory`, `requests.cpu = limits.cpu`, `requests.memory = limits.memory`, as they are missing. */
  readonly needs: readonly string[];
}

/** What a container lacks to count as Guaranteed (empty when nothing). */
function guaranteedNeeds(resources: ContainerResources): string[] {
  const needs: string[] = [];
  for (const name of ['cpu', 'memory'] as const) {
    const limit = resources.limits.get(name);
    if (!limit || limit.nanos === 0n) needs.push(`limits.${name}`);
    else if (resources.requests.get(name)?.nanos !== limit.nanos) needs.push(`requests.${name} = limits.${name}`);
  }
  return needs;
}

export const helperBreaksGuaranteedQos = defineRule({
  id: 'helper-breaks-guaranteed-qos',
  category: 'practice',
  defaultSeverity: 'warning',
  summary: 'The app containers are Guaranteed, but an init container or native sidecar keeps the pod Burstable.',
  fixes: [helperBreaksGuaranteedQosFix],
  check(pod): RuleFinding<HelperBreaksGuaranteedQosData>[] {
    const findings: RuleFinding<HelperBreaksGuaranteedQosData>[] = [];
    const analysis = analyzePod(pod);
    const perContainer = analysis.resources.perContainer;
    const apps = perContainer.filter((entry) => entry.container.group === 'app');
    // The app containers first: most pods stop here, without summing the pod's QoS.
    if (apps.length === 0 || apps.some((entry) => guaranteedNeeds(entry).length > 0)) return findings;
    if (analysis.qosClass === 'Guaranteed') return findings;
    for (const entry of perContainer) {
      if (entry.container.group === 'app') continue;
      const needs = guaranteedNeeds(entry);
      if (needs.length === 0) continue;
      const kind = entry.container.group === 'init' ? 'Init container' : 'Native sidecar';
      findings.push({
        message: `Every app container is Guaranteed, but ${kind.toLowerCase()} ${containerLabel(entry.container)} lacks ${needs.join(', ')}: QoS counts init containers too, so the pod is only Burstable.`,
        range: entry.container.resources.pair?.key.range ?? containerAnchor(entry.container),
        data: { ...containerRefOf(entry.container), container: entry.container.name ?? null, needs },
      });
    }
    return findings;
  },
});

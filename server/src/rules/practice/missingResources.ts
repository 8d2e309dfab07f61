/**
 * missing-resources: a container (init containers and native sidecars included, which other
 * linters skip) without a CPU request, a memory request and a memory limit. A limit alone
 * counts as the request, as the API server defaults it; pod-level `spec.resources` count for
 * every container. The message names exactly what is missing and what that costs.
 */
import type { PodModel } from '../../service/model/podModel';
import { getMap } from '../../service/yaml/nodes';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';
import { containerAnchor, containerLabel } from '../pattern/support';
import { missingResourcesFix } from '../../service/actions/fixes/missingResources';

/** What the quick fix reads: the container and what it lacks. */
export interface MissingResourcesData extends ContainerRef {
  readonly container: string | null;
  readonly missing: readonly ('requests.cpu' | 'requests.memory' | 'limits.memory')[];
}

const LABELS: Readonly<Record<string, string>> = { 'requests.cpu': 'CPU request', 'requests.memory': 'memory request', 'limits.memory': 'memory limit' };

function orList(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0]!;
}

/** What each missing value costs, in the scheduler's and the kernel's terms. */
function consequences(missing: readonly string[]): string {
  const unreserved = [missing.includes('requests.cpu') ? 'CPU' : undefined, missing.includes('requests.memory') ? 'memory' : undefined].filter(Boolean);
  const parts: string[] = [];
  if (unreserved.length > 0) parts.push(`the scheduler reserves no ${unreserved.join(' or ')} for it`);
  if (missing.includes('limits.memory')) parts.push('nothing bounds its memory');
  return parts.join(' and ');
}

/**
 * What the pod-level `spec.resources` (PodLevelResources, KEP-2837: alpha 1.32, beta 1.34)
 * settles for every container: a pod request or limit reserves room for all of them, a pod
 * memory limit bounds them all. As for containers, a limit alone counts as the request.
 */
function podLevelResources(pod: PodModel): ReadonlySet<string> {
  const resources = getMap(pod.spec, 'resources');
  const covered = new Set<string>();
  if (!resources) return covered;
  const has = (list: string, name: string) => getMap(resources, list)?.pairs.some((pair) => pair.key.value === name) ?? false;
  if (has('requests', 'cpu') || has('limits', 'cpu')) covered.add('requests.cpu');
  if (has('requests', 'memory') || has('limits', 'memory')) covered.add('requests.memory');
  if (has('limits', 'memory')) covered.add('limits.memory');
  return covered;
}

export const missingResources = defineRule({
  id: 'missing-resources',
  category: 'practice',
  defaultSeverity: 'warning',
  summary: 'A container has no CPU request, memory request or memory limit.',
  fixes: [missingResourcesFix],
  check(pod): RuleFinding<MissingResourcesData>[] {
    const findings: RuleFinding<MissingResourcesData>[] = [];
    const podLevel = podLevelResources(pod);
    for (const container of pod.containers) {
      const requests = container.resources.requests?.values;
      const limits = container.resources.limits?.values;
      const missing: MissingResourcesData['missing'][number][] = [];
      if (!requests?.has('cpu') && !limits?.has('cpu') && !podLevel.has('requests.cpu')) missing.push('requests.cpu');
      if (!requests?.has('memory') && !limits?.has('memory') && !podLevel.has('requests.memory')) missing.push('requests.memory');
      if (!limits?.has('memory') && !podLevel.has('limits.memory')) missing.push('limits.memory');
      if (missing.length === 0) continue;
      const kind = container.group === 'app' ? 'Container' : container.group === 'init' ? 'Init container' : 'Native sidecar';
      findings.push({
        message: `${kind} ${containerLabel(container)} sets no ${orList(missing.map((key) => LABELS[key]!))}: ${consequences(missing)}.${podLevel.size > 0 ? ' The pod-level resources cover the rest.' : ''}`,
        range: container.resources.pair?.key.range ?? containerAnchor(container),
        data: { ...containerRefOf(container), container: container.name ?? null, missing },
      });
    }
    return findings;
  },
});

/**
 * missing-resources: a container (init containers and native sidecars included, which other
 * linters skip) without a CPU request, a memory request and a memory limit. A limit alone
 * counts as the request, as the API server defaults it.
 */
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';
import { containerAnchor, containerLabel } from '../pattern/support';
import { missingResourcesFix } from '../../service/actions/fixes/missingResources';

/** What the quick fix reads: the container and what it lacks. */
export interface MissingResourcesData extends ContainerRef {
  readonly container: string | null;
  readonly missing: readonly ('requests.cpu' | 'requests.memory' | 'limits.memory')[];
}

const LABELS: Readonly<Record<string, string>> = { 'requests.cpu': 'CPU request', 'requests.memory': 'memory request', 'limits.memory': 'memory limit' };

export const missingResources = defineRule({
  id: 'missing-resources',
  category: 'practice',
  defaultSeverity: 'warning',
  summary: 'A container has no CPU request, memory request or memory limit.',
  fixes: [missingResourcesFix],
  check(pod): RuleFinding<MissingResourcesData>[] {
    const findings: RuleFinding<MissingResourcesData>[] = [];
    for (const container of pod.containers) {
      const requests = container.resources.requests?.values;
      const limits = container.resources.limits?.values;
      const missing: MissingResourcesData['missing'][number][] = [];
      if (!requests?.has('cpu') && !limits?.has('cpu')) missing.push('requests.cpu');
      if (!requests?.has('memory') && !limits?.has('memory')) missing.push('requests.memory');
      if (!limits?.has('memory')) missing.push('limits.memory');
      if (missing.length === 0) continue;
      const kind = container.group === 'app' ? 'Container' : container.group === 'init' ? 'Init container' : 'Native sidecar';
      const list = missing.map((key) => LABELS[key]);
      const joined = list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list[0];
      findings.push({
        message: `${kind} ${containerLabel(container)} sets no ${joined}: the scheduler cannot reserve room for it${missing.includes('limits.memory') ? ' and nothing bounds its memory' : ''}.`,
        range: container.resources.pair?.key.range ?? containerAnchor(container),
        data: { ...containerRefOf(container), container: container.name ?? null, missing },
      });
    }
    return findings;
  },
});

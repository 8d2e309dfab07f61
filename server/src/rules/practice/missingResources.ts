/**
 * missing-resources: a container (init containers and native sidecars included, which other
 * linters skip) without a CPU request, a memory request and a memory limit. A limit alone
 * counts as the request, as the API server defaults it. Pod-level resources (`spec.resources`,
 * KEP-2837) bound every container that sets none of its own, so what the pod sets counts too.
 *
 * Quick-fix data: `{ container: string | null, containerPath: string, missing:
 * ('requests.cpu' | 'requests.memory' | 'limits.memory')[] }`.
 */
import { podLevelResources } from '../../service/analysis/effectiveResources';
import type { Rule, RuleFinding } from '../types';
import { containerAnchor, containerLabel } from '../pattern/support';

const LABELS: Readonly<Record<string, string>> = { 'requests.cpu': 'CPU request', 'requests.memory': 'memory request', 'limits.memory': 'memory limit' };

export const missingResources: Rule = {
  id: 'missing-resources',
  category: 'practice',
  defaultSeverity: 'warning',
  summary: 'A container has no CPU request, memory request or memory limit.',
  check(pod): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const podLevel = podLevelResources(pod);
    for (const container of pod.containers) {
      const requests = container.resources.requests?.values;
      const limits = container.resources.limits?.values;
      const missing: string[] = [];
      if (!requests?.has('cpu') && !limits?.has('cpu') && !podLevel?.requests.has('cpu')) missing.push('requests.cpu');
      if (!requests?.has('memory') && !limits?.has('memory') && !podLevel?.requests.has('memory')) missing.push('requests.memory');
      if (!limits?.has('memory') && !podLevel?.limits.has('memory')) missing.push('limits.memory');
      if (missing.length === 0) continue;
      const kind = container.group === 'app' ? 'Container' : container.group === 'init' ? 'Init container' : 'Native sidecar';
      const list = missing.map((key) => LABELS[key]);
      const joined = list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list[0];
      findings.push({
        message: `${kind} ${containerLabel(container)} sets no ${joined}: the scheduler cannot reserve room for it${missing.includes('limits.memory') ? ' and nothing bounds its memory' : ''}.`,
        range: container.resources.pair?.key.range ?? containerAnchor(container),
        data: { container: container.name ?? null, containerPath: container.path, missing },
      });
    }
    return findings;
  },
};

/**
 * init-resources-dominate: an init container's request sets the pod's effective request:
 * its use (its own request plus the native sidecars declared before it) is more than what
 * the native sidecars and app containers need together, so the scheduler reserves more
 * than the running pod will use.
 *
 * Quick-fix data: `{ container: string | null, resource: 'cpu' | 'memory', initUse: string,
 * runningSum: string, effective: string }` (quantities in canonical form).
 */
import { analyzePod } from '../../service/analysis/analyzePod';
import { formatQuantity } from '../../service/analysis/quantities';
import { defineRule, type RuleFinding } from '../types';
import { containerAnchor, containerLabel } from '../pattern/support';

export interface InitResourcesDominateData {
  readonly container: string | null;
  readonly resource: 'cpu' | 'memory';
  /** Quantities in canonical form. */
  readonly initUse: string;
  /** What the running containers request together. */
  readonly runningSum: string;
  /** What the scheduler reserves. */
  readonly effective: string;
}

export const initResourcesDominate = defineRule({
  id: 'init-resources-dominate',
  category: 'practice',
  defaultSeverity: 'information',
  summary: "An init container's request sets the pod's effective request, above what the running containers need.",
  check(pod): RuleFinding<InitResourcesDominateData>[] {
    const findings: RuleFinding<InitResourcesDominateData>[] = [];
    const { resources } = analyzePod(pod);
    for (const resource of ['cpu', 'memory'] as const) {
      const largest = resources.largestInitUse.get(resource);
      if (!largest || largest.container.group !== 'init') continue;
      const running = resources.runningSum.get(resource);
      // Only meaningful when the running containers ask for this resource at all.
      if (!running || running.nanos === 0n || largest.use.nanos <= running.nanos) continue;
      const own = resources.perContainer.find((entry) => entry.container === largest.container)?.requests.get(resource);
      const container = largest.container;
      const sidecarShare =
        own && own.nanos !== largest.use.nanos
          ? ` (its ${formatQuantity(own)} plus ${formatQuantity({ nanos: largest.use.nanos - own.nanos, format: own.format })} of native sidecars already running)`
          : '';
      const request =
        container.resources.requests?.values.get(resource)?.pair ??
        container.resources.limits?.values.get(resource)?.pair;
      findings.push({
        message:
          `Init container ${containerLabel(container)} sets this pod's effective ${resource} request: it needs ${formatQuantity(largest.use)}${sidecarShare}, ` +
          `more than the ${formatQuantity(running)} the native sidecars and app containers request together, so the scheduler reserves ${formatQuantity(largest.use)} for the whole pod.`,
        range: request?.range ?? containerAnchor(container),
        data: {
          container: container.name ?? null,
          resource,
          initUse: formatQuantity(largest.use),
          runningSum: formatQuantity(running),
          effective: formatQuantity(largest.use),
        },
      });
    }
    return findings;
  },
});

/**
 * sidecar-start-order: the main container reaches another regular app container over
 * localhost. App containers start together in no guaranteed readiness order, so the main
 * container may connect before the helper listens. A native sidecar with a startupProbe
 * starts, and is started, before the app containers.
 *
 * Quick-fix data: `{ listKey, containerIndex, container: string | null, port: number }` —
 * the helper to move into initContainers with `restartPolicy: Always` and a startupProbe
 * on `port`.
 */
import { analyzePod } from '../../service/analysis/analyzePod';
import { containerRefOf, defineRule, type RuleFinding } from '../types';
import { containerLabel, linkRange, relatedContainer } from './support';
import { moveToNativeSidecarFix } from '../../service/actions/fixes/moveToNativeSidecar';

export const sidecarStartOrder = defineRule({
  id: 'sidecar-start-order',
  category: 'pattern',
  defaultSeverity: 'information',
  summary: 'The main container depends on a helper app container that may not be listening yet when it starts.',
  fixes: [moveToNativeSidecarFix],
  check(pod, context): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const analysis = analyzePod(pod);
    // Links first: most pods have none, and then the main container need not be chosen.
    if (analysis.links.length === 0 || !analysis.main || analysis.hostNetwork) return findings;
    const reported = new Set<string>();
    for (const link of analysis.links) {
      const helper = link.to;
      if (link.from !== analysis.main || !helper || helper === analysis.main || helper.group !== 'app') continue;
      const key = `${pod.containers.indexOf(helper)}:${link.port}`;
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push({
        message:
          `${containerLabel(link.from)} reaches ${containerLabel(helper)} on ${link.text}, but app containers start side by side: ${containerLabel(link.from)} may connect before ${containerLabel(helper)} listens. ` +
          `Making ${containerLabel(helper)} a native sidecar (initContainers, restartPolicy: Always) with a startupProbe on port ${link.port} starts it first.`,
        range: linkRange(context.document.text, link),
        related: [relatedContainer(helper, `${containerLabel(helper)} serves port ${link.port}`)],
        data: { ...containerRefOf(helper), container: helper.name ?? null, port: link.port },
      });
    }
    return findings;
  },
});

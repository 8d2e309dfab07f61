import type { YPair } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { targetsAtLeast } from '../engine/version';
import { fieldSince } from '../../service/versions/apiVersions';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';
import { detectIndentStyle } from '../../service/edits/indentStyle';
import { addPair } from '../../service/edits/insertion';
import { lineBreakOf } from '../../service/edits/lines';
import { containerOf, deletePairLines, localOffset, podOf, replaceRange } from '../../service/actions/fixes/locate';
import { dataOf, type FixCandidate, type QuickFixer } from '../../service/actions/fixes/quickFix';

export interface InitContainerProbeData extends ContainerRef {
  /** The field an init container may not set: `lifecycle`, `livenessProbe`, `readinessProbe` or `startupProbe`. */
  readonly probe: string;
  readonly containerName?: string;
}

/** Probes or lifecycle on a regular init container: remove them, or make it a native sidecar. */
export const initContainerProbeFix: QuickFixer<InitContainerProbeData> = {
  description: 'Remove the probe or hook, or add restartPolicy: Always to make the container a native sidecar.',
  fixes(context) {
    const pod = podOf(context);
    const container = pod && containerOf(context, pod);
    if (!pod || !container?.map || container.group !== 'init') return [];
    const field = dataOf(context.target).probe;
    const at = localOffset(context);
    const pair =
      container.map.pairs.find((candidate) => candidate.key.value === field) ??
      container.map.pairs.find(
        (candidate) =>
          candidate.range.start <= at &&
          at <= candidate.range.end &&
          /Probe$|^lifecycle$/.test(String(candidate.key.value)),
      );
    const fixes: FixCandidate[] = [];
    const remove = pair && deletePairLines(context, pair);
    if (remove)
      fixes.push({
        title: `Remove ${String(pair.key.value)} from init container "${container.name ?? ''}"`,
        edits: [remove],
        preferred: true,
      });
    if (!container.restartPolicyPair) {
      const text = context.document.model.text;
      const edit = addPair(
        text,
        container.map,
        'restartPolicy',
        'Always',
        detectIndentStyle(text, pod.root, lineBreakOf(text)),
      );
      fixes.push({
        title: `Make "${container.name ?? 'it'}" a native sidecar (restartPolicy: Always)`,
        edits: [replaceRange(context, edit.start, edit.end, edit.newText)],
      });
    }
    return fixes;
  },
};

/** The container-level restartPolicy (and with it "without restartPolicy=Always" in messages) came in 1.28. */
const CONTAINER_RESTART_POLICY_SINCE = fieldSince('Container', 'restartPolicy');

/**
 * A regular init container (no `restartPolicy: Always`) runs to completion before the app
 * starts: the API server forbids `lifecycle` and probes on it (M8). Native sidecars may have them.
 *
 * data: `{ probe: 'lifecycle' | 'livenessProbe' | 'readinessProbe' | 'startupProbe', containerIndex: number, containerName?: string }`
 * (quick fixes: delete the field, or make the container a native sidecar with `restartPolicy: Always`).
 */
export const initContainerProbe = defineRule({
  id: 'init-container-probe',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'Probes and lifecycle hooks are not allowed on init containers unless they are native sidecars (restartPolicy: Always).',
  fixes: [initContainerProbeFix],
  check(pod, context): RuleFinding<InitContainerProbeData>[] {
    const findings: RuleFinding<InitContainerProbeData>[] = [];
    const knowsSidecars = targetsAtLeast(context.settings, CONTAINER_RESTART_POLICY_SINCE);
    for (const container of pod.containers) {
      if (container.group !== 'init') continue;
      const fields: { name: string; pair: YPair }[] = [];
      if (container.lifecyclePair) fields.push({ name: 'lifecycle', pair: container.lifecyclePair });
      for (const probe of container.probes) fields.push({ name: probe.kind, pair: probe.pair });
      for (const field of fields) {
        const detail = knowsSidecars
          ? 'may not be set for init containers without restartPolicy=Always'
          : 'may not be set for init containers';
        const remedy = knowsSidecars
          ? `remove it, or add restartPolicy: Always to make it a native sidecar that keeps running`
          : 'remove it';
        findings.push({
          message: explain(
            apiError.forbidden(`${container.path}.${field.name}`, detail),
            `${describeContainer(container)} runs to completion before the app containers start, so its ${field.name} would never be used: ${remedy}.`,
          ),
          range: field.pair.key.range,
          data: {
            ...containerRefOf(container),
            probe: field.name,
            ...(container.name !== undefined ? { containerName: container.name } : {}),
          },
        });
      }
    }
    return findings;
  },
});

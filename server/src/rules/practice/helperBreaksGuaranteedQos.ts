/**
 * helper-breaks-guaranteed-qos: every app container sets equal CPU and memory requests and
 * limits (Guaranteed), but an init container or native sidecar does not, so the whole pod
 * is only Burstable: it loses exclusive CPUs under the static CPU manager and is evicted
 * before Guaranteed pods.
 */
import { analyzePod } from '../../service/analysis/analyzePod';
import type { DefaultedResources } from '../../service/analysis/effectiveResources';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';
import { containerAnchor, containerLabel } from '../pattern/support';
import { detectIndentStyle } from '../../service/edits/indentStyle';
import { addPair, orderInsertions, UnsupportedLayout, type PlannedEdit } from '../../service/edits/insertion';
import { lineBreakOf } from '../../service/edits/lines';
import type { YamlValue } from '../../service/edits/renderYaml';
import type { OffsetEdit } from '../../service/edits/textEdits';
import type { ResourceListModel } from '../../service/model/podModel';
import { isMap } from '../../service/yaml/nodes';
import { containerOf, podOf, replaceRange } from '../../service/actions/fixes/locate';
import type { QuickFixer } from '../../service/actions/fixes/quickFix';

export interface HelperBreaksGuaranteedQosData extends ContainerRef {
  readonly container: string | null;
  /** `limits.cpu`, `limits.memory`, `requests.cpu = limits.cpu`, `requests.memory = limits.memory`, as they are missing. */
  readonly needs: readonly string[];
}

/** What a container lacks to count as Guaranteed (empty when nothing). */
function guaranteedNeeds(resources: DefaultedResources): string[] {
  const needs: string[] = [];
  for (const name of ['cpu', 'memory'] as const) {
    const limit = resources.limits.get(name);
    if (!limit || limit.nanos === 0n) needs.push(`limits.${name}`);
    else if (resources.requests.get(name)?.nanos !== limit.nanos) needs.push(`requests.${name} = limits.${name}`);
  }
  return needs;
}

const RESOURCES = ['cpu', 'memory'] as const;

/**
 * A helper keeps an otherwise Guaranteed pod Burstable: make its CPU and memory requests
 * equal its limits (a value written on only one side is copied to the other).
 */
export const helperBreaksGuaranteedQosFix: QuickFixer<HelperBreaksGuaranteedQosData> = {
  description: "Make the helper's CPU and memory requests equal its limits.",
  fixes(context) {
    const pod = podOf(context);
    const container = pod && containerOf(context, pod);
    const resourcesPair = container?.resources.pair;
    if (!pod || !container || !resourcesPair || !isMap(resourcesPair.value) || resourcesPair.value.flow) return [];
    const text = context.document.model.text;
    const style = detectIndentStyle(text, pod.root, lineBreakOf(text));
    const { requests, limits } = container.resources;
    const edits: OffsetEdit[] = [];
    const missing: Record<'requests' | 'limits', Record<string, YamlValue>> = { requests: {}, limits: {} };
    for (const resource of RESOURCES) {
      const limit = limits?.values.get(resource);
      const request = requests?.values.get(resource);
      if (!limit && !request) return [];
      if (limit && request && request.text !== limit.text && request.pair.value) {
        edits.push(
          replaceRange(
            context,
            request.pair.value.range.start,
            request.pair.value.range.end,
            limit.pair.value ? text.slice(limit.pair.value.range.start, limit.pair.value.range.end) : limit.text,
          ),
        );
      } else if (limit && !request) {
        missing.requests[resource] = limit.text;
      } else if (request && !limit) {
        missing.limits[resource] = request.text;
      }
    }
    const insertions: PlannedEdit[] = [];
    try {
      for (const key of ['requests', 'limits'] as const) {
        const entries = missing[key];
        if (Object.keys(entries).length === 0) continue;
        const list: ResourceListModel | undefined = container.resources[key];
        if (list && !(list.node && list.node.pairs.length > 0)) return [];
        if (list?.node)
          insertions.push(
            ...Object.entries(entries).map(([name, value]) => addPair(text, list.node!, name, value, style)),
          );
        else insertions.push(addPair(text, resourcesPair.value, key, entries, style));
      }
    } catch (error) {
      if (error instanceof UnsupportedLayout) return [];
      throw error;
    }
    // A new `requests:` and a value added to the last list can share a line: the deeper one goes first.
    edits.push(...orderInsertions(insertions).map((edit) => replaceRange(context, edit.start, edit.end, edit.newText)));
    if (edits.length === 0) return [];
    return [
      { title: `Request exactly the limits in "${container.name ?? 'container'}" (keeps the pod Guaranteed)`, edits },
    ];
  },
};

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
    // With pod-level resources the pod's own requests and limits decide the QoS, not the helpers'.
    if (analysis.qosClass === 'Guaranteed' || analysis.resources.podLevel) return findings;
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

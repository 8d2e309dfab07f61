import { detectIndentStyle } from '../../edits/indentStyle';
import { addPair, orderInsertions, UnsupportedLayout, type PlannedEdit } from '../../edits/insertion';
import { lineBreakOf } from '../../edits/lines';
import type { YamlValue } from '../../edits/renderYaml';
import type { OffsetEdit } from '../../edits/textEdits';
import type { ResourceListModel } from '../../model/podModel';
import { isMap } from '../../yaml/nodes';
import { containerOf, podOf, replaceRange } from './locate';
import type { HelperBreaksGuaranteedQosData } from '../../../rules/practice/helperBreaksGuaranteedQos';
import type { QuickFixer } from './quickFix';

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
        edits.push(replaceRange(context, request.pair.value.range.start, request.pair.value.range.end, limit.pair.value ? text.slice(limit.pair.value.range.start, limit.pair.value.range.end) : limit.text));
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
        if (list?.node) insertions.push(...Object.entries(entries).map(([name, value]) => addPair(text, list.node!, name, value, style)));
        else insertions.push(addPair(text, resourcesPair.value, key, entries, style));
      }
    } catch (error) {
      if (error instanceof UnsupportedLayout) return [];
      throw error;
    }
    // A new `requests:` and a value added to the last list can share a line: the deeper one goes first.
    edits.push(...orderInsertions(insertions).map((edit) => replaceRange(context, edit.start, edit.end, edit.newText)));
    if (edits.length === 0) return [];
    return [{ title: `Request exactly the limits in "${container.name ?? 'container'}" (keeps the pod Guaranteed)`, edits }];
  },
};

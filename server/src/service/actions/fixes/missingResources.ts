import { detectIndentStyle } from '../../edits/indentStyle';
import { addPair, orderInsertions, type PlannedEdit } from '../../edits/insertion';
import { lineBreakOf } from '../../edits/lines';
import type { YamlValue } from '../../edits/renderYaml';
import { isMap } from '../../yaml/nodes';
import { containerOf, podOf, replaceRange } from './locate';
import type { MissingResourcesData } from '../../../rules/practice/missingResources';
import type { QuickFixer } from './quickFix';

/** Starting points to tune: small for init containers, which run one at a time. */
const DEFAULTS = {
  init: { cpu: '10m', memory: '32Mi', memoryLimit: '64Mi' },
  other: { cpu: '100m', memory: '128Mi', memoryLimit: '256Mi' },
};

/** Adds the CPU and memory requests and the memory limit a container lacks, keeping what it has. */
export const missingResourcesFix: QuickFixer<MissingResourcesData> = {
  description: 'Add CPU and memory requests and a memory limit (starting values to tune).',
  fixes(context) {
    const pod = podOf(context);
    const container = pod && containerOf(context, pod);
    if (!pod || !container?.map || container.map.flow) return [];
    const values = container.group === 'init' ? DEFAULTS.init : DEFAULTS.other;
    const text = context.document.model.text;
    const style = detectIndentStyle(text, pod.root, lineBreakOf(text));
    const { requests, limits, pair } = container.resources;
    const wanted: Record<'requests' | 'limits', Record<string, YamlValue>> = { requests: {}, limits: {} };
    if (!requests?.values.has('cpu') && !limits?.values.has('cpu')) wanted.requests.cpu = values.cpu;
    if (!requests?.values.has('memory') && !limits?.values.has('memory')) wanted.requests.memory = values.memory;
    // A limit below an existing request is rejected: the request itself is then the limit.
    if (!limits?.values.has('memory')) wanted.limits.memory = requests?.values.get('memory')?.text ?? values.memoryLimit;
    const edits: PlannedEdit[] = [];
    if (!pair || !isMap(pair.value) || pair.value.flow) {
      if (pair) return [];
      const resources = Object.fromEntries(Object.entries(wanted).filter(([, list]) => Object.keys(list).length > 0));
      edits.push(addPair(text, container.map, 'resources', resources, style));
    } else {
      for (const key of ['requests', 'limits'] as const) {
        const entries = Object.entries(wanted[key]);
        if (entries.length === 0) continue;
        const list = container.resources[key];
        if (!list) {
          edits.push(addPair(text, pair.value, key, wanted[key], style));
        } else if (list.node && !list.node.flow && list.node.pairs.length > 0) {
          for (const [name, value] of entries) edits.push(addPair(text, list.node, name, value, style));
        } else {
          return [];
        }
      }
    }
    if (edits.length === 0) return [];
    return [{
      title: `Add resource requests and limits to "${container.name ?? 'container'}" (starting values to tune)`,
      // `limits.memory` and a new `requests:` can land on one line: the deeper one goes first.
      edits: orderInsertions(edits).map((edit) => replaceRange(context, edit.start, edit.end, edit.newText)),
    }];
  },
};

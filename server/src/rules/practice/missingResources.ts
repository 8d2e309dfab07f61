/**
 * missing-resources: a container (init containers and native sidecars included, which other
 * linters skip) without a CPU request, a memory request and a memory limit. A limit alone
 * counts as the request, as the API server defaults it.
 */
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';
import { containerAnchor, containerLabel } from '../pattern/support';
import { detectIndentStyle } from '../../service/edits/indentStyle';
import { addPair, orderInsertions, type PlannedEdit } from '../../service/edits/insertion';
import { lineBreakOf } from '../../service/edits/lines';
import type { YamlValue } from '../../service/edits/renderYaml';
import { isMap } from '../../service/yaml/nodes';
import { containerOf, podOf, replaceRange } from '../../service/actions/fixes/locate';
import type { QuickFixer } from '../../service/actions/fixes/quickFix';

/** What the quick fix reads: the container and what it lacks. */
export interface MissingResourcesData extends ContainerRef {
  readonly container: string | null;
  readonly missing: readonly ('requests.cpu' | 'requests.memory' | 'limits.memory')[];
}

const LABELS: Readonly<Record<string, string>> = { 'requests.cpu': 'CPU request', 'requests.memory': 'memory request', 'limits.memory': 'memory limit' };

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

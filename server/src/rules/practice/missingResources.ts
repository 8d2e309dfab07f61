/**
 * missing-resources: a container (init containers and native sidecars included, which other
 * linters skip) without a CPU request, a memory request and a memory limit. A limit alone
 * counts as the request, as the API server defaults it; pod-level `spec.resources` count for
 * every container. The message names exactly what is missing and what that costs.
 */
import type { PodModel } from '../../service/model/podModel';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';
import { containerAnchor, containerLabel } from '../pattern/support';
import { detectIndentStyle } from '../../service/edits/indentStyle';
import { addPair, orderInsertions, type PlannedEdit } from '../../service/edits/insertion';
import { lineBreakOf } from '../../service/edits/lines';
import type { YamlValue } from '../../service/edits/renderYaml';
import { getMap, isMap } from '../../service/yaml/nodes';
import { containerOf, podOf, replaceRange } from '../../service/actions/fixes/locate';
import { dataOf, type QuickFixer } from '../../service/actions/fixes/quickFix';

/** What the quick fix reads: the container and what it lacks. */
export interface MissingResourcesData extends ContainerRef {
  readonly container: string | null;
  readonly missing: readonly ('requests.cpu' | 'requests.memory' | 'limits.memory')[];
}

const LABELS: Readonly<Record<string, string>> = {
  'requests.cpu': 'CPU request',
  'requests.memory': 'memory request',
  'limits.memory': 'memory limit',
};

function orList(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0]!;
}

/** What each missing value costs, in the scheduler's and the kernel's terms. */
function consequences(missing: readonly string[]): string {
  const unreserved = [
    missing.includes('requests.cpu') ? 'CPU' : undefined,
    missing.includes('requests.memory') ? 'memory' : undefined,
  ].filter(Boolean);
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
  const has = (list: string, name: string) =>
    getMap(resources, list)?.pairs.some((pair) => pair.key.value === name) ?? false;
  if (has('requests', 'cpu') || has('limits', 'cpu')) covered.add('requests.cpu');
  if (has('requests', 'memory') || has('limits', 'memory')) covered.add('requests.memory');
  if (has('limits', 'memory')) covered.add('limits.memory');
  return covered;
}

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
    if (!limits?.values.has('memory'))
      wanted.limits.memory = requests?.values.get('memory')?.text ?? values.memoryLimit;
    // What pod-level resources already settle is not added (the finding's `missing` leaves it out).
    const missing = dataOf(context.target).missing;
    if (Array.isArray(missing)) {
      for (const key of ['requests', 'limits'] as const) {
        for (const name of Object.keys(wanted[key])) if (!missing.includes(`${key}.${name}`)) delete wanted[key][name];
      }
    }
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
    return [
      {
        title: `Add resource requests and limits to "${container.name ?? 'container'}" (starting values to tune)`,
        // `limits.memory` and a new `requests:` can land on one line: the deeper one goes first.
        edits: orderInsertions(edits).map((edit) => replaceRange(context, edit.start, edit.end, edit.newText)),
      },
    ];
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
    const podLevel = podLevelResources(pod);
    for (const container of pod.containers) {
      const requests = container.resources.requests?.values;
      const limits = container.resources.limits?.values;
      const missing: MissingResourcesData['missing'][number][] = [];
      if (!requests?.has('cpu') && !limits?.has('cpu') && !podLevel.has('requests.cpu')) missing.push('requests.cpu');
      if (!requests?.has('memory') && !limits?.has('memory') && !podLevel.has('requests.memory'))
        missing.push('requests.memory');
      if (!limits?.has('memory') && !podLevel.has('limits.memory')) missing.push('limits.memory');
      if (missing.length === 0) continue;
      const kind =
        container.group === 'app' ? 'Container' : container.group === 'init' ? 'Init container' : 'Native sidecar';
      findings.push({
        message: `${kind} ${containerLabel(container)} sets no ${orList(missing.map((key) => LABELS[key]!))}: ${consequences(missing)}.${podLevel.size > 0 ? ' The pod-level resources cover the rest.' : ''}`,
        range: container.resources.pair?.key.range ?? containerAnchor(container),
        data: { ...containerRefOf(container), container: container.name ?? null, missing },
      });
    }
    return findings;
  },
});

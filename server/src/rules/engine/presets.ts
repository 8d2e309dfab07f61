import type { RuleLevel, RulePreset } from '../../service/settings';
import type { RuleFinding } from '../types';

/**
 * Rules about hygiene rather than correctness: the pod runs, but is harder to operate. On
 * real-world manifests they were nearly all of the warnings, burying what the API server
 * rejects and the pattern mistakes; `recommended` reports them as information, once per pod.
 */
export const HYGIENE_RULES: ReadonlySet<string> = new Set(['missing-resources', 'latest-image-tag']);

/** The level a preset gives a rule, when it differs from the rule's own default. */
export function presetLevel(ruleId: string, preset: RulePreset): RuleLevel | undefined {
  return preset === 'recommended' && HYGIENE_RULES.has(ruleId) ? 'information' : undefined;
}

/** Whether a rule's findings on one pod are reported as one finding under this preset. */
export function groupedPerPod(ruleId: string, preset: RulePreset): boolean {
  return preset === 'recommended' && HYGIENE_RULES.has(ruleId);
}

/** What the grouped message says of each finding, from its data. */
const ITEM_TEXT: Readonly<Record<string, (data: Readonly<Record<string, unknown>>) => string | undefined>> = {
  'missing-resources': (data) => {
    const missing = Array.isArray(data.missing)
      ? (data.missing as string[]).map((key) => RESOURCE_WORDS[key] ?? key)
      : [];
    return typeof data.container === 'string' && missing.length > 0
      ? `"${data.container}" (${joinWords(missing)})`
      : undefined;
  },
  'latest-image-tag': (data) => (typeof data.image === 'string' ? `"${data.image}"` : undefined),
};

/** `count` findings, `items` their texts with each text once (`"alpine:latest" (2 containers)`). */
const GROUP_TEXT: Readonly<Record<string, (count: number, items: string, repeated: boolean) => string>> = {
  'missing-resources': (count, items) =>
    `${count} containers of this pod leave resources unset: ${items}. Each container is listed below.`,
  'latest-image-tag': (count, items, repeated) =>
    repeated
      ? `${count} containers of this pod run images not pinned to a version or digest: ${items}. Each is listed below.`
      : `${count} images of this pod are not pinned to a version or digest: ${items}. Each is listed below.`,
};

/** Each item once, in first-seen order, with how many findings share it when more than one. */
function distinctItems(items: readonly string[]): { text: string; repeated: boolean } {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  const text = [...counts].map(([item, count]) => (count > 1 ? `${item} (${count} containers)` : item)).join(', ');
  return { text, repeated: counts.size < items.length };
}

const RESOURCE_WORDS: Readonly<Record<string, string>> = {
  'requests.cpu': 'no CPU request',
  'requests.memory': 'no memory request',
  'limits.memory': 'no memory limit',
};

function joinWords(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : (words[0] ?? '');
}

/**
 * One finding for all of a rule's findings on a pod: on the first one's range, with every
 * finding (its own range and message) as related information. The data is the first
 * finding's, so its quick fix still applies there.
 */
export function groupFindings<Data extends object>(
  ruleId: string,
  findings: readonly RuleFinding<Data>[],
): RuleFinding<Data>[] {
  if (findings.length < 2) return [...findings];
  const first = findings[0]!;
  const items = findings
    .map((finding) => ITEM_TEXT[ruleId]?.((finding.data ?? {}) as Readonly<Record<string, unknown>>))
    .filter((item): item is string => item !== undefined);
  const distinct = distinctItems(items);
  const message =
    GROUP_TEXT[ruleId]?.(findings.length, distinct.text, distinct.repeated) ??
    `${findings.length} findings of this rule on this pod; each is listed below.`;
  return [
    { ...first, message, related: findings.map((finding) => ({ range: finding.range, message: finding.message })) },
  ];
}

import { getPair, isMap, scalarText, type YPair } from '../../service/yaml/nodes';
import { apiError, explain, goQuote } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

/** What an env var may read from the pod through `fieldRef` (labels and annotations by key). */
const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
/** Pod field labels the API server knows at all; others fail while converting the path. */
const KNOWN_FIELD_LABELS = new Set([
  ...ENV_FIELD_PATHS,
  'metadata.labels',
  'metadata.annotations',
  'spec.restartPolicy',
  'spec.schedulerName',
  'spec.hostNetwork',
  'status.phase',
  'status.nominatedNodeName',
]);
const SUBSCRIPTED = /^metadata\.(labels|annotations)\['[^']*'\]$/;
const CONTAINER_RESOURCES = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];
const HUGEPAGES = /^(limits|requests)\.hugepages-/;

function fieldPathFinding(path: string, value: string): string {
  if (!KNOWN_FIELD_LABELS.has(value))
    return apiError.invalid(path, value, `error converting fieldPath: field label not supported: ${value}`);
  return apiError.unsupported(path, value, ENV_FIELD_PATHS);
}

/** The closest supported value, for a "did you mean" (`status.podIp` → `status.podIP`). */
function closest(value: string, candidates: readonly string[]): string | undefined {
  const lower = value.toLowerCase();
  return candidates.find((candidate) => candidate.toLowerCase() === lower);
}

export interface InvalidFieldRefData extends ContainerRef {
  readonly envIndex: number;
  readonly field: 'fieldPath' | 'resource';
  /** The path or resource as written. */
  readonly value: string;
  /** The closest valid value, when one is close. */
  readonly suggestion?: string;
}

/**
 * An environment variable's `fieldRef.fieldPath` and `resourceFieldRef.resource` must name
 * something the downward API offers to env vars (C5): `metadata.name`, `status.podIP`,
 * `metadata.labels['app']`, `limits.memory`, …; a misspelt path is rejected.
 *
 * data: `{ containerIndex: number, listKey: string, envIndex: number, field: 'fieldPath' | 'resource', value: string, suggestion?: string }`
 */
export const invalidFieldRef = defineRule({
  id: 'invalid-field-ref',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'An env var fieldRef or resourceFieldRef must name a field the downward API offers to env vars.',
  check(pod): RuleFinding<InvalidFieldRefData>[] {
    const findings: RuleFinding<InvalidFieldRefData>[] = [];
    for (const container of pod.containers) {
      for (const env of container.env) {
        if (!env.valueFrom) continue;
        const checks: {
          field: 'fieldPath' | 'resource';
          source: string;
          pair: YPair | undefined;
          allowed: readonly string[];
          ok: (value: string) => boolean;
        }[] = [];
        const fieldRef = getPair(env.valueFrom, 'fieldRef')?.value;
        if (isMap(fieldRef)) {
          checks.push({
            field: 'fieldPath',
            source: 'fieldRef',
            pair: getPair(fieldRef, 'fieldPath'),
            allowed: ENV_FIELD_PATHS,
            ok: (value) => ENV_FIELD_PATHS.includes(value) || SUBSCRIPTED.test(value),
          });
        }
        const resourceFieldRef = getPair(env.valueFrom, 'resourceFieldRef')?.value;
        if (isMap(resourceFieldRef)) {
          checks.push({
            field: 'resource',
            source: 'resourceFieldRef',
            pair: getPair(resourceFieldRef, 'resource'),
            allowed: CONTAINER_RESOURCES,
            ok: (value) => CONTAINER_RESOURCES.includes(value) || HUGEPAGES.test(value),
          });
        }
        for (const check of checks) {
          const value = scalarText(check.pair?.value);
          if (value === undefined || value === '' || check.ok(value) || !check.pair?.value) continue;
          const path = `${env.path}.valueFrom.${check.source}.${check.field}`;
          const suggestion = closest(value, check.allowed);
          const apiText =
            check.field === 'fieldPath'
              ? fieldPathFinding(path, value)
              : apiError.unsupported(path, value, check.allowed);
          findings.push({
            message: explain(
              apiText,
              `${env.name ?? `env[${env.index}]`} in ${describeContainer(container)} reads ${goQuote(value)}, which the downward API does not offer to environment variables${suggestion ? `; did you mean ${goQuote(suggestion)}?` : '.'}`,
            ),
            range: check.pair.value.range,
            data: {
              ...containerRefOf(container),
              envIndex: env.index,
              field: check.field,
              value,
              ...(suggestion ? { suggestion } : {}),
            },
          });
        }
      }
    }
    return findings;
  },
});

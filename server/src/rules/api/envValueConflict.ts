import { getPair, isMap, type YMap, type YPair } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { hasValue } from '../engine/ranges';
import { describeContainer } from '../engine/podFacts';
import { targetsAtLeast } from '../engine/version';
import { fieldSince } from '../../service/versions/apiVersions';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

const VALUE_FROM_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'];
/** Env files (KEP-3721) add `fileKeyRef` in 1.34 (from the API data). */
const FILE_KEY_REF_SINCE = fieldSince('EnvVarSource', 'fileKeyRef');
const VALUE_FROM_SOURCES_WITH_FILES = [...VALUE_FROM_SOURCES, 'fileKeyRef'];

function sourcesOf(map: YMap, keys: readonly string[]): YPair[] {
  return keys.flatMap((key) => {
    const pair = getPair(map, key);
    return hasValue(pair) ? [pair] : [];
  });
}

/** A finding on an `env` entry's `valueFrom` (or on the entry, when it sets `value` too). */
export interface EnvValueSourceData extends ContainerRef {
  readonly envName?: string;
  readonly envIndex: number;
  /** The sources `valueFrom` names: none, or more than one. */
  readonly sources: readonly string[];
  /** Whether the entry also sets a non-empty `value`. */
  readonly hasValue: boolean;
}

/** A finding on an `envFrom` entry that names no source or both. */
export interface EnvFromSourceData extends ContainerRef {
  readonly envFromIndex: number;
  /** `configMapRef`, `secretRef`, both or none. */
  readonly sources: readonly string[];
}

export type EnvValueConflictData = EnvValueSourceData | EnvFromSourceData;

/**
 * An environment variable takes its value from `value` or from `valueFrom`, not both, and
 * `valueFrom` names exactly one source (C5); each `envFrom` entry names exactly one of
 * `configMapRef` and `secretRef` (C6). A merge of two manifests (`kubectl apply` over a live
 * object, Helm overrides) is the usual way to get both.
 *
 * data: `{ envName?: string, containerIndex: number, listKey: string, envIndex: number, sources: string[], hasValue: boolean }`.
 */
export const envValueConflict = defineRule({
  id: 'env-value-conflict',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'An env var needs either value or valueFrom, and valueFrom (like envFrom) exactly one source.',
  check(pod, context): RuleFinding<EnvValueConflictData>[] {
    const findings: RuleFinding<EnvValueConflictData>[] = [];
    const keys = targetsAtLeast(context.settings, FILE_KEY_REF_SINCE)
      ? VALUE_FROM_SOURCES_WITH_FILES
      : VALUE_FROM_SOURCES;
    for (const container of pod.containers) {
      for (const env of container.env) {
        if (!env.valueFrom || !env.valueFromPair) continue;
        const sources = sourcesOf(env.valueFrom, keys);
        const path = `${env.path}.valueFrom`;
        const label = env.name !== undefined ? `"${env.name}"` : `env[${env.index}]`;
        const data = {
          ...(env.name !== undefined ? { envName: env.name } : {}),
          ...containerRefOf(container),
          envIndex: env.index,
          sources: sources.map((pair) => String(pair.key.value)),
          hasValue: env.value !== undefined && env.value !== '',
        };
        if (sources.length === 0) {
          findings.push({
            message: explain(
              apiError.invalid(
                path,
                '',
                'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
              ),
              `valueFrom of ${label} in ${describeContainer(container)} names no source.`,
            ),
            range: env.valueFromPair.key.range,
            data,
          });
        } else if (env.value !== undefined && env.value !== '') {
          findings.push({
            message: explain(
              apiError.invalid(path, '', 'may not be specified when `value` is not empty'),
              `${label} in ${describeContainer(container)} has both a value and a valueFrom; keep one.`,
            ),
            range: env.valueFromPair.key.range,
            related: env.valueNode
              ? [{ range: env.valueNode.range, message: `the literal value of ${label}` }]
              : undefined,
            data,
          });
        } else if (sources.length > 1) {
          findings.push({
            message: explain(
              apiError.invalid(path, '', 'may not have more than one field specified at a time'),
              `valueFrom of ${label} in ${describeContainer(container)} names ${sources.map((pair) => String(pair.key.value)).join(' and ')}; keep one.`,
            ),
            range: sources[1]!.key.range,
            data,
          });
        }
      }
      const envFrom = getPair(container.map, 'envFrom')?.value;
      if (!envFrom || envFrom.kind !== 'seq') continue;
      for (const [index, item] of envFrom.items.entries()) {
        if (!isMap(item)) continue;
        const sources = sourcesOf(item, ['configMapRef', 'secretRef']);
        const data = {
          ...containerRefOf(container),
          envFromIndex: index,
          sources: sources.map((pair) => String(pair.key.value)),
        };
        if (sources.length === 0) {
          findings.push({
            message: explain(
              apiError.invalid(`${container.path}.envFrom`, '', 'must specify one of: `configMapRef` or `secretRef`'),
              `envFrom[${index}] of ${describeContainer(container)} names neither a ConfigMap nor a Secret.`,
            ),
            range: item.pairs[0]?.key.range ?? { start: item.range.start, end: item.range.start + 1 },
            data,
          });
        } else if (sources.length > 1) {
          findings.push({
            message: explain(
              apiError.invalid(
                `${container.path}.envFrom[${index}]`,
                '',
                'may not have more than one field specified at a time',
              ),
              `envFrom[${index}] of ${describeContainer(container)} names both a ConfigMap and a Secret; use one entry for each.`,
            ),
            range: sources[1]!.key.range,
            data,
          });
        }
      }
    }
    return findings;
  },
});

import { getMap, getPair, scalarText, type YPair } from '../../service/yaml/nodes';
import { gateMinor } from '../../service/versions/apiVersions';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { targetsAtLeast } from '../engine/version';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

/*
 * Env var sources, pkg/apis/core/validation/validation.go (kubernetes/kubernetes, read at commit
 * 000f2605, the 1.33 line; unchanged since before 1.27): validateConfigMapKeySelector and
 * validateSecretKeySelector check `key` with apimachinery util/validation IsConfigMapKey:
 * at most 253 characters of `[-._a-zA-Z0-9]`, not `.` or `..`, not starting with `..`.
 * Env files (`valueFrom.fileKeyRef`, gate EnvFiles: alpha 1.34, beta and on by default from
 * 1.35) read a file from a volume of the pod, which must exist and be an emptyDir
 * (validateFileKeyRefVolumes in the 1.34+ source, as gathered in the product's pod facts:
 * `Not found` / `referenced volume must be of type emptyDir`); before 1.35 the field is
 * dropped by default, which field-version reports.
 */

export interface InvalidEnvKeyRefData extends ContainerRef {
  /** The API path of the finding. */
  readonly field: string;
}

type Finding = RuleFinding<InvalidEnvKeyRefData>;

const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;
const CONFIG_MAP_KEY_MAX = 253;
const CONFIG_MAP_KEY_DETAIL =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const ENV_FILES_MINOR = gateMinor('EnvFiles', 'enabled');

/** apimachinery IsConfigMapKey, in its order of messages. */
export function configMapKeyErrors(key: string): string[] {
  const errors: string[] = [];
  if (key.length > CONFIG_MAP_KEY_MAX) errors.push(`must be no more than ${CONFIG_MAP_KEY_MAX} characters`);
  if (!CONFIG_MAP_KEY.test(key)) errors.push(CONFIG_MAP_KEY_DETAIL);
  if (key === '.') errors.push("must not be '.'");
  else if (key === '..') errors.push("must not be '..'");
  else if (key.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

export const invalidEnvKeyRef = defineRule({
  id: 'invalid-env-key-ref',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'configMapKeyRef and secretKeyRef keys are valid config map keys; an env file (fileKeyRef) is read from an emptyDir volume of the pod.',
  check(pod, context): Finding[] {
    const findings: Finding[] = [];
    const envFiles = targetsAtLeast(context.settings, ENV_FILES_MINOR);
    const volumes = new Map(
      pod.volumes.flatMap((volume) => (volume.name !== undefined ? [[volume.name, volume]] : [])),
    );
    for (const container of pod.containers) {
      for (const variable of container.env) {
        if (!variable.valueFrom) continue;
        const base = `${variable.path}.valueFrom`;
        for (const source of ['configMapKeyRef', 'secretKeyRef'] as const) {
          const keyPair = getPair(getMap(variable.valueFrom, source), 'key');
          const key = scalarText(keyPair?.value);
          if (!keyPair?.value || key === undefined || key === '') continue;
          const errors = configMapKeyErrors(key);
          if (errors.length === 0) continue;
          const field = `${base}.${source}.key`;
          findings.push({
            message: explain(
              apiError.invalid(field, key, errors[0]),
              `${describeContainer(container)} reads a ${source === 'configMapKeyRef' ? 'ConfigMap' : 'Secret'} key that no ${source === 'configMapKeyRef' ? 'ConfigMap' : 'Secret'} can have: keys are letters, digits, '-', '_' and '.'.`,
            ),
            range: keyPair.value.range,
            data: { ...containerRefOf(container), field },
          });
        }
        if (!envFiles) continue;
        const volumePair: YPair | undefined = getPair(getMap(variable.valueFrom, 'fileKeyRef'), 'volumeName');
        const volumeName = scalarText(volumePair?.value);
        if (!volumePair?.value || volumeName === undefined || volumeName === '') continue;
        const field = `${base}.fileKeyRef.volumeName`;
        const volume = volumes.get(volumeName);
        if (volume && volume.type === 'emptyDir') continue;
        findings.push({
          message: volume
            ? explain(
                apiError.invalid(field, volumeName, 'referenced volume must be of type emptyDir'),
                `env files are written by an init container into an emptyDir; volume "${volumeName}" is a ${volume.type ?? 'volume without a source'}.`,
              )
            : explain(
                apiError.notFound(field, volumeName),
                `the pod declares no volume "${volumeName}" for ${describeContainer(container)} to read its env file from.`,
              ),
          range: volumePair.value.range,
          ...(volume ? { related: [{ range: volume.node.range, message: `volume "${volumeName}"` }] } : {}),
          data: { ...containerRefOf(container), field },
        });
      }
    }
    return findings;
  },
});

import type { ContainerModel } from '../../service/model/podModel';
import { gateMinor } from '../../service/versions/apiVersions';
import { getPair, getSeq, isMap, isScalar, type YScalar } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { dns1123LabelErrors, portNameErrors, relaxedEnvNameErrors, strictEnvNameErrors } from '../engine/names';
import { describeContainer, handlerPorts } from '../engine/podFacts';
import { targetMinor } from '../engine/version';
import { defineRule, type RuleContext, type RuleFinding } from '../types';

const POD_DNS_LABELS = ['hostname', 'subdomain'] as const;

export type NameKind = 'container' | 'volume' | 'port' | 'env' | 'pod';

function invalidFinding(
  kind: NameKind,
  path: string,
  node: YScalar,
  value: string,
  details: readonly string[],
  explanation: string,
  severity?: 'warning',
): RuleFinding<InvalidNameData> {
  const apiText =
    value === '' ? apiError.required(path) : details.map((detail) => apiError.invalid(path, value, detail)).join('; ');
  return {
    message: explain(apiText, explanation),
    range: node.range,
    data: { kind, name: value, path },
    ...(severity ? { severity } : {}),
  };
}

/**
 * A non-empty name the strict rule accepts is accepted by the relaxed one too (its characters
 * are printable ASCII without '='), so no version can report it.
 */
function passesStrictRule(name: string): boolean {
  return name !== '' && strictEnvNameErrors(name).length === 0;
}

/** Relaxed env var names (RelaxedEnvironmentVariableValidation, from the API data): on by default from 1.32, GA from 1.34. */
const RELAXED_ENV_DEFAULT_ON = gateMinor('RelaxedEnvironmentVariableValidation', 'enabled');
const RELAXED_ENV_GA = gateMinor('RelaxedEnvironmentVariableValidation', 'GA');

function* envNameFindings(container: ContainerModel, context: RuleContext): Iterable<RuleFinding<InvalidNameData>> {
  const candidates: { path: string; node: YScalar; value: string; what: string }[] = [];
  // Only names the strict rule refuses (or empty ones) can be reported; most names pass it.
  for (const env of container.env) {
    if (env.nameNode && env.name !== undefined && !passesStrictRule(env.name)) {
      candidates.push({
        path: `${env.path}.name`,
        node: env.nameNode,
        value: env.name,
        what: 'environment variable name',
      });
    }
  }
  const envFrom = getSeq(container.map, 'envFrom');
  envFrom?.items.forEach((item, index) => {
    const prefix = isMap(item) ? getPair(item, 'prefix')?.value : undefined;
    if (
      isScalar(prefix) &&
      typeof prefix.value === 'string' &&
      prefix.value !== '' &&
      !passesStrictRule(prefix.value)
    ) {
      candidates.push({
        path: `${container.path}.envFrom[${index}].prefix`,
        node: prefix,
        value: prefix.value,
        what: 'envFrom prefix',
      });
    }
  });
  if (candidates.length === 0) return;
  const minor = targetMinor(context.settings);
  for (const candidate of candidates) {
    const relaxed = relaxedEnvNameErrors(candidate.value);
    const strict = strictEnvNameErrors(candidate.value);
    if (candidate.value === '') {
      yield invalidFinding(
        'env',
        candidate.path,
        candidate.node,
        '',
        [],
        `an environment variable of ${describeContainer(container)} has an empty name.`,
      );
    } else if (minor < RELAXED_ENV_DEFAULT_ON && strict.length > 0) {
      yield invalidFinding(
        'env',
        candidate.path,
        candidate.node,
        candidate.value,
        strict,
        `the ${candidate.what} "${candidate.value}" of ${describeContainer(container)} is not accepted before Kubernetes 1.32 (letters, digits, '_', '-', '.'; no leading digit).`,
      );
    } else if (relaxed.length > 0) {
      yield invalidFinding(
        'env',
        candidate.path,
        candidate.node,
        candidate.value,
        relaxed,
        `the ${candidate.what} "${candidate.value}" of ${describeContainer(container)} may only use printable ASCII characters other than '='.`,
      );
    } else if (minor < RELAXED_ENV_GA && strict.length > 0) {
      yield invalidFinding(
        'env',
        candidate.path,
        candidate.node,
        candidate.value,
        strict,
        `the ${candidate.what} "${candidate.value}" of ${describeContainer(container)} relies on relaxed environment variable names (beta, on by default in 1.32 and 1.33, always on from 1.34); a cluster with RelaxedEnvironmentVariableValidation turned off rejects it.`,
        'warning',
      );
    }
  }
}

export interface InvalidNameData {
  readonly kind: NameKind;
  readonly name: string;
  /** The API path of the name, as the API server reports it. */
  readonly path: string;
}

/**
 * Name syntax the API server enforces: container and volume names (and the pod's hostname and
 * subdomain) are DNS-1123 labels; port names (and probe ports given by name) are IANA service
 * names; environment variable names follow the strict rule before 1.32 and the relaxed one
 * after (KEP-4369: beta on by default in 1.32, GA in 1.34; at 1.32–1.33 a name only the
 * relaxed rule accepts is a warning).
 *
 * data: `{ kind: 'container' | 'volume' | 'port' | 'env' | 'pod', name: string, path: string }`
 */
export const invalidName = defineRule({
  id: 'invalid-name',
  category: 'api',
  defaultSeverity: 'error',
  summary: "Container, volume, port and environment variable names must follow the API server's syntax.",
  check(pod, context): RuleFinding<InvalidNameData>[] {
    const findings: RuleFinding<InvalidNameData>[] = [];
    for (const container of pod.containers) {
      if (container.nameNode && container.name !== undefined) {
        const errors = dns1123LabelErrors(container.name);
        if (container.name === '' || errors.length > 0) {
          findings.push(
            invalidFinding(
              'container',
              `${container.path}.name`,
              container.nameNode,
              container.name,
              errors,
              `container names are lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit.`,
            ),
          );
        }
      }
      for (const port of container.ports) {
        if (!port.nameNode || !port.name) continue;
        const errors = portNameErrors(port.name);
        if (errors.length > 0) {
          findings.push(
            invalidFinding(
              'port',
              `${port.path}.name`,
              port.nameNode,
              port.name,
              errors,
              `port names of ${describeContainer(container)} are at most 15 lowercase letters, digits and single hyphens, with at least one letter.`,
            ),
          );
        }
      }
      // grpc ports are numbers only: the schema checks them.
      for (const handlerPort of handlerPorts(container)) {
        const port = handlerPort.node;
        if (handlerPort.handler === 'grpc' || !isScalar(port) || typeof port.value !== 'string') continue;
        const errors = portNameErrors(port.value);
        if (port.value !== '' && errors.length > 0) {
          findings.push(
            invalidFinding(
              'port',
              handlerPort.path,
              port,
              port.value,
              errors,
              `the ${handlerPort.owner} of ${describeContainer(container)} names a port "${port.value}" that can never be a port name; use a port number or a name declared in ports.`,
            ),
          );
        }
      }
      // Most containers have no env names to check: no nested iteration for them.
      if (container.env.length > 0 || getPair(container.map, 'envFrom')) {
        for (const finding of envNameFindings(container, context)) findings.push(finding);
      }
    }
    for (const key of POD_DNS_LABELS) {
      const node = getPair(pod.spec, key)?.value;
      if (!isScalar(node) || typeof node.value !== 'string' || node.value === '') continue;
      const errors = dns1123LabelErrors(node.value);
      if (errors.length > 0) {
        findings.push(
          invalidFinding(
            'pod',
            `${pod.specPath}.${key}`,
            node,
            node.value,
            errors,
            `the pod's ${key} is a DNS label: lowercase letters, digits and '-', at most 63 characters.`,
          ),
        );
      }
    }
    for (const volume of pod.volumes) {
      if (!volume.nameNode || volume.name === undefined) continue;
      const errors = dns1123LabelErrors(volume.name);
      if (volume.name === '' || errors.length > 0) {
        findings.push(
          invalidFinding(
            'volume',
            `${volume.path}.name`,
            volume.nameNode,
            volume.name,
            errors,
            `volume names are lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit.`,
          ),
        );
      }
    }
    return findings;
  },
});

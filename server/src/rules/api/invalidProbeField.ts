import { getPair, isMap, isScalar, isSeq, type YMap } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

/*
 * pkg/apis/core/validation/validation.go (kubernetes/kubernetes, 1.27 to 1.37):
 * validateReadinessProbe refuses a readiness probe's terminationGracePeriodSeconds (a field
 * since 1.21), and validateHTTPGetAction checks each httpHeaders name with apimachinery's
 * IsHTTPHeaderName, in probes and lifecycle hooks alike, reporting on `httpGet.httpHeaders`.
 */

export interface InvalidProbeFieldData extends ContainerRef {
  /** The API path of the field, e.g. `spec.containers[0].readinessProbe.terminationGracePeriodSeconds`. */
  readonly field: string;
}

/** apimachinery util/validation: `httpHeaderNameFmt` and its message (RegexError with one example). */
const HTTP_HEADER_NAME = /^[-A-Za-z0-9]+$/;
const HTTP_HEADER_NAME_DETAIL =
  "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')";

function checkHeaders(
  handler: YMap,
  path: string,
  owner: string,
  findings: RuleFinding<InvalidProbeFieldData>[],
  where: ContainerRef,
): void {
  const httpGet = getPair(handler, 'httpGet')?.value;
  if (!isMap(httpGet)) return;
  const headers = getPair(httpGet, 'httpHeaders')?.value;
  if (!isSeq(headers)) return;
  const headersPath = `${path}.httpGet.httpHeaders`;
  for (const header of headers.items) {
    const name = isMap(header) ? getPair(header, 'name')?.value : undefined;
    if (!isScalar(name) || name.value === null || HTTP_HEADER_NAME.test(String(name.value))) continue;
    findings.push({
      message: explain(
        apiError.invalid(headersPath, String(name.value), HTTP_HEADER_NAME_DETAIL),
        `${owner} sends a header whose name has a character HTTP does not allow in names (spaces, ':', '_', …).`,
      ),
      range: name.range,
      data: { ...where, field: headersPath },
    });
  }
}

/**
 * A readiness probe must not set `terminationGracePeriodSeconds` (nothing is killed when it
 * fails), and `httpGet.httpHeaders` names must be HTTP tokens of letters, digits and '-'.
 */
export const invalidProbeField = defineRule({
  id: 'invalid-probe-field',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'A readiness probe must not set terminationGracePeriodSeconds; httpGet header names are letters, digits and -.',
  check(pod): RuleFinding<InvalidProbeFieldData>[] {
    const findings: RuleFinding<InvalidProbeFieldData>[] = [];
    for (const container of pod.containers) {
      // Probes and hooks on a regular init container are refused whole (init-container-probe).
      if (container.group === 'init') continue;
      const where = containerRefOf(container);
      const owner = describeContainer(container);
      for (const probe of container.probes) {
        if (!probe.node) continue;
        checkHeaders(probe.node, probe.path, `the ${probe.kind} of ${owner}`, findings, where);
        if (probe.kind !== 'readinessProbe') continue;
        const grace = getPair(probe.node, 'terminationGracePeriodSeconds');
        if (!grace || !isScalar(grace.value) || typeof grace.value.value !== 'number') continue;
        const field = `${probe.path}.terminationGracePeriodSeconds`;
        findings.push({
          message: explain(
            apiError.invalid(field, grace.value.value, 'must not be set for readinessProbes'),
            `a failing readiness probe only takes ${owner} out of its Services; nothing is terminated, so there is no grace period to set.`,
          ),
          range: grace.key.range,
          data: { ...where, field },
        });
      }
      const lifecycle = container.lifecyclePair?.value;
      if (!isMap(lifecycle)) continue;
      for (const hook of ['postStart', 'preStop']) {
        const handler = getPair(lifecycle, hook)?.value;
        if (isMap(handler))
          checkHeaders(handler, `${container.path}.lifecycle.${hook}`, `the ${hook} hook of ${owner}`, findings, where);
      }
    }
    return findings;
  },
});

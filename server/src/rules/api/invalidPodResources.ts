import { computeEffectiveResources } from '../../service/analysis/effectiveResources';
import { compareQuantities, formatQuantity, parseQuantity, type Quantity } from '../../service/analysis/quantities';
import { getMap, getPair, scalarText, type YMap, type YPair } from '../../service/yaml/nodes';
import { gateMinor } from '../../service/versions/apiVersions';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { targetsAtLeast } from '../engine/version';
import { defineRule, type RuleFinding } from '../types';
import { closestStandardResource, resourceNameErrors } from './invalidResourceName';

/*
 * Pod-level resources (`spec.resources`, KEP-2837), pkg/apis/core/validation/validation.go
 * (kubernetes/kubernetes, read at commit 000f2605, the 1.33 line) validatePodResources, run only
 * with the PodLevelResources gate on (alpha 1.32, beta and on by default from 1.34: before, the
 * API server drops the field, which field-version reports):
 * - `claims` is forbidden at pod level;
 * - validatePodResourceName: validateResourceName (a qualified name; without a domain a standard
 *   resource name), then a resource the feature supports
 *   (resourcehelper.IsSupportedPodLevelResource: cpu and memory; hugepages-<size> is left
 *   alone here, later releases accept it);
 * - validatePodResourceConsistency: a pod-level request is at least the containers' aggregate
 *   request (resourcehelper.AggregateContainerRequests: the sidecar-aware formula of
 *   effective resources), and no app container's limit exceeds the pod-level limit, reported
 *   on the odd path `spec.resources.containers[i][<resource>].limits` the source builds.
 * Only requests written at pod level are compared: a missing one is defaulted on a Pod from
 * the containers, so it can never be too small.
 */

export interface InvalidPodResourcesData {
  /** The API path of the finding. */
  readonly field: string;
  readonly resource?: string;
}

type Finding = RuleFinding<InvalidPodResourcesData>;

const SUPPORTED_POD_LEVEL = ['cpu', 'memory'] as const;
const POD_LEVEL_RESOURCES_MINOR = gateMinor('PodLevelResources', 'enabled');

function entries(map: YMap | undefined): { name: string; pair: YPair; quantity: Quantity | undefined }[] {
  return (map?.pairs ?? []).flatMap((pair) => {
    const name = scalarText(pair.key);
    if (name === undefined) return [];
    const text = scalarText(pair.value);
    return [{ name, pair, quantity: text !== undefined ? parseQuantity(text) : undefined }];
  });
}

function nameFindings(path: string, list: YMap | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const { name, pair } of entries(list)) {
    const field = `${path}[${name}]`;
    const errors = resourceNameErrors(name);
    let message: string | undefined;
    if (errors.length > 0) message = errors.map((detail) => apiError.invalid(field, name, detail)).join('; ');
    else if (!(SUPPORTED_POD_LEVEL as readonly string[]).includes(name) && !name.startsWith('hugepages-'))
      message = apiError.unsupported(field, name, SUPPORTED_POD_LEVEL);
    if (message === undefined) continue;
    findings.push({
      message: explain(
        message,
        errors.length > 0
          ? `pod-level resources cover cpu and memory${closestStandardResource(name) ? `; did you mean ${closestStandardResource(name)}?` : '.'}`
          : `pod-level resources cover cpu and memory; ask for ${name} in the containers' resources instead.`,
      ),
      range: pair.key.range,
      data: { field, resource: name },
    });
  }
  return findings;
}

export const invalidPodResources = defineRule({
  id: 'invalid-pod-resources',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'Pod-level resources (spec.resources): cpu and memory only, requests at least what the containers request, no container limit above the pod limit.',
  check(pod, context): Finding[] {
    const resourcesPair = getPair(pod.spec, 'resources');
    const resources = getMap(pod.spec, 'resources');
    if (!resourcesPair || !resources || !targetsAtLeast(context.settings, POD_LEVEL_RESOURCES_MINOR)) return [];
    const base = `${pod.specPath}.resources`;
    const findings: Finding[] = [];
    const claims = getPair(resources, 'claims');
    if (claims) {
      findings.push({
        message: explain(
          apiError.forbidden(`${base}.claims`, 'claims cannot be set for Resources at pod-level'),
          'resource claims are assigned to containers; list the claim under a container’s resources.claims.',
        ),
        range: claims.key.range,
        data: { field: `${base}.claims` },
      });
    }
    const requests = getMap(resources, 'requests');
    const limits = getMap(resources, 'limits');
    findings.push(...nameFindings(`${base}.requests`, requests), ...nameFindings(`${base}.limits`, limits));

    const effective = computeEffectiveResources(pod);
    for (const { name, pair, quantity } of entries(requests)) {
      if (!quantity || !(SUPPORTED_POD_LEVEL as readonly string[]).includes(name)) continue;
      const running = effective.runningSum.get(name);
      const initUse = effective.largestInitUse.get(name)?.use;
      const aggregate =
        running && initUse ? (compareQuantities(running, initUse) >= 0 ? running : initUse) : (running ?? initUse);
      if (!aggregate || compareQuantities(aggregate, quantity) <= 0) continue;
      const field = `${base}.requests[${name}]`;
      findings.push({
        message: explain(
          apiError.invalid(
            field,
            formatQuantity(quantity),
            `must be greater than or equal to aggregate container requests of ${formatQuantity(aggregate)}`,
          ),
          `the containers together request ${formatQuantity(aggregate)} of ${name} (native sidecars and app containers running together, or the largest init container), more than the pod's ${formatQuantity(quantity)}.`,
        ),
        range: pair.value?.range ?? pair.key.range,
        data: { field, resource: name },
      });
    }
    const podLimits = new Map(entries(limits).map((entry) => [entry.name, entry] as const));
    for (const resources of effective.perContainer) {
      const container = resources.container;
      if (container.group !== 'app') continue;
      for (const [name, limit] of resources.limits) {
        const podLimit = podLimits.get(name)?.quantity;
        if (!podLimit || compareQuantities(limit, podLimit) <= 0) continue;
        const field = `${base}.containers[${container.index}][${name}].limits`;
        const written = container.resources.limits?.values.get(name);
        findings.push({
          message: explain(
            apiError.invalid(
              field,
              formatQuantity(limit),
              `must be less than or equal to pod limits of ${formatQuantity(podLimit)}`,
            ),
            `${describeContainer(container)} may use up to ${formatQuantity(limit)} of ${name}, more than the whole pod's limit.`,
          ),
          range: written?.pair.value?.range ?? written?.pair.key.range ?? resourcesPair.key.range,
          related: [{ range: podLimits.get(name)!.pair.range, message: `the pod-level ${name} limit` }],
          data: { field, resource: name },
        });
      }
    }
    return findings;
  },
});

import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { compareQuantities, formatQuantity } from '../../service/analysis/quantities';
import { writtenResources, isOvercommitAllowed, type ResourceEntry } from '../engine/resources';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

/** The entry a decoder keeps for a name written twice: the last (lists are a few entries long, a scan beats building a map). */
function lastByName(entries: readonly ResourceEntry[], name: string): ResourceEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.name === name) return entries[i];
  return undefined;
}

export interface ResourceRequestExceedsLimitData extends ContainerRef {
  readonly resource: string;
  readonly request: string;
  /** Missing when there is no limit (an extended resource needs one). */
  readonly limit?: string;
}

/**
 * Requests and limits (C7): a request may not exceed its limit; extended resources
 * (`nvidia.com/gpu`) and hugepages cannot be overcommitted, so their request must equal the
 * limit and a limit is required. Quantities are compared exactly (`1000m` = `1`, `1Gi` = `1024Mi`).
 * A Pod's missing requests default to its limits, which can never break these rules, so only
 * what is written is compared.
 *
 * data: `{ resource: string, request: string, limit?: string, containerIndex: number, listKey: string }`
 * (`request`/`limit` canonical).
 */
export const resourceRequestExceedsLimit = defineRule({
  id: 'resource-request-exceeds-limit',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'A resource request must not exceed its limit; extended resources need request = limit.',
  check(pod): RuleFinding<ResourceRequestExceedsLimitData>[] {
    const findings: RuleFinding<ResourceRequestExceedsLimitData>[] = [];
    for (const container of pod.containers) {
      const { requests, limits } = writtenResources(container);
      for (const request of requests) {
        if (!request.quantity || request.quantity.nanos < 0n) continue;
        const limit = lastByName(limits, request.name);
        if (!limit) {
          if (isOvercommitAllowed(request.name)) continue;
          const base = {
            resource: request.name,
            request: formatQuantity(request.quantity),
            ...containerRefOf(container),
          };
          findings.push({
            message: explain(
              apiError.required(
                `${container.path}.resources.limits`,
                'Limit must be set for non overcommitable resources',
              ),
              `${describeContainer(container)} requests ${request.name} without a limit; extended resources and hugepages need a limit equal to the request.`,
            ),
            range: request.pair.key.range,
            data: base,
          });
          continue;
        }
        if (!limit.quantity) continue;
        const comparison = compareQuantities(request.quantity, limit.quantity);
        if (comparison === 0 || (comparison < 0 && isOvercommitAllowed(request.name))) continue;
        const shownRequest = formatQuantity(request.quantity);
        const shownLimit = formatQuantity(limit.quantity);
        const data = { resource: request.name, request: shownRequest, limit: shownLimit, ...containerRefOf(container) };
        const requestsPath = `${container.path}.resources.requests`;
        const related = [
          { range: limit.pair.range, message: `the ${request.name} limit of ${describeContainer(container)}` },
        ];
        if (comparison !== 0 && !isOvercommitAllowed(request.name)) {
          findings.push({
            message: explain(
              apiError.invalid(requestsPath, shownRequest, `must be equal to ${request.name} limit of ${shownLimit}`),
              `${request.name} cannot be overcommitted, so the request of ${describeContainer(container)} must equal its limit.`,
            ),
            range: request.pair.value!.range,
            related,
            data,
          });
        } else if (comparison > 0) {
          findings.push({
            message: explain(
              apiError.invalid(
                requestsPath,
                shownRequest,
                `must be less than or equal to ${request.name} limit of ${shownLimit}`,
              ),
              `${describeContainer(container)} requests more ${request.name} (${request.text}) than its limit (${limit.text}).`,
            ),
            range: request.pair.value!.range,
            related,
            data,
          });
        }
      }
    }
    return findings;
  },
});

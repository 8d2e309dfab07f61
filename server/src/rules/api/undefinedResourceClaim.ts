import type { PodModel } from '../../service/model/podModel';
import { getIn, getPair, isMap, isSeq, scalarText } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

function podResourceClaims(pod: PodModel): { podClaims: string[]; known: Set<string>; sorted: string[] } {
  const podClaimsNode = getPair(pod.spec, 'resourceClaims')?.value;
  const podClaims = isSeq(podClaimsNode)
    ? podClaimsNode.items.flatMap((item) => {
        const name = scalarText(getIn(item, ['name']));
        return name ? [name] : [];
      })
    : [];
  const known = new Set(podClaims);
  return { podClaims, known, sorted: [...known].sort() };
}

export interface UndefinedResourceClaimData extends ContainerRef {
  readonly claimName: string;
  /** The claims the pod declares in `resourceClaims`. */
  readonly podClaims: readonly string[];
}

/**
 * A container's `resources.claims[].name` must name an entry of the pod's `resourceClaims`
 * (dynamic resource allocation, M23).
 *
 * data: `{ claimName: string, podClaims: string[], containerIndex: number, listKey: string }`
 */
export const undefinedResourceClaim = defineRule({
  id: 'undefined-resource-claim',
  category: 'api',
  defaultSeverity: 'error',
  summary: "A container's resources.claims must name one of the pod's resourceClaims.",
  check(pod): RuleFinding<UndefinedResourceClaimData>[] {
    // The pod's claims are read only when a container names one (rare).
    const findings: RuleFinding<UndefinedResourceClaimData>[] = [];
    let declared: { podClaims: string[]; known: Set<string>; sorted: string[] } | undefined;
    for (const container of pod.containers) {
      const claims =
        container.resources.pair && isMap(container.resources.pair.value)
          ? getPair(container.resources.pair.value, 'claims')?.value
          : undefined;
      if (!isSeq(claims)) continue;
      const { podClaims, known, sorted } = (declared ??= podResourceClaims(pod));
      for (const [index, item] of claims.items.entries()) {
        const namePair = isMap(item) ? getPair(item, 'name') : undefined;
        const name = scalarText(namePair?.value);
        if (!namePair?.value || !name || known.has(name)) continue;
        const detail = `must be one of the names in pod.spec.resourceClaims${sorted.length === 0 ? ' which is empty' : `: ${sorted.join(', ')}`}`;
        findings.push({
          message: explain(
            apiError.notFound(`${container.path}.resources.claims[${index}]`, name, detail),
            `${describeContainer(container)} uses the resource claim "${name}", which the pod does not declare in spec.resourceClaims.`,
          ),
          range: namePair.value.range,
          data: { claimName: name, podClaims, ...containerRefOf(container) },
        });
      }
    }
    return findings;
  },
});

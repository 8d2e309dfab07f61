import type { ContainerModel } from '../../service/model/podModel';
import { parseQuantity } from '../../service/analysis/quantities';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { writtenResources, type ResourceEntry, type ResourceListKey } from '../engine/resources';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';
import { qualifiedNameErrors } from './invalidLabels';

/*
 * pkg/apis/core/validation/validation.go (kubernetes/kubernetes, read at commit 000f2605, the
 * 1.33 line; the same checks since well before 1.27): validateResourceRequirements runs for
 * every container's requests and limits:
 * - validateContainerResourceName: the name is a qualified name (IsQualifiedName); a name
 *   without '/' must be a standard container resource (`cpu`, `memory`, `ephemeral-storage`,
 *   `hugepages-<size>`: helper.IsStandardContainerResourceName); a name with '/' outside the
 *   kubernetes.io domain must be an extended resource name (`requests.` + name qualified);
 * - ValidateResourceQuantityValue: an extended resource (helper.IsIntegerResourceName) is a
 *   whole number (`must be an integer`);
 * - validateResourceQuantityHugePageValue: a hugepages quantity is a whole multiple of its
 *   page size (AllowIndivisibleHugePagesValues only keeps old pods valid on update);
 * - `HugePages require cpu or memory`: hugepages need a cpu or memory request or limit.
 * Request and limit consistency is resource-request-exceeds-limit's.
 */

export interface InvalidResourceNameData extends ContainerRef {
  readonly resource: string;
  /** The list the finding is on; absent for the hugepages-without-cpu-or-memory finding. */
  readonly list?: ResourceListKey;
}

type Finding = RuleFinding<InvalidResourceNameData>;

const STANDARD_CONTAINER_RESOURCES: ReadonlySet<string> = new Set(['cpu', 'memory', 'ephemeral-storage']);
const HUGEPAGES_PREFIX = 'hugepages-';
const LISTS: readonly ResourceListKey[] = ['limits', 'requests'];

export const isHugePagesResource = (name: string): boolean => name.startsWith(HUGEPAGES_PREFIX);

/** helper.IsNativeResource: unprefixed, or in the kubernetes.io domain. */
function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** helper.IsExtendedResourceName: outside kubernetes.io, and `requests.<name>` a qualified name (quota syntax). */
export function isExtendedResource(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return qualifiedNameErrors(`requests.${name}`).length === 0;
}

/**
 * helper.IsStandardResourceName (pkg/apis/core/helper/helpers.go `standardResources`, plus the
 * quota hugepages names): what validateResourceName accepts without a domain.
 */
const STANDARD_RESOURCES: ReadonlySet<string> = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'quotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.storage',
  'services.nodeports',
  'services.loadbalancers',
]);

/** validateResourceName: a qualified name, and without a domain a standard resource (of any kind). */
export function resourceNameErrors(name: string): string[] {
  const qualified = qualifiedNameErrors(name);
  if (qualified.length > 0) return qualified;
  if (name.includes('/')) return [];
  const standard =
    STANDARD_RESOURCES.has(name) || isHugePagesResource(name) || name.startsWith(`requests.${HUGEPAGES_PREFIX}`);
  return standard ? [] : ['must be a standard resource type or fully qualified'];
}

/** validateContainerResourceName: every reason a container resource name is refused, in the source's order. */
function nameErrors(name: string): string[] {
  // What nearly every entry is: a qualified name without a domain that containers may ask for.
  if (STANDARD_CONTAINER_RESOURCES.has(name)) return [];
  const errors = resourceNameErrors(name);
  if (errors.length > 0 && name.includes('/')) return errors;
  if (!name.includes('/')) {
    return STANDARD_CONTAINER_RESOURCES.has(name) || isHugePagesResource(name)
      ? errors
      : [...errors, 'must be a standard resource for containers'];
  }
  return isNativeResource(name) || isExtendedResource(name) ? [] : ["doesn't follow extended resource name standard"];
}

/** The closest standard name for a typo (`memroy` → `memory`), for the explanation only. */
export function closestStandardResource(name: string): string | undefined {
  const letters = (text: string): string => [...text].sort().join('');
  for (const standard of STANDARD_CONTAINER_RESOURCES) if (letters(standard) === letters(name)) return standard;
  if (name === 'gpu' || name === 'gpus') return 'nvidia.com/gpu';
  return undefined;
}

/** The page size of `hugepages-2Mi`, in bytes (nano-units / 10⁹); undefined when the suffix is no quantity. */
function pageSizeNanos(name: string): bigint | undefined {
  const size = parseQuantity(name.slice(HUGEPAGES_PREFIX.length));
  return size && size.nanos > 0n ? size.nanos : undefined;
}

function entryFindings(container: ContainerModel, list: ResourceListKey, entry: ResourceEntry): Finding[] {
  // Nearly every entry is cpu or memory and right: the path, data and wording are built only for a finding.
  const path = (): string => `${container.path}.resources.${list}[${entry.name}]`;
  const data = (): InvalidResourceNameData => ({ ...containerRefOf(container), resource: entry.name, list });
  const errors = nameErrors(entry.name);
  if (errors.length > 0) {
    const suggestion = closestStandardResource(entry.name);
    return [
      {
        message: explain(
          errors.map((detail) => apiError.invalid(path(), entry.name, detail)).join('; '),
          `a container may ask for cpu, memory, ephemeral-storage, hugepages-<size> or an extended resource named with a domain (vendor.com/name)${suggestion ? `; did you mean ${suggestion}?` : '.'}`,
        ),
        range: entry.pair.key.range,
        data: data(),
      },
    ];
  }
  const quantity = entry.quantity;
  if (!quantity || quantity.nanos < 0n) return []; // invalid-quantity reports it
  const range = entry.pair.value?.range ?? entry.pair.key.range;
  if (isExtendedResource(entry.name) && quantity.nanos % 1_000_000_000n !== 0n) {
    return [
      {
        message: explain(
          apiError.invalidPrinted(path(), entry.text, 'must be an integer'),
          `${entry.name} is an extended resource, counted in whole devices: ${describeContainer(container)} cannot ask for a fraction of one.`,
        ),
        range,
        data: data(),
      },
    ];
  }
  const pageSize = isHugePagesResource(entry.name) ? pageSizeNanos(entry.name) : undefined;
  if (pageSize !== undefined && quantity.nanos % pageSize !== 0n) {
    return [
      {
        message: explain(
          apiError.invalid(path(), entry.text, `${entry.text} is not positive integer multiple of ${entry.name}`),
          `hugepages come in whole pages of ${entry.name.slice(HUGEPAGES_PREFIX.length)}: ask for a multiple of the page size.`,
        ),
        range,
        data: data(),
      },
    ];
  }
  return [];
}

export const invalidResourceName = defineRule({
  id: 'invalid-resource-name',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'Resource names are cpu, memory, ephemeral-storage, hugepages-<size> or domain/name; extended resources are whole numbers; hugepages need cpu or memory.',
  check(pod): Finding[] {
    const findings: Finding[] = [];
    for (const container of pod.containers) {
      const resources = writtenResources(container);
      let cpuOrMemory = false;
      let hugePages: ResourceEntry | undefined;
      for (const list of LISTS) {
        for (const entry of resources[list]) {
          for (const finding of entryFindings(container, list, entry)) findings.push(finding);
          if (entry.name === 'cpu' || entry.name === 'memory') cpuOrMemory = true;
          if (isHugePagesResource(entry.name)) hugePages ??= entry;
        }
      }
      if (hugePages && !cpuOrMemory) {
        const resourcesPair = container.resources.pair;
        findings.push({
          message: explain(
            apiError.forbidden(`${container.path}.resources`, 'HugePages require cpu or memory'),
            `${describeContainer(container)} asks for ${hugePages.name} without a cpu or memory request or limit; hugepages are accounted with the container's memory.`,
          ),
          range: (resourcesPair ?? hugePages.pair).key.range,
          data: { ...containerRefOf(container), resource: hugePages.name },
        });
      }
    }
    return findings;
  },
});

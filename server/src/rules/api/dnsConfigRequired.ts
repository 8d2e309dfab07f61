import { getPair, isMap, scalarText } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { specPair } from '../engine/podFacts';
import { defineRule, type RuleFinding } from '../types';

export interface DnsConfigRequiredData {
  /** False: `dnsPolicy: None` without dnsConfig; true: a dnsConfig without nameservers. */
  readonly hasDnsConfig: boolean;
}

/**
 * `dnsPolicy: None` ignores the cluster's DNS settings, so the pod must bring its own:
 * a `dnsConfig` with at least one nameserver.
 *
 * data: `{ hasDnsConfig: boolean }`.
 */
export const dnsConfigRequired = defineRule({
  id: 'dns-config-required',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'dnsPolicy: None needs a dnsConfig with at least one nameserver.',
  check(pod): RuleFinding<DnsConfigRequiredData>[] {
    const findings: RuleFinding<DnsConfigRequiredData>[] = [];
    const policyPair = specPair(pod, 'dnsPolicy');
    if (scalarText(policyPair?.value) !== 'None' || !policyPair?.value) return findings;
    const dnsConfig = specPair(pod, 'dnsConfig');
    if (!dnsConfig || !isMap(dnsConfig.value)) {
      findings.push({
        message: explain(
          apiError.required(`${pod.specPath}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None'),
          'with dnsPolicy: None the pod gets no DNS settings from the cluster; add a dnsConfig with the nameservers to use.',
        ),
        range: policyPair.value.range,
        data: { hasDnsConfig: false },
      });
      return findings;
    }
    const nameservers = getPair(dnsConfig.value, 'nameservers')?.value;
    if (nameservers && nameservers.kind === 'seq' && nameservers.items.length > 0) return findings;
    findings.push({
      message: explain(
        apiError.required(
          `${pod.specPath}.dnsConfig.nameservers`,
          'must provide at least one DNS nameserver when `dnsPolicy` is None',
        ),
        'with dnsPolicy: None the pod has no resolver unless dnsConfig lists one.',
      ),
      range: dnsConfig.key.range,
      data: { hasDnsConfig: true },
    });
    return findings;
  },
});

import type { PodModel } from '../../service/model/podModel';
import { getPair, isMap, isScalar, type YMap, type YNode } from '../../service/yaml/nodes';
import { apiError, fieldFinding } from '../engine/apiMessages';
import { INVALID_IP_DETAIL, isIpAddress } from '../engine/ipAddress';
import { seqAt, setMapPair } from '../engine/objectFields';
import { dns1123SubdomainErrors } from '../engine/objectNames';
import { specPair } from '../engine/podFacts';
import { defineRule, type RuleFinding } from '../types';

/**
 * The pod's DNS settings as pkg/apis/core/validation/validation.go checks them
 * (`validatePodDNSConfig`, `ValidateHostAliases`; the same from 1.27 to 1.36):
 * - `dnsConfig.nameservers`: at most 3 (`MaxDNSNameservers`, the resolv.conf limit), each an IP;
 * - `dnsConfig.searches`: at most 32 (`MaxDNSSearchPaths`), at most 2048 characters joined by
 *   spaces, each a DNS-1123 subdomain (a trailing '.' is allowed);
 * - `dnsConfig.options[].name`: required;
 * - `hostAliases[].ip`: an IP; `hostAliases[].hostnames[]`: DNS-1123 subdomains.
 * Values the API server prints as lists are printed as JSON.
 *
 * data: `{ field: string }` (the API path of the finding)
 */
export interface InvalidDnsConfigData {
  readonly field: string;
}

type Finding = RuleFinding<InvalidDnsConfigData>;

const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_LIST_CHARS = 2048;

function stringItems(node: YNode | null | undefined): { value: string; node: YNode; index: number }[] {
  if (!node || node.kind !== 'seq') return [];
  return node.items.flatMap((item, index) =>
    isScalar(item) && typeof item.value === 'string' ? [{ value: item.value, node: item, index }] : [],
  );
}

function nameserverFindings(config: YMap, base: string): Finding[] {
  const pair = getPair(config, 'nameservers');
  const list = seqAt(config, 'nameservers');
  const findings: Finding[] = [];
  const servers = stringItems(list);
  if (pair && list && list.items.length > MAX_NAMESERVERS) {
    const path = `${base}.nameservers`;
    findings.push(
      fieldFinding(
        path,
        apiError.invalidPrinted(
          path,
          JSON.stringify(servers.map((server) => server.value)),
          `must not have more than ${MAX_NAMESERVERS} nameservers`,
        ),
        'resolv.conf takes at most 3 nameservers.',
        pair.key,
      ),
    );
  }
  for (const server of servers) {
    if (isIpAddress(server.value)) continue;
    const path = `${base}.nameservers[${server.index}]`;
    findings.push(
      fieldFinding(
        path,
        apiError.invalid(path, server.value, INVALID_IP_DETAIL),
        'nameservers are IP addresses, not host names.',
        server.node,
      ),
    );
  }
  return findings;
}

function searchFindings(config: YMap, base: string): Finding[] {
  const pair = getPair(config, 'searches');
  const list = seqAt(config, 'searches');
  const findings: Finding[] = [];
  const searches = stringItems(list);
  const printed = JSON.stringify(searches.map((search) => search.value));
  if (pair && list && list.items.length > MAX_SEARCH_PATHS) {
    const path = `${base}.searches`;
    findings.push(
      fieldFinding(
        path,
        apiError.invalidPrinted(path, printed, `must not have more than ${MAX_SEARCH_PATHS} search paths`),
        'resolv.conf takes at most 32 search domains.',
        pair.key,
      ),
    );
  }
  if (pair && searches.map((search) => search.value).join(' ').length > MAX_SEARCH_LIST_CHARS) {
    const path = `${base}.searches`;
    findings.push(
      fieldFinding(
        path,
        apiError.invalidPrinted(
          path,
          printed,
          `must not have more than ${MAX_SEARCH_LIST_CHARS} characters (including spaces) in the search list`,
        ),
        'resolv.conf takes a search list of at most 2048 characters.',
        pair.key,
      ),
    );
  }
  for (const search of searches) {
    // A trailing dot (a fully qualified name) is accepted; the message shows the name without it.
    const name = search.value.endsWith('.') ? search.value.slice(0, -1) : search.value;
    const errors = dns1123SubdomainErrors(name);
    if (errors.length === 0) continue;
    const path = `${base}.searches[${search.index}]`;
    findings.push(
      fieldFinding(
        path,
        errors.map((detail) => apiError.invalid(path, name, detail)).join('; '),
        "search domains are DNS names: lowercase letters, digits, '-' and '.'.",
        search.node,
      ),
    );
  }
  return findings;
}

function optionFindings(config: YMap, base: string): Finding[] {
  const options = seqAt(config, 'options');
  if (!options) return [];
  return options.items.flatMap((item, index): Finding[] => {
    if (!isMap(item)) return [];
    const name = getPair(item, 'name')?.value;
    if (isScalar(name) && name.value !== null && name.value !== '') return [];
    const path = `${base}.options[${index}]`;
    return [
      fieldFinding(
        path,
        apiError.required(path, 'must not be empty'),
        'a resolver option needs a name (ndots, timeout, attempts, …).',
        item.pairs[0]?.key ?? item,
      ),
    ];
  });
}

function hostAliasFindings(pod: PodModel): Finding[] {
  const aliases = specPair(pod, 'hostAliases')?.value;
  if (!aliases || aliases.kind !== 'seq') return [];
  const findings: Finding[] = [];
  aliases.items.forEach((item, index) => {
    if (!isMap(item)) return;
    const base = `${pod.specPath}.hostAliases[${index}]`;
    const ip = getPair(item, 'ip')?.value;
    if (isScalar(ip) && typeof ip.value === 'string' && !isIpAddress(ip.value)) {
      findings.push(
        fieldFinding(
          `${base}.ip`,
          apiError.invalid(`${base}.ip`, ip.value, INVALID_IP_DETAIL),
          'a host alias maps an IP address to names in /etc/hosts.',
          ip,
        ),
      );
    }
    for (const hostname of stringItems(getPair(item, 'hostnames')?.value)) {
      const errors = dns1123SubdomainErrors(hostname.value);
      if (errors.length === 0) continue;
      const path = `${base}.hostnames[${hostname.index}]`;
      findings.push(
        fieldFinding(
          path,
          errors.map((detail) => apiError.invalid(path, hostname.value, detail)).join('; '),
          "host alias names are DNS names: lowercase letters, digits, '-' and '.'.",
          hostname.node,
        ),
      );
    }
  });
  return findings;
}

export const invalidDnsConfig = defineRule({
  id: 'invalid-dns-config',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'dnsConfig: at most 3 nameservers (IP addresses), at most 32 valid search domains, named options; hostAliases with valid IPs and host names.',
  check(pod): Finding[] {
    const config = setMapPair(pod.spec, 'dnsConfig')?.value;
    const base = `${pod.specPath}.dnsConfig`;
    const findings = config
      ? [...nameserverFindings(config, base), ...searchFindings(config, base), ...optionFindings(config, base)]
      : [];
    findings.push(...hostAliasFindings(pod));
    return findings;
  },
});

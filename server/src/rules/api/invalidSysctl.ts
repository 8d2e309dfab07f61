import { getMap, getPair, getSeq, isMap, scalarText } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { specFlag, specPair } from '../engine/podFacts';
import { targetMinor } from '../engine/version';
import { defineRule, type RuleFinding } from '../types';

/*
 * `spec.securityContext.sysctls`, pkg/apis/core/validation/validation.go (kubernetes/kubernetes,
 * read at commit 000f2605, the 1.33 line) validateSysctls:
 * - a name is required, at most 253 characters matching
 *   `(SEG[\./])*SEG` with SEG = `[a-z0-9]([-_a-z0-9]*[a-z0-9])?` (IsValidSysctlName; `/` may
 *   separate segments), and unique;
 * - ValidateHostSysctl (AllowNamespacedSysctlsForHostNetAndHostIPC only keeps old pods valid on
 *   update): a net.* sysctl with `hostNetwork: true`, or an IPC one (kernel.sem, kernel.shm*,
 *   kernel.msg*, fs.mqueue.*) with `hostIPC: true`, is refused; the namespace comes from
 *   k8s.io/component-helpers node/util/sysctl GetNamespace, on the name with `/` separators
 *   turned into dots.
 * Beyond the API server: the kubelet admits only its safe sysctls unless the node allows
 * more (--allowed-unsafe-sysctls); others fail at the node (SysctlForbidden). The safe list
 * is kubernetes/kubernetes pkg/kubelet/sysctl/safe_sysctls.go, with the minor each joined
 * (also the kubernetes.io "Using sysctls in a Kubernetes Cluster" page); such a sysctl is a
 * warning.
 */

export interface InvalidSysctlData {
  readonly index: number;
  readonly name: string;
}

type Finding = RuleFinding<InvalidSysctlData>;

const SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_NAME = new RegExp(`^(${SEGMENT}[\\./])*${SEGMENT}$`);
const SYSCTL_MAX = 253;
const SYSCTL_NAME_DETAIL = `must have at most ${SYSCTL_MAX} characters and match regex ^(${SEGMENT}[\\./])*${SEGMENT}$`;

/** The kubelet's safe sysctls and the minor each became safe (older than 1.27 counts as always). */
const SAFE_SYSCTLS: ReadonlyMap<string, number> = new Map([
  ['kernel.shm_rmid_forced', 0],
  ['net.ipv4.ip_local_port_range', 0],
  ['net.ipv4.tcp_syncookies', 0],
  ['net.ipv4.ping_group_range', 0],
  ['net.ipv4.ip_unprivileged_port_start', 0],
  ['net.ipv4.ip_local_reserved_ports', 27],
  ['net.ipv4.tcp_keepalive_time', 29],
  ['net.ipv4.tcp_fin_timeout', 29],
  ['net.ipv4.tcp_keepalive_intvl', 29],
  ['net.ipv4.tcp_keepalive_probes', 29],
  ['net.ipv4.tcp_rmem', 32],
  ['net.ipv4.tcp_wmem', 32],
]);

const IPC_SYSCTLS = new Set([
  'kernel.sem',
  'kernel.shmall',
  'kernel.shmmax',
  'kernel.shmmni',
  'kernel.shm_rmid_forced',
]);
const IPC_PREFIXES = ['kernel.msg', 'fs.mqueue.'];

/** NormalizeName: a name whose first separator is `/` uses `/` between segments and `.` inside them. */
function normalised(name: string): string {
  const firstSlash = name.indexOf('/');
  const firstDot = name.indexOf('.');
  if (firstSlash === -1 || (firstDot !== -1 && firstDot < firstSlash)) return name;
  return name.replace(/[./]/g, (separator) => (separator === '/' ? '.' : '/'));
}

function namespaceOf(name: string): 'net' | 'ipc' | undefined {
  if (name.startsWith('net.')) return 'net';
  if (IPC_SYSCTLS.has(name) || IPC_PREFIXES.some((prefix) => name.startsWith(prefix))) return 'ipc';
  return undefined;
}

export const invalidSysctl = defineRule({
  id: 'invalid-sysctl',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'Sysctl names are valid and unique, net.* sysctls cannot be set with hostNetwork (IPC ones with hostIPC); unsafe sysctls are a warning.',
  check(pod, context): Finding[] {
    const sysctls = getSeq(getMap(pod.spec, 'securityContext'), 'sysctls');
    if (!sysctls) return [];
    const findings: Finding[] = [];
    const base = `${pod.specPath}.securityContext.sysctls`;
    const seen = new Set<string>();
    const minor = targetMinor(context.settings);
    sysctls.items.forEach((item, index) => {
      const namePair = isMap(item) ? getPair(item, 'name') : undefined;
      const name = scalarText(namePair?.value);
      if (!namePair?.value || name === undefined || name === '') return;
      const field = `${base}[${index}].name`;
      const data = { index, name };
      const range = namePair.value.range;
      if (name.length > SYSCTL_MAX || !SYSCTL_NAME.test(name)) {
        findings.push({
          message: explain(
            apiError.invalid(field, name, SYSCTL_NAME_DETAIL),
            'a sysctl name is lowercase segments separated by dots (net.ipv4.tcp_syncookies) or slashes.',
          ),
          range,
          data,
        });
      } else if (seen.has(name)) {
        findings.push({
          message: explain(apiError.duplicate(field, name), `${name} is set twice; keep one entry.`),
          range,
          data,
        });
      }
      seen.add(name);
      const normal = normalised(name);
      const namespace = namespaceOf(normal);
      const hostKey = namespace === 'net' ? 'hostNetwork' : namespace === 'ipc' ? 'hostIPC' : undefined;
      if (hostKey && specFlag(pod, hostKey)) {
        findings.push({
          message: explain(
            apiError.invalid(field, name, `may not be specified when '${hostKey}' is true`),
            `the pod shares the node's ${namespace === 'net' ? 'network' : 'IPC'} namespace, so ${name} would change the node itself.`,
          ),
          range,
          related: [{ range: specPair(pod, hostKey)!.range, message: `${hostKey}: true` }],
          data,
        });
        return;
      }
      const safeSince = SAFE_SYSCTLS.get(normal);
      if (SYSCTL_NAME.test(name) && (safeSince === undefined || safeSince > minor)) {
        findings.push({
          message: `${name} is not a safe sysctl for the kubelet of Kubernetes ${context.settings.kubernetesVersion}: the API server accepts it, but a node refuses the pod (SysctlForbidden) unless its kubelet runs with --allowed-unsafe-sysctls including it.`,
          range,
          severity: 'warning',
          data,
        });
      }
    });
    return findings;
  },
});

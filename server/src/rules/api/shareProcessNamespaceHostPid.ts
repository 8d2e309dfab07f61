import { isScalar } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { specPair } from '../engine/podFacts';
import { defineRule, type RuleFinding } from '../types';

/** It carries nothing: the finding is the whole pod spec's. */
export type ShareProcessNamespaceHostPidData = Record<string, never>;

/**
 * `shareProcessNamespace` gives the pod's containers one process namespace of their own;
 * `hostPID` puts them in the node's. Both at once is refused (M25). The API server names the
 * fields as they sit in its internal security context.
 *
 * data: `{}`.
 */
export const shareProcessNamespaceHostPid = defineRule({
  id: 'share-process-namespace-host-pid',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'shareProcessNamespace and hostPID cannot both be true.',
  check(pod): RuleFinding<ShareProcessNamespaceHostPidData>[] {
    const findings: RuleFinding<ShareProcessNamespaceHostPidData>[] = [];
    const share = specPair(pod, 'shareProcessNamespace');
    const hostPID = specPair(pod, 'hostPID');
    const isTrue = (pair: typeof share) => isScalar(pair?.value) && pair.value.value === true;
    if (!share || !hostPID || !isTrue(share) || !isTrue(hostPID)) return findings;
    findings.push({
      message: explain(
        apiError.invalid(
          `${pod.specPath}.securityContext.shareProcessNamespace`,
          true,
          'ShareProcessNamespace and HostPID cannot both be enabled',
        ),
        "the containers either share a process namespace of the pod (shareProcessNamespace) or use the node's (hostPID), not both.",
      ),
      range: share.key.range,
      related: [{ range: hostPID.key.range, message: 'hostPID: true' }],
      data: {},
    });
    return findings;
  },
});

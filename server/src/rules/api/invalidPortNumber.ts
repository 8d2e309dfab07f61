import type { ContainerModel } from '../../service/model/podModel';
import { isScalar, type Range, type YNode } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { isValidPortNumber, PORT_NUMBER_DETAIL } from '../engine/names';
import { describeContainer, handlerPorts } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

function portData(container: ContainerModel, field: string, value: number): InvalidPortNumberData {
  return { ...containerRefOf(container), field, value };
}

/** A port number the API server accepts (or none written); `0` means unset for a hostPort only. */
function isAcceptable(value: number | undefined, zeroIsUnset: boolean): boolean {
  return value === undefined || (value === 0 ? zeroIsUnset : isValidPortNumber(value));
}

function numberNode(node: YNode | null | undefined): { value: number; range: Range } | undefined {
  return isScalar(node) && typeof node.value === 'number' ? { value: node.value, range: node.range } : undefined;
}

export interface InvalidPortNumberData extends ContainerRef {
  /** `containerPort`, `hostPort` or a probe's or hook's port (`livenessProbe.httpGet.port`, `lifecycle.preStop.httpGet.port`). */
  readonly field: string;
  readonly value: number;
}

/**
 * Port numbers are 1–65535 (C4, M18): `containerPort` (0 counts as missing), a set `hostPort`
 * (0 means none), and numeric ports of probes and lifecycle hooks.
 *
 * data: `{ containerIndex: number, listKey: string, field: string, value: number }`
 */
export const invalidPortNumber = defineRule({
  id: 'invalid-port-number',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'containerPort, hostPort and the ports of probes and lifecycle hooks must be between 1 and 65535.',
  check(pod): RuleFinding<InvalidPortNumberData>[] {
    const findings: RuleFinding<InvalidPortNumberData>[] = [];
    for (const container of pod.containers) {
      for (const port of container.ports) {
        // The model holds the same numbers: ports in range (nearly all) need no closer look.
        if (isAcceptable(port.containerPort, false) && isAcceptable(port.hostPort, true)) continue;
        const containerPort = numberNode(port.containerPortNode);
        if (containerPort && containerPort.value === 0) {
          findings.push({
            message: explain(
              apiError.required(`${port.path}.containerPort`),
              `a port of ${describeContainer(container)} needs a containerPort between 1 and 65535.`,
            ),
            range: containerPort.range,
            data: portData(container, 'containerPort', 0),
          });
        } else if (containerPort && !isValidPortNumber(containerPort.value)) {
          findings.push({
            message: explain(
              apiError.invalid(`${port.path}.containerPort`, containerPort.value, PORT_NUMBER_DETAIL),
              `${containerPort.value} is not a TCP/UDP port number (${describeContainer(container)}).`,
            ),
            range: containerPort.range,
            data: portData(container, 'containerPort', containerPort.value),
          });
        }
        const hostPort = numberNode(port.hostPortNode);
        if (hostPort && hostPort.value !== 0 && !isValidPortNumber(hostPort.value)) {
          findings.push({
            message: explain(
              apiError.invalid(`${port.path}.hostPort`, hostPort.value, PORT_NUMBER_DETAIL),
              `${hostPort.value} is not a port number on the node (${describeContainer(container)}).`,
            ),
            range: hostPort.range,
            data: portData(container, 'hostPort', hostPort.value),
          });
        }
      }
      for (const handlerPort of handlerPorts(container)) {
        const port = numberNode(handlerPort.node);
        if (!port || isValidPortNumber(port.value)) continue;
        findings.push({
          message: explain(
            apiError.invalid(handlerPort.path, port.value, PORT_NUMBER_DETAIL),
            `the ${handlerPort.owner} of ${describeContainer(container)} points at a port that cannot exist.`,
          ),
          range: port.range,
          data: portData(container, handlerPort.field, port.value),
        });
      }
    }
    return findings;
  },
});

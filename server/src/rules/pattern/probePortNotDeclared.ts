/**
 * probe-port-not-declared: a probe's named port (`httpGet.port: metrics`) is not declared
 * in the same container's ports. The kubelet resolves names in the probe's own container
 * only, so the probe errors on every run (error). A numbered port that the container
 * neither declares nor reveals by a flag gets a hint.
 *
 * Quick-fix data: `{ container: string | null, port: string | number, named: boolean,
 * declaredNames: string[], declaredIn: string | null }` — `declaredIn` names another
 * container that declares the named port (the usual copy-paste mistake).
 */
import { analyzePod } from '../../service/analysis/analyzePod';
import { getMap, getPair, isScalar, type YScalar } from '../../service/yaml/nodes';
import { portNameErrors } from '../engine/names';
import { defineRule, type RuleFinding } from '../types';
import { containerLabel } from './support';
import { dataOf, type QuickFixer } from '../../service/actions/fixes/quickFix';

const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

export interface ProbePortNotDeclaredData {
  readonly container: string | null;
  readonly port: string | number;
  /** True for a port name, false for a number. */
  readonly named: boolean;
  readonly declaredNames: readonly string[];
  /** Another container that declares the named port (the usual copy-paste mistake). */
  readonly declaredIn: string | null;
}

/** A probe names a port its container does not declare: use one of the names it does declare. */
export const probePortNotDeclaredFix: QuickFixer<ProbePortNotDeclaredData> = {
  description: 'Probe one of the port names the container declares.',
  fixes({ target }) {
    const { named, declaredNames } = dataOf(target);
    if (named !== true || !Array.isArray(declaredNames)) return [];
    return declaredNames
      .filter((name): name is string => typeof name === 'string')
      .map((name) => ({
        title: `Probe port "${name}"`,
        edits: [{ start: target.start, end: target.end, newText: name }],
      }));
  },
};

export const probePortNotDeclared = defineRule({
  id: 'probe-port-not-declared',
  category: 'pattern',
  defaultSeverity: 'error',
  summary: "A probe's named port is not declared in the probe's own container.",
  fixes: [probePortNotDeclaredFix],
  check(pod): RuleFinding<ProbePortNotDeclaredData>[] {
    const findings: RuleFinding<ProbePortNotDeclaredData>[] = [];
    const analysis = analyzePod(pod);
    for (const container of pod.containers) {
      // Probes on regular init containers are rejected by the API server already.
      if (container.group === 'init' || container.probes.length === 0) continue;
      const declaredNames = container.ports.flatMap((port) => (port.name !== undefined ? [port.name] : []));
      for (const probe of container.probes) {
        for (const handler of HANDLERS) {
          const portValue = getPair(getMap(probe.node, handler), 'port')?.value;
          if (!isScalar(portValue) || portValue.value === null) continue;
          const node: YScalar = portValue;
          const named = typeof node.value === 'string' && !/^\d+$/.test(node.value);
          // A name the API server rejects outright is invalid-name's to report: one message per problem.
          if (named && portNameErrors(String(node.value)).length > 0) continue;
          if (named) {
            const name = String(node.value);
            if (declaredNames.includes(name)) continue;
            const elsewhere = pod.containers.find(
              (other) => other !== container && other.ports.some((port) => port.name === name),
            );
            findings.push({
              message:
                `${probe.kind} of ${containerLabel(container)} uses the port named "${name}", which ${containerLabel(container)} does not declare` +
                (declaredNames.length ? ` (its ports: ${declaredNames.join(', ')})` : '') +
                (elsewhere
                  ? `; ${containerLabel(elsewhere)} declares it, but the kubelet looks up probe ports in the probe's own container only`
                  : '') +
                ': the probe fails with an unknown port on every run.',
              range: node.range,
              related: elsewhere
                ? [
                    {
                      range:
                        elsewhere.ports.find((port) => port.name === name)!.nameNode?.range ?? elsewhere.node.range,
                      message: `"${name}" is declared in ${containerLabel(elsewhere)}`,
                    },
                  ]
                : [],
              data: {
                container: container.name ?? null,
                port: name,
                named: true,
                declaredNames,
                declaredIn: elsewhere?.name ?? null,
              },
            });
          } else {
            const number = Number(node.value);
            if (container.ports.length === 0) continue;
            // A declared containerPort is among the served ports: only other numbers need the analysis.
            const declared = container.ports.some(
              (port) => port.containerPort === number && port.containerPortNode !== undefined,
            );
            if (
              declared ||
              analysis.servedPorts.some((entry) => entry.container === container && entry.port === number)
            )
              continue;
            findings.push({
              severity: 'hint',
              message: `${probe.kind} of ${containerLabel(container)} checks port ${number}, which is not among the container's declared ports (${container.ports.map((port) => port.containerPort).join(', ')}).`,
              range: node.range,
              data: { container: container.name ?? null, port: number, named: false, declaredNames, declaredIn: null },
            });
          }
        }
      }
    }
    return findings;
  },
});

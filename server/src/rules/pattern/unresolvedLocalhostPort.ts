/**
 * unresolved-localhost-port: a container reaches `localhost:PORT` (or `127.0.0.1`, `[::1]`,
 * `http://localhost/` with 80/443 implied) that no container of the pod serves, neither
 * declared as a containerPort nor revealed by a flag such as `--port=`.
 *
 * Quick-fix data: `{ port: number, suggestedPort: number | null }` — `suggestedPort` is a
 * port another container serves that looks like the intended one (same digits in another
 * order, one digit off, or the only port served); replace the port in the finding's range.
 */
import { analyzePod } from '../../service/analysis/analyzePod';
import type { ServedPort } from '../../service/analysis/types';
import { defineRule, type RuleFinding } from '../types';
import { containerLabel, expectsInjectedContainers, INJECTED_SIDECAR_PORTS, linkRange } from './support';
import { dataOf, type QuickFixer } from '../../service/actions/fixes/quickFix';

function looksLikeTypo(wanted: number, candidate: number): boolean {
  const a = String(wanted);
  const b = String(candidate);
  if (a.length !== b.length) return false;
  if ([...a].sort().join('') === [...b].sort().join('')) return true;
  let differences = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differences++;
  return differences === 1;
}

function suggestion(port: number, others: readonly ServedPort[]): number | undefined {
  const typo = others.find((entry) => looksLikeTypo(port, entry.port));
  if (typo) return typo.port;
  const distinct = [...new Set(others.map((entry) => entry.port))];
  return distinct.length === 1 ? distinct[0] : undefined;
}

export interface UnresolvedLocalhostPortData {
  readonly port: number;
  /** A declared port close to it (a likely typo); null when none is. */
  readonly suggestedPort: number | null;
}

/** A localhost port nobody serves, next to one that is served: point the reference at it. */
export const unresolvedLocalhostPortFix: QuickFixer<UnresolvedLocalhostPortData> = {
  description: 'Use the port a container of the pod serves.',
  fixes({ analysis, target }) {
    const { port, suggestedPort } = dataOf(target);
    if (typeof port !== 'number' || typeof suggestedPort !== 'number') return [];
    const written = analysis.text.slice(target.start, target.end);
    const at = written.lastIndexOf(String(port));
    if (at < 0) return [];
    const start = target.start + at;
    return [
      {
        title: `Use port ${suggestedPort}, which a container of the pod serves`,
        edits: [{ start, end: start + String(port).length, newText: String(suggestedPort) }],
      },
    ];
  },
};

export const unresolvedLocalhostPort = defineRule({
  id: 'unresolved-localhost-port',
  category: 'pattern',
  defaultSeverity: 'warning',
  summary: 'A container connects to a localhost port that no container of the pod serves.',
  fixes: [unresolvedLocalhostPortFix],
  check(pod, context): RuleFinding<UnresolvedLocalhostPortData>[] {
    const findings: RuleFinding<UnresolvedLocalhostPortData>[] = [];
    const analysis = analyzePod(pod);
    // With one container, a localhost reference is usually to itself; on the host network,
    // localhost is the node; with injected sidecars, their ports are not in the manifest.
    if (
      pod.containers.length < 2 ||
      analysis.links.length === 0 ||
      analysis.hostNetwork ||
      expectsInjectedContainers(pod)
    )
      return findings;
    const reported = new Set<string>();
    for (const link of analysis.links) {
      if (link.to || INJECTED_SIDECAR_PORTS.has(link.port)) continue;
      // One finding per container and port: the first reference stands for the others.
      const key = `${pod.containers.indexOf(link.from)}:${link.port}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const others = analysis.servedPorts.filter((entry) => entry.container !== link.from);
      const suggestedPort = suggestion(link.port, others);
      const servedList = others.map((entry) => `${entry.port} (${containerLabel(entry.container)})`).join(', ');
      findings.push({
        message:
          `${containerLabel(link.from)} connects to ${link.text}, but no container in this pod declares port ${link.port} or reveals it with a listen flag such as --port` +
          (servedList ? `; ports served here: ${servedList}` : '') +
          (suggestedPort !== undefined ? `. Did you mean ${suggestedPort}?` : '.'),
        range: linkRange(context.document.text, link),
        related: others.map((entry) => ({
          range: entry.range,
          message: `${containerLabel(entry.container)} serves port ${entry.port} (${entry.evidence})`,
        })),
        data: { port: link.port, suggestedPort: suggestedPort ?? null },
      });
    }
    return findings;
  },
});

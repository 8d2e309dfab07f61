import type { LanguageService, LocatedPod, PodAnalysis } from '../service';
import { lastFlag, parseArgs, UsageError } from './args';
import { readInputs } from './inputs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIO } from './io';
import { unreadPodDocument } from './podTarget';

export const DESCRIBE_USAGE = 'pod-patterns describe [--format text|json] <files|dirs|globs|->...';

/** One pod as `describe --format json` prints it. Tools depend on this shape: add fields, never rename. */
export interface DescribedPod {
  readonly path: string;
  readonly documentIndex: number;
  readonly kind: string;
  readonly name: string | null;
  /** `evidence` is `reasons` joined with "; " (kept for tools written before `reasons`). */
  readonly containers: {
    name: string | null;
    group: string;
    role: string;
    pattern: string | null;
    evidence: string;
    reasons: string[];
  }[];
  readonly volumes: {
    name: string;
    type: string | null;
    mountedBy: { container: string | null; mountPath: string | null; readOnly: boolean }[];
  }[];
  readonly links: { from: string | null; to: string | null; port: number }[];
  readonly effectiveResources: { requests: Record<string, string>; limits: Record<string, string> };
  readonly qosClass: string;
}

export function describePod(path: string, located: LocatedPod, analysis: PodAnalysis): DescribedPod {
  return {
    path,
    documentIndex: located.document.index,
    kind: located.pod.kind,
    name: located.pod.name ?? null,
    containers: analysis.roles.map(({ container, role, pattern, evidence, reasons }) => ({
      name: container.name ?? null,
      group: container.group,
      role,
      pattern: pattern ?? null,
      evidence,
      reasons: [...reasons],
    })),
    volumes: analysis.volumes.map((volume) => ({
      name: volume.name,
      type: volume.type ?? null,
      mountedBy: volume.mountedBy.map(({ container, mount }) => ({
        container: container.name ?? null,
        mountPath: mount.mountPath ?? null,
        readOnly: mount.readOnly,
      })),
    })),
    links: analysis.links.map((link) => ({ from: link.from.name ?? null, to: link.to?.name ?? null, port: link.port })),
    effectiveResources: {
      requests: { ...analysis.effectiveResources.requests },
      limits: { ...analysis.effectiveResources.limits },
    },
    qosClass: analysis.qosClass,
  };
}

function amounts(values: Record<string, string>): string {
  const entries = Object.entries(values);
  return entries.length === 0 ? 'none' : entries.map(([name, value]) => `${name} ${value}`).join(', ');
}

/** A readable summary of one pod: roles with their reasons, volumes, links, resources. */
export function describeText(pod: DescribedPod): string {
  const lines = [`${pod.path} [document ${pod.documentIndex}] ${pod.kind} ${pod.name ?? '(unnamed)'}`];
  lines.push('  containers:');
  for (const container of pod.containers) {
    const kind =
      container.role === 'native-sidecar' && container.pattern
        ? `native-sidecar (${container.pattern})`
        : container.role;
    lines.push(`    ${container.name ?? '(unnamed)'}  ${kind}`);
    for (const reason of container.reasons) lines.push(`      - ${reason}`);
  }
  if (pod.volumes.length > 0) {
    lines.push('  volumes:');
    for (const volume of pod.volumes) {
      const users = volume.mountedBy.map(
        (use) => `${use.container ?? '(unnamed)'} at ${use.mountPath ?? '?'}${use.readOnly ? ' (read-only)' : ''}`,
      );
      const sharing =
        volume.mountedBy.length > 1
          ? 'shared by'
          : volume.mountedBy.length === 1
            ? 'mounted by'
            : 'mounted by no container';
      lines.push(
        `    ${volume.name} (${volume.type ?? 'undeclared'}) ${sharing}${users.length ? ` ${users.join(', ')}` : ''}`,
      );
    }
  }
  if (pod.links.length > 0) {
    lines.push('  localhost links:');
    for (const link of pod.links)
      lines.push(`    ${link.from ?? '(unnamed)'} → ${link.to ?? 'nothing serves it'} :${link.port}`);
  }
  lines.push(`  effective requests: ${amounts(pod.effectiveResources.requests)}`);
  lines.push(`  effective limits: ${amounts(pod.effectiveResources.limits)}`);
  lines.push(`  QoS class: ${pod.qosClass}`);
  return lines.join('\n');
}

export function runDescribe(argv: readonly string[], io: CliIO, service: LanguageService): number {
  const args = parseArgs(argv, { valued: ['format'], boolean: [] });
  const format = lastFlag(args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  if (args.positionals.length === 0) throw new UsageError('no files given (use - to read standard input)');
  const pods: DescribedPod[] = [];
  let unreadable = false;
  let broken = false;
  for (const input of readInputs(args.positionals, io.readStdin)) {
    if ('error' in input) {
      io.stderr(`pod-patterns: cannot read ${input.path}: ${input.error}\n`);
      unreadable = true;
      continue;
    }
    const file = service.parseFile(input.text);
    const refused = new Set<number>();
    for (const located of file.pods) {
      const documentIndex = located.document.index;
      const syntaxProblem = service.syntaxProblem(file, documentIndex);
      if (syntaxProblem) {
        // One message per broken document; the sound documents of the file are still described.
        if (!refused.has(documentIndex))
          io.stderr(`pod-patterns describe: ${input.path}: not described: ${syntaxProblem}\n`);
        refused.add(documentIndex);
        continue;
      }
      pods.push(describePod(input.path, located, service.podAnalysis(located)));
    }
    const unread = unreadPodDocument(file, service);
    if (unread) io.stderr(`pod-patterns describe: ${input.path}: not described: ${unread}\n`);
    if (refused.size > 0 || unread) broken = true;
  }
  if (format === 'json') io.stdout(JSON.stringify({ pods }, null, 2) + '\n');
  else io.stdout(pods.length === 0 ? 'No pods found.\n' : pods.map((pod) => describeText(pod)).join('\n\n') + '\n');
  return unreadable ? EXIT_USAGE : broken ? EXIT_FINDINGS : EXIT_OK;
}

import { shift as shiftFinding, type ParsedFile } from '../parsedFile';
import type { ContainerModel, PodModel, VolumeModel } from '../model/podModel';
import type { ServiceSettings } from '../settings';
import { analyzePod } from '../analysis/analyzePod';
import type { PodAnalysis } from '../analysis/types';
import { patternDocs, ruleDocsUrl } from '../docsLinks';
import { RULES } from '../../rules';
import { pairAtOffset } from '../completion/cursor';
import { describeSchemaAt } from '../schema/describeSchema';
import { getMap } from '../yaml/nodes';
import { fieldHistoryAt } from '../schema/fieldVersions';
import { escapeMarkdown as escape, markdownCode } from '../../shared/markdown';

/** Markdown for the hover at a file offset, and the range it describes (file offsets). */
export interface ServiceHover {
  readonly markdown: string;
  readonly range: { readonly start: number; readonly end: number };
}

/** A hover built from the pod model and analysis: containers, volumes and findings. */
export function hoverAt(analysis: ParsedFile, offset: number, settings: ServiceSettings): ServiceHover | undefined {
  const document = analysis.documentAt(offset);
  if (!document || !document.model.relevant) return undefined;
  const local = offset - document.offset;
  const sections: string[] = [];
  let range: { start: number; end: number } | undefined;

  // Only this document's findings (cached per document): a file of thousands of pods costs a lookup each.
  const own = analysis.documentFindings(settings).find((entry) => entry.document === document)?.findings ?? [];
  const findings = own
    .map((finding) => shiftFinding(finding, document))
    .filter((finding) => finding.range.start <= offset && offset <= finding.range.end);
  for (const finding of findings) {
    const rule = RULES.find((candidate) => candidate.id === finding.code);
    const href = ruleDocsUrl(finding.code);
    const title = href ? `[\`${finding.code}\`](${href})` : `\`${finding.code}\``;
    sections.push(`${title} (${finding.severity})${rule ? `: ${escape(rule.summary)}` : ''}`);
    range ??= finding.range;
  }

  const pod = document.model.pods.find(
    (candidate) => candidate.root.range.start <= local && local <= candidate.root.range.end,
  );
  if (pod) {
    const container = pod.containers.find((candidate) => candidate.nameNode && within(candidate.nameNode.range, local));
    const volume = pod.volumes.find((candidate) => candidate.nameNode && within(candidate.nameNode.range, local));
    if (container) {
      sections.unshift(containerHoverMarkdown(pod, analyzePod(pod), container));
      range = shift(container.nameNode!.range, document.offset);
    } else if (volume) {
      sections.unshift(describeVolume(analyzePod(pod), volume));
      range = shift(volume.nameNode!.range, document.offset);
    }
  }
  const key = pairAtOffset(document.model.root, local);
  const resource =
    key &&
    document.model.resources.find(
      (candidate) => candidate.root.range.start <= local && local <= candidate.root.range.end,
    );
  if (key && resource?.kind) {
    const path = key.path.slice(resource.pathPrefix.length);
    const field = describeSchemaAt(resource.kind, path);
    if (field) {
      const history = fieldHistoryAt(resource.kind, path, settings);
      const allowed = field.enum?.length
        ? `\n\nAllowed: ${field.enum.map((value) => `\`${String(value)}\``).join(', ')}`
        : '';
      const type = field.type ? ` _(${field.type})_` : '';
      const deprecated = field.deprecated ? ' **Deprecated.**' : '';
      // Descriptions come from the bundled schema, not from the file: they keep their markup.
      sections.unshift(
        `**${escape(String(key.pair.key.value))}**${type}${deprecated}${history ? `\n\n${history}` : ''}\n\n${field.description ?? ''}${allowed}`.trim(),
      );
      range = shift(key.pair.key.range, document.offset);
    }
  }
  if (sections.length === 0 || !range) return undefined;
  return { markdown: sections.join('\n\n---\n\n'), range };
}

function within(range: { start: number; end: number }, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}

function shift(range: { start: number; end: number }, by: number): { start: number; end: number } {
  return { start: range.start + by, end: range.end + by };
}

const ROLE_TEXT: Readonly<Record<string, string>> = {
  init: 'init container: runs to completion, in order, before the app containers start',
  'native-sidecar': 'native sidecar: starts before the app containers, runs beside them and stops after them',
  main: 'main container: the app this pod exists for',
  sidecar: 'sidecar: a helper running beside the main container',
  adapter: "adapter: presents the main container's output (metrics, logs) in the shape others expect",
  ambassador: 'ambassador: a local proxy the main container reaches the outside world through',
};

function containerHoverMarkdown(pod: PodModel, analysis: PodAnalysis, container: ContainerModel): string {
  const role = analysis.roleOf(container);
  const reasons = analysis.roles.find((entry) => entry.container === container)?.reasons ?? [];
  const about = patternDocs(role);
  const lines = [
    `**${escape(container.name ?? '(unnamed)')}**: ${ROLE_TEXT[role] ?? role} · [About ${about.title}](${about.url})`,
  ];
  if (reasons.length) lines.push(`Why:\n${reasons.map((reason) => `- ${escape(reason)}`).join('\n')}`);
  if (container.image) lines.push(`Image: ${markdownCode(container.image)}`);
  const shares: string[] = [];
  for (const sharing of analysis.volumes) {
    const own = sharing.mountedBy.find((use) => use.container === container);
    if (!own) continue;
    const others = sharing.mountedBy.filter((use) => use.container !== container);
    const withWhom = others.length
      ? ` with ${others.map((use) => `${escape(use.container.name ?? '?')} (${escape(use.mount.mountPath ?? '?')})`).join(', ')}`
      : ' (no other container mounts it)';
    shares.push(
      `- volume ${escape(sharing.name)}${sharing.type ? ` (${sharing.type})` : ''} at ${escape(own.mount.mountPath ?? '?')}${own.mount.readOnly ? ', read-only' : ''}${withWhom}`,
    );
  }
  for (const link of analysis.links) {
    if (link.from === container)
      shares.push(
        `- reaches localhost:${link.port}${link.to ? ` served by ${escape(link.to.name ?? '?')}` : ' (no container declares it)'}`,
      );
    else if (link.to === container) shares.push(`- serves localhost:${link.port} to ${escape(link.from.name ?? '?')}`);
  }
  if (shares.length) lines.push(`Shares:\n${shares.join('\n')}`);
  lines.push(resourcesLine(pod, analysis));
  return lines.join('\n\n');
}

function describeVolume(analysis: PodAnalysis, volume: VolumeModel): string {
  const sharing = analysis.volumes.find((candidate) => candidate.volume === volume);
  const users = sharing?.mountedBy ?? [];
  const mounted = users.length
    ? users
        .map(
          (use) =>
            `- ${escape(use.container.name ?? '?')} at ${escape(use.mount.mountPath ?? '?')}${use.mount.readOnly ? ' (read-only)' : ''}`,
        )
        .join('\n')
    : 'No container mounts it.';
  return `**Volume ${escape(volume.name ?? '')}**${volume.type ? ` (${volume.type})` : ''}\n\n${mounted}`;
}

function resourcesLine(pod: PodModel, analysis: PodAnalysis): string {
  const { requests, limits } = analysis.effectiveResources;
  const format = (amounts: Readonly<Record<string, string>>) =>
    Object.entries(amounts)
      .map(([name, value]) => `${name} ${value}`)
      .join(', ') || 'none';
  const podLevel = getMap(pod.spec, 'resources') ? ' (pod-level resources: spec.resources)' : '';
  return `Pod ${escape(pod.name ?? '')} effective resources${podLevel}: requests ${format(requests)}; limits ${format(limits)}; QoS ${analysis.qosClass}`;
}

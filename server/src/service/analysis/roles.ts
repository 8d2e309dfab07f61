import type { ContainerModel, PodModel } from '../model/podModel';
import type { TextSource } from './textSources';
import type { ContainerRole, LocalhostLink, RoleAssignment, ServedPort, VolumeSharing } from './types';

/** `pod-patterns.dev/roles: "proxy=ambassador,exporter=adapter"`: the author's word beats any guess. */
export const ROLES_ANNOTATION = 'pod-patterns.dev/roles';
export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

const ANNOTATABLE_ROLES: readonly ContainerRole[] = ['main', 'sidecar', 'adapter', 'ambassador'];

/** Parses the roles annotation; entries that name an unknown role are ignored. */
export function parseRolesAnnotation(value: string | undefined): Map<string, ContainerRole> {
  const roles = new Map<string, ContainerRole>();
  for (const entry of (value ?? '').split(/[,\s]+/)) {
    const [name, role] = entry.split('=').map((part) => part.trim());
    if (name && role && (ANNOTATABLE_ROLES as readonly string[]).includes(role)) roles.set(name, role as ContainerRole);
  }
  return roles;
}

type HelperRole = 'ambassador' | 'adapter' | 'sidecar';

/** Words that name a role outright, then hint words, checked in this order. */
const EXPLICIT_WORDS: Readonly<Record<string, HelperRole>> = { ambassador: 'ambassador', adapter: 'adapter', sidecar: 'sidecar' };
const HINT_WORDS: readonly [HelperRole, (token: string) => boolean][] = [
  ['ambassador', (token) => token.startsWith('proxy') || token.startsWith('envoy')],
  ['adapter', (token) => token.startsWith('exporter') || token.startsWith('transformer') || token.startsWith('adapter')],
  ['sidecar', (token) => ['log', 'logs', 'logger', 'logging', 'sync', 'gitsync', 'agent'].includes(token) || token.startsWith('fluent') || token.startsWith('sidecar')],
];

function tokens(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** The image's repository path without registry host, tag or digest: `nginx/nginx-prometheus-exporter`. */
export function imageRepository(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const segments = withoutDigest.split('/');
  if (segments.length > 1 && /[.:]|^localhost$/.test(segments[0]!)) segments.shift();
  const last = segments.length - 1;
  segments[last] = segments[last]!.split(':')[0]!;
  return segments.join('/');
}

/** The role the words in a text suggest, with the word. */
function roleFromWords(text: string): { role: HelperRole; word: string } | undefined {
  const words = tokens(text);
  for (const word of words) if (EXPLICIT_WORDS[word]) return { role: EXPLICIT_WORDS[word]!, word };
  for (const [role, matches] of HINT_WORDS) {
    const word = words.find(matches);
    if (word) return { role, word };
  }
  return undefined;
}

function helperByWords(container: ContainerModel): { role: HelperRole; evidence: string } | undefined {
  const byName = container.name !== undefined ? roleFromWords(container.name) : undefined;
  if (byName) return { role: byName.role, evidence: `name contains "${byName.word}"` };
  const byImage = container.image !== undefined ? roleFromWords(imageRepository(container.image)) : undefined;
  if (byImage) return { role: byImage.role, evidence: `image contains "${byImage.word}"` };
  return undefined;
}

const PATH_IN_TEXT = /(?:^|[\s'"=:>|(])(\/[\w.@+-]+(?:\/[\w.@+-]+)*)/g;
const WRITE_TO_PATH = /(?:>>?|\btee(?:\s+-a)?)\s*(\/[\w.@+/-]+)/g;

/** Paths a container's text mentions, as volume-relative paths per volume it mounts. */
function volumePaths(container: ContainerModel, sources: readonly TextSource[], pattern: RegExp): { volume: string; relative: string; path: string }[] {
  const out: { volume: string; relative: string; path: string }[] = [];
  for (const source of sources) {
    for (const match of source.text.matchAll(pattern)) {
      const path = match[1]!;
      for (const mount of container.volumeMounts) {
        if (!mount.name || !mount.mountPath) continue;
        const base = mount.mountPath.replace(/\/+$/, '');
        if (path.startsWith(`${base}/`) && path.length > base.length + 1) out.push({ volume: mount.name, relative: path.slice(base.length + 1), path });
      }
    }
  }
  return out;
}

interface RoleInputs {
  readonly pod: PodModel;
  readonly sources: ReadonlyMap<ContainerModel, readonly TextSource[]>;
  readonly links: readonly LocalhostLink[];
  readonly served: readonly ServedPort[];
  readonly volumes: readonly VolumeSharing[];
}

/** Why a helper container looks like an ambassador or an adapter from how it is wired to the main one. */
function roleFromWiring(container: ContainerModel, main: ContainerModel, inputs: RoleInputs): { role: HelperRole; evidence: string } | undefined {
  const mainName = main.name ?? 'main';
  const reached = inputs.links.find((link) => link.from === main && link.to === container);
  if (reached) return { role: 'ambassador', evidence: `the main container "${mainName}" connects to ${reached.text}, which this container serves` };

  const ownPorts = inputs.served.filter((entry) => entry.container === container).map((entry) => entry.port);
  const sources = inputs.sources.get(container) ?? [];
  const writes = volumePaths(container, sources, WRITE_TO_PATH);
  const output = ownPorts.length > 0 ? `serves port ${ownPorts.join(', ')}` : writes.length > 0 ? `writes ${writes[0]!.path}` : undefined;
  if (!output) return undefined;

  const toMain = inputs.links.find((link) => link.from === container && link.to === main);
  if (toMain) return { role: 'adapter', evidence: `connects to the main container's ${toMain.text} and ${output}` };

  const sharedByBoth = new Set(
    inputs.volumes
      .filter((volume) => volume.mountedBy.some((use) => use.container === main && !use.mount.readOnly) && volume.mountedBy.some((use) => use.container === container))
      .map((volume) => volume.name),
  );
  if (sharedByBoth.size === 0) return undefined;
  const mainPaths = volumePaths(main, inputs.sources.get(main) ?? [], PATH_IN_TEXT).filter((entry) => sharedByBoth.has(entry.volume));
  const ownPaths = volumePaths(container, sources, PATH_IN_TEXT);
  for (const read of ownPaths) {
    const written = mainPaths.find((entry) => entry.volume === read.volume && entry.relative === read.relative);
    if (written && !writes.some((entry) => entry.path === read.path)) {
      return { role: 'adapter', evidence: `reads ${read.path}, which the main container writes to volume "${read.volume}", and ${output}` };
    }
  }
  return undefined;
}

/** The main container and its evidence. */
function chooseMain(pod: PodModel, explicit: ReadonlyMap<string, ContainerRole>): { main?: ContainerModel; evidence: string } {
  const apps = pod.containers.filter((container) => container.group === 'app');
  const annotated = apps.find((container) => container.name !== undefined && explicit.get(container.name) === 'main');
  if (annotated) return { main: annotated, evidence: `annotation ${ROLES_ANNOTATION}` };
  const defaultName = pod.annotations.values.get(DEFAULT_CONTAINER_ANNOTATION);
  const byDefault = apps.find((container) => container.name !== undefined && container.name === defaultName);
  if (byDefault) return { main: byDefault, evidence: `annotation ${DEFAULT_CONTAINER_ANNOTATION}` };
  const candidates = apps.filter((container) => container.name === undefined || !explicit.has(container.name));
  // An injected proxy or agent listed first is not the application.
  const plain = candidates.find((container) => !helperByWords(container));
  if (plain) return { main: plain, evidence: plain === apps[0] ? 'first app container' : 'first app container whose name and image do not say "proxy", "agent", …' };
  const first = candidates[0] ?? apps[0];
  return { main: first, evidence: 'first app container' };
}

/** The pattern a helper plays: the annotation, then words, then wiring, else a plain sidecar. */
function helperPattern(
  container: ContainerModel,
  main: ContainerModel | undefined,
  explicit: ReadonlyMap<string, ContainerRole>,
  inputs: RoleInputs,
): { role: HelperRole; evidence: string } {
  const annotated = container.name !== undefined ? explicit.get(container.name) : undefined;
  if (annotated === 'sidecar' || annotated === 'adapter' || annotated === 'ambassador') return { role: annotated, evidence: `annotation ${ROLES_ANNOTATION}` };
  const byWords = helperByWords(container);
  if (byWords) return byWords;
  const byWiring = main ? roleFromWiring(container, main, inputs) : undefined;
  if (byWiring) return byWiring;
  return { role: 'sidecar', evidence: PLAIN_SIDECAR };
}

const PLAIN_SIDECAR = 'app container beside the main one, with no sign of a proxy or an adapter';

/** The main container and why, from the annotations and the app containers alone. */
export interface MainChoice {
  readonly main?: ContainerModel;
  readonly evidence: string;
}

/** Finding the main container needs neither links nor volumes: rules that only ask for it skip the rest. */
export function findMain(pod: PodModel): MainChoice {
  return chooseMain(pod, parseRolesAnnotation(pod.annotations.values.get(ROLES_ANNOTATION)));
}

/** Assigns every container its role, most explicit evidence first (`mainChoice` is `findMain(pod)`). */
export function assignRoles(inputs: RoleInputs, mainChoice: MainChoice): { roles: RoleAssignment[]; main?: ContainerModel } {
  const { pod } = inputs;
  const explicit = parseRolesAnnotation(pod.annotations.values.get(ROLES_ANNOTATION));
  const { main, evidence: mainEvidence } = mainChoice;
  const roles = pod.containers.map((container): RoleAssignment => {
    if (container.group === 'init') return { container, role: 'init', evidence: 'init container: runs to completion before the app containers start' };
    if (container === main) return { container, role: 'main', evidence: mainEvidence };
    const helper = helperPattern(container, main, explicit, inputs);
    if (container.group === 'native-sidecar') {
      const base = 'init container with restartPolicy: Always: starts before and keeps running beside the app containers';
      const evidence = helper.evidence === PLAIN_SIDECAR ? base : `${base}; plays the ${helper.role} pattern (${helper.evidence})`;
      return { container, role: 'native-sidecar', evidence, pattern: helper.role };
    }
    return { container, role: helper.role, evidence: helper.evidence, pattern: helper.role };
  });
  return { roles, main };
}

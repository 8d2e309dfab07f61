import type { ContainerModel, PodModel, VolumeMountModel } from '../model/podModel';
import { helperImageOf, imageRepository, type HelperImage, type HelperPattern } from './helperImages';
import type { ServiceExposure } from '../model/serviceExposures';
import type { TextSource } from './textSources';
import type {
  ContainerRole,
  ExternalEndpoint,
  LocalhostLink,
  RoleAssignment,
  ServedPort,
  VolumeSharing,
} from './types';

export { imageRepository };

/** `pod-patterns.dev/roles: "proxy=ambassador,app=main"`: the author's word beats any evidence. */
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

/**
 * How sure a piece of evidence is, strongest first. The weights add up per role; the kind
 * orders the reasons shown: what the author said, then how the container is wired, then
 * what its image is, then what its name suggests (the weakest, shown last).
 */
type EvidenceKind = 'annotation' | 'wiring' | 'image' | 'name' | 'position';
const KIND_ORDER: readonly EvidenceKind[] = ['annotation', 'wiring', 'image', 'name', 'position'];

interface Evidence {
  readonly kind: EvidenceKind;
  readonly weight: number;
  readonly text: string;
}

const WEIGHT = {
  annotation: 1000,
  defaultContainer: 100,
  image: 40,
  eitherImage: 5,
  servesMain: 40,
  forwardsForMain: 35,
  adapterOutput: 35,
  serviceTraffic: 30,
  writesForMain: 30,
  readsMainsFile: 30,
  servesMainsVolume: 20,
  streamsMainsFile: 20,
  callsHelper: 12,
  calledAfterLink: 10,
  filesRead: 10,
  inboundHelper: 20,
  exactName: 25,
  nameWord: 10,
  nameHint: 6,
  imageWord: 4,
  first: 3,
  plain: 1,
} as const;

/** Names of the flags and variables that point a helper at the container it serves. */
const FORWARD_NAME =
  /upstream|backend|target|origin|proxy-?pass|forward|destination|app-?(?:url|uri|addr|address|host|port)|service-?(?:url|addr)/i;
const RELOAD_NAME = /webhook|reload|notify|callback|trigger/i;
const SCRAPE_NAME = /scrape|metrics|stats|status|source|probe|monitor|health/i;
const RELOAD_PATH = /\/(?:-\/)?reload\b|\/-\/(?:reload|refresh)/i;
const SCRAPE_PATH = /\/(?:metrics|stats|status|nginx_status|server-status|health|actuator)\b/i;

/** What a localhost reference says about who serves whom. */
type LinkKind = 'forward' | 'reload' | 'scrape' | 'client';

function linkKind(link: LocalhostLink, fromImage: HelperImage | undefined, toImage: HelperImage | undefined): LinkKind {
  // Calling a well-known helper that does not call back is using it (`OTEL_EXPORTER_OTLP_ENDPOINT`);
  // Envoy and ghostunnel may be the app itself, so how the address is named decides for them.
  if (toImage && toImage.direction !== 'either' && !fromImage) return 'client';
  const via = link.via ?? '';
  if (RELOAD_NAME.test(via) || RELOAD_PATH.test(link.text)) return 'reload';
  if (FORWARD_NAME.test(via)) return 'forward';
  if (SCRAPE_NAME.test(via) || SCRAPE_PATH.test(link.text)) return 'scrape';
  // A well-known helper reaching another container does it for that container.
  if (fromImage) return fromImage.pattern === 'adapter' ? 'scrape' : 'forward';
  return 'client';
}

const HELPER_NAME_WORDS: Readonly<Record<string, HelperPattern>> = {
  ambassador: 'ambassador',
  adapter: 'adapter',
  sidecar: 'sidecar',
};
const HELPER_HINTS: readonly [HelperPattern, (token: string) => boolean][] = [
  // Only a hint: mesh and auth proxies are sidecars, so the traffic direction must decide.
  ['ambassador', (token) => token.startsWith('proxy')],
  ['adapter', (token) => token.startsWith('exporter') || token.startsWith('transformer')],
  [
    'sidecar',
    (token) =>
      ['log', 'logs', 'logger', 'logging', 'sync', 'gitsync', 'agent', 'reloader', 'reload', 'watcher'].includes(
        token,
      ) || token.startsWith('fluent'),
  ],
];
const MAIN_NAMES = new Set(['main', 'app', 'application']);

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The helper pattern the words of a name suggest, with the word and how outright it is. */
function patternFromWords(text: string): { pattern: HelperPattern; word: string; outright: boolean } | undefined {
  const words = tokens(text);
  for (const word of words)
    if (HELPER_NAME_WORDS[word]) return { pattern: HELPER_NAME_WORDS[word]!, word, outright: true };
  for (const [pattern, matches] of HELPER_HINTS) {
    const word = words.find(matches);
    if (word) return { pattern, word, outright: false };
  }
  return undefined;
}

const PATH_IN_TEXT = /(?:^|[\s'"=:>|(])(\/[\w.@+-]+(?:\/[\w.@+-]+)*)/g;
const WRITE_TO_PATH = /(?:>>?|\btee(?:\s+-a)?)\s*(\/[\w.@+/-]+)/g;
/** A path a shell command reads (`tail -F /var/log/app.log`), so the container is not its writer. */
const READ_FROM_PATH = /\b(?:tail|cat|head|less|grep|awk|sed|jq)\b[^|;&\n]{0,200}?\s(\/[\w.@+/-]+)/g;
/**
 * A file a shell writes as its log (`date >> /var/log/app.log`): the writer's own output for
 * others to ship or serve, not content it makes for another container (an `index.html`).
 */
const LOG_FILE = /\.log$/i;
const TRANSFORM_COMMAND = /(?:^|[\s|;&(])(?:sed|awk|gawk|jq|cut|tr|perl|logfmt|python3?|ruby|node)\b/;

interface VolumePath {
  readonly volume: string;
  readonly relative: string;
  readonly path: string;
}

/** Paths a container's texts mention, as volume-relative paths per volume it mounts. */
function volumePaths(container: ContainerModel, sources: readonly TextSource[], pattern: RegExp): VolumePath[] {
  const out: VolumePath[] = [];
  for (const source of sources) {
    for (const match of source.text.matchAll(pattern)) {
      const path = match[1]!;
      for (const mount of container.volumeMounts) {
        if (!mount.name || !mount.mountPath) continue;
        const base = mount.mountPath.replace(/\/+$/, '');
        if (path.startsWith(`${base}/`) && path.length > base.length + 1)
          out.push({ volume: mount.name, relative: path.slice(base.length + 1), path });
      }
    }
  }
  return out;
}

export interface RoleInputs {
  readonly pod: PodModel;
  readonly sources: ReadonlyMap<ContainerModel, readonly TextSource[]>;
  readonly links: readonly LocalhostLink[];
  readonly served: readonly ServedPort[];
  readonly volumes: readonly VolumeSharing[];
  readonly exposures: readonly ServiceExposure[];
  readonly endpoints: () => readonly ExternalEndpoint[];
}

function label(container: ContainerModel): string {
  return container.name ?? `${container.listKey}[${container.index}]`;
}

/** The address as written, with the port when it lives elsewhere (`127.0.0.1` with `DB_PORT=5432`). */
function where(link: LocalhostLink): string {
  return new RegExp(`:${link.port}(?!\\d)`).test(link.text) || /^[a-z][a-z0-9+.-]*:\/\//i.test(link.text)
    ? link.text
    : `${link.text}:${link.port}`;
}

function via(link: LocalhostLink): string {
  return link.via !== undefined ? ` (${/^[A-Z0-9_]+$/.test(link.via) ? link.via : `--${link.via}`})` : '';
}

type PathKind = 'mention' | 'write' | 'read';
const PATH_PATTERNS: Readonly<Record<PathKind, RegExp>> = {
  mention: PATH_IN_TEXT,
  write: WRITE_TO_PATH,
  read: READ_FROM_PATH,
};

/**
 * What is known of each container before any role is chosen, indexed once per pod so
 * that a pod of many containers costs about as much per container as a small one.
 */
class PodEvidence {
  readonly explicit: ReadonlyMap<string, ContainerRole>;
  /** Links between two different containers, by the container they start from and the one they reach. */
  readonly linksFrom = new Map<ContainerModel, LocalhostLink[]>();
  readonly linksTo = new Map<ContainerModel, LocalhostLink[]>();
  private readonly images = new Map<ContainerModel, HelperImage | undefined>();
  private readonly kinds = new Map<LocalhostLink, LinkKind>();
  private readonly ports = new Map<ContainerModel, number[]>();
  private readonly mounts = new Map<ContainerModel, Map<string, VolumeMountModel>>();
  private readonly paths = new Map<ContainerModel, Partial<Record<PathKind, VolumePath[]>>>();
  private mentionIndex: Map<string, ContainerModel[]> | undefined;
  private writersIndex: Map<string, ContainerModel[]> | undefined;

  constructor(readonly inputs: RoleInputs) {
    this.explicit = parseRolesAnnotation(inputs.pod.annotations.values.get(ROLES_ANNOTATION));
    for (const link of inputs.links) {
      if (!link.to || link.to === link.from) continue;
      push(this.linksFrom, link.from, link);
      push(this.linksTo, link.to, link);
    }
    for (const entry of inputs.served) push(this.ports, entry.container, entry.port);
    for (const volume of inputs.volumes) {
      for (const use of volume.mountedBy) {
        let own = this.mounts.get(use.container);
        if (!own) this.mounts.set(use.container, (own = new Map()));
        if (!own.has(volume.name)) own.set(volume.name, use.mount);
      }
    }
  }

  imageOf(container: ContainerModel): HelperImage | undefined {
    if (!this.images.has(container))
      this.images.set(container, helperImageOf(container.image, [...container.command, ...container.args]));
    return this.images.get(container);
  }

  kindOf(link: LocalhostLink): LinkKind {
    let kind = this.kinds.get(link);
    if (!kind) {
      kind = linkKind(link, this.imageOf(link.from), link.to ? this.imageOf(link.to) : undefined);
      // Passing traffic on needs traffic coming in: an app's own UPSTREAM_URL is just where it calls.
      if (kind === 'forward' && !this.imageOf(link.from) && this.ownPorts(link.from).length === 0) kind = 'client';
      this.kinds.set(link, kind);
    }
    return kind;
  }

  ownPorts(container: ContainerModel): readonly number[] {
    return this.ports.get(container) ?? NONE;
  }

  /** The volumes the container mounts, by name (the first mount of each). */
  mountsOf(container: ContainerModel): ReadonlyMap<string, VolumeMountModel> {
    return this.mounts.get(container) ?? NO_MOUNTS;
  }

  pathsOf(container: ContainerModel, kind: PathKind): readonly VolumePath[] {
    let own = this.paths.get(container);
    if (!own) this.paths.set(container, (own = {}));
    return (own[kind] ??= volumePaths(container, this.inputs.sources.get(container) ?? [], PATH_PATTERNS[kind]));
  }

  servesPort(container: ContainerModel, targetPort: string): boolean {
    const numeric = /^\d+$/.test(targetPort) ? Number(targetPort) : undefined;
    if (numeric === undefined) return container.ports.some((port) => port.name === targetPort);
    return this.ownPorts(container).includes(numeric);
  }

  /** The Service ports whose traffic lands on the container. */
  exposuresOn(container: ContainerModel): ServiceExposure[] {
    if (container.group === 'init' || this.inputs.exposures.length === 0) return [];
    return this.inputs.exposures.filter((exposure) => this.servesPort(container, exposure.targetPort));
  }

  /** Other running containers naming a file this container writes or names, on a volume both mount (the first such file). */
  readersOfFilesOf(container: ContainerModel): { path: string; reader: ContainerModel }[] {
    if (!this.mentionIndex) {
      this.mentionIndex = new Map();
      for (const other of this.inputs.pod.containers) {
        if (other.group === 'init') continue;
        for (const entry of new Set(this.pathsOf(other, 'mention').map((path) => `${path.volume}\0${path.relative}`)))
          push(this.mentionIndex, entry, other);
      }
    }
    const read = new Set(this.pathsOf(container, 'read').map((entry) => entry.path));
    const mounts = this.mountsOf(container);
    for (const written of this.pathsOf(container, 'mention')) {
      if (read.has(written.path) || mounts.get(written.volume)?.readOnly) continue;
      const readers = (this.mentionIndex.get(`${written.volume}\0${written.relative}`) ?? []).filter(
        (other) => other !== container,
      );
      if (readers.length > 0) return readers.map((reader) => ({ path: written.path, reader }));
    }
    return [];
  }

  /** A running helper that writes into a volume the container mounts (git-sync, Vault Agent, a shell redirect). */
  writerFor(container: ContainerModel): { writer: ContainerModel; volume: string } | undefined {
    if (!this.writersIndex) {
      this.writersIndex = new Map();
      for (const volume of this.inputs.volumes) {
        for (const use of volume.mountedBy) {
          if (use.container.group === 'init' || use.mount.readOnly) continue;
          const byImage = this.imageOf(use.container)?.writesVolume === true;
          const content = (entry: VolumePath) => entry.volume === volume.name && !LOG_FILE.test(entry.relative);
          if (byImage || this.pathsOf(use.container, 'write').some(content))
            push(this.writersIndex, volume.name, use.container);
        }
      }
    }
    for (const volume of this.mountsOf(container).keys()) {
      const writer = this.writersIndex.get(volume)?.find((candidate) => candidate !== container);
      if (writer) return { writer, volume };
    }
    return undefined;
  }

  /**
   * The log file the container writes on a volume another running container mounts, unless
   * it reads a file of that volume itself (a stage turning another container's log into its own).
   */
  sharedLogOf(container: ContainerModel): { path: string; volume: string; other: ContainerModel } | undefined {
    const readVolumes = new Set(this.pathsOf(container, 'read').map((entry) => entry.volume));
    for (const written of this.pathsOf(container, 'write')) {
      if (!LOG_FILE.test(written.relative) || readVolumes.has(written.volume)) continue;
      const other = this.inputs.volumes
        .find((volume) => volume.name === written.volume)
        ?.mountedBy.find((use) => use.container !== container && use.container.group !== 'init')?.container;
      if (other) return { path: written.path, volume: written.volume, other };
    }
    return undefined;
  }
}

const NONE: readonly number[] = [];
const NO_MOUNTS: ReadonlyMap<string, VolumeMountModel> = new Map();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Evidence for and against each app container being the main one. */
function mainEvidence(
  container: ContainerModel,
  facts: PodEvidence,
  apps: readonly ContainerModel[],
): { for: Evidence[]; against: Evidence[] } {
  const support: Evidence[] = [];
  const against: Evidence[] = [];
  const { pod } = facts.inputs;
  const name = container.name;
  const stated = name !== undefined ? facts.explicit.get(name) : undefined;
  if (stated === 'main')
    support.push({ kind: 'annotation', weight: WEIGHT.annotation, text: `the ${ROLES_ANNOTATION} annotation says so` });
  else if (stated !== undefined)
    against.push({
      kind: 'annotation',
      weight: WEIGHT.annotation,
      text: `the ${ROLES_ANNOTATION} annotation makes it ${stated}`,
    });
  if (name !== undefined && pod.annotations.values.get(DEFAULT_CONTAINER_ANNOTATION) === name) {
    support.push({
      kind: 'annotation',
      weight: WEIGHT.defaultContainer,
      text: `the ${DEFAULT_CONTAINER_ANNOTATION} annotation names it`,
    });
  }
  for (const exposure of facts.exposuresOn(container)) {
    support.push({
      kind: 'wiring',
      weight: WEIGHT.serviceTraffic,
      text: `receives the Service "${exposure.service}"'s traffic on :${exposure.targetPort}`,
    });
    break;
  }
  for (const link of facts.linksTo.get(container) ?? []) {
    const kind = facts.kindOf(link);
    if (kind !== 'client')
      support.push({ kind: 'wiring', weight: WEIGHT.servesMain, text: servedByHelperText(link, kind) });
    else
      against.push({
        kind: 'wiring',
        weight: WEIGHT.callsHelper,
        text: `${label(link.from)} calls it on ${where(link)}`,
      });
  }
  for (const link of facts.linksFrom.get(container) ?? []) {
    const kind = facts.kindOf(link);
    if (kind !== 'client')
      against.push({
        kind: 'wiring',
        weight: WEIGHT.servesMain,
        text: `works for ${label(link.to!)} on ${where(link)}`,
      });
    else
      support.push({ kind: 'wiring', weight: WEIGHT.callsHelper, text: `calls ${label(link.to!)} on ${where(link)}` });
  }
  const image = facts.imageOf(container);
  if (image) against.push({ kind: 'image', weight: WEIGHT.image, text: `its image is ${image.title}` });
  if (name !== undefined && MAIN_NAMES.has(name.toLowerCase()))
    support.push({ kind: 'name', weight: WEIGHT.exactName, text: `named "${name}"` });
  else if (name !== undefined && tokens(name).some((token) => MAIN_NAMES.has(token))) {
    support.push({
      kind: 'name',
      weight: WEIGHT.nameHint,
      text: `its name says "${tokens(name).find((token) => MAIN_NAMES.has(token))}"`,
    });
  }
  const words =
    (name !== undefined ? patternFromWords(name) : undefined) ??
    (container.image !== undefined ? patternFromWords(imageRepository(container.image)) : undefined);
  if (words) against.push({ kind: 'name', weight: WEIGHT.nameWord, text: `its name or image says "${words.word}"` });
  const writer = facts.writerFor(container);
  if (writer)
    support.push({
      kind: 'wiring',
      weight: WEIGHT.filesRead,
      text: `reads volume "${writer.volume}", which ${label(writer.writer)} writes`,
    });
  const readers = facts.readersOfFilesOf(container);
  const sharedLog = readers.length === 0 ? facts.sharedLogOf(container) : undefined;
  if (readers.length > 0)
    support.push({
      kind: 'wiring',
      weight: WEIGHT.filesRead,
      text: `writes ${readers[0]!.path}, which ${readers.map((entry) => label(entry.reader)).join(' and ')} read${readers.length > 1 ? '' : 's'}`,
    });
  else if (sharedLog)
    support.push({
      kind: 'wiring',
      weight: WEIGHT.filesRead,
      text: `writes its log ${sharedLog.path} to volume "${sharedLog.volume}", which ${label(sharedLog.other)} mounts`,
    });
  if (container === apps[0]) support.push({ kind: 'position', weight: WEIGHT.first, text: 'first app container' });
  return { for: support, against };
}

function servedByHelperText(link: LocalhostLink, kind: LinkKind): string {
  const helper = label(link.from);
  if (kind === 'forward') return `${helper} passes incoming traffic to it on ${where(link)}${via(link)}`;
  if (kind === 'reload') return `${helper} calls its reload endpoint ${where(link)}${via(link)}`;
  return `${helper} reads its ${where(link)}${via(link)}`;
}

const sum = (evidence: readonly Evidence[]) => evidence.reduce((total, entry) => total + entry.weight, 0);

/**
 * Names and list position only break ties: however many name words add up, they never
 * outweigh one piece of what the author stated, how the containers are wired or a
 * well-known image (a tunnel named "app", a log shipper's name on the real app).
 */
const TIE_BREAKERS: ReadonlySet<EvidenceKind> = new Set(['name', 'position']);

interface Score {
  readonly decisive: number;
  readonly tieBreak: number;
}

function scoreOf(support: readonly Evidence[], against: readonly Evidence[] = []): Score {
  const part = (evidence: readonly Evidence[], tieBreak: boolean) =>
    sum(evidence.filter((entry) => TIE_BREAKERS.has(entry.kind) === tieBreak));
  return {
    decisive: part(support, false) - part(against, false),
    tieBreak: part(support, true) - part(against, true),
  };
}

function beats(a: Score, b: Score): boolean {
  return a.decisive !== b.decisive ? a.decisive > b.decisive : a.tieBreak > b.tieBreak;
}

/** Reasons in the order people trust them, strongest first within a kind. */
function ordered(evidence: readonly Evidence[]): Evidence[] {
  return [...evidence].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.weight - a.weight);
}

const MAX_REASONS = 3;

function reasonsOf(evidence: readonly Evidence[]): string[] {
  const texts: string[] = [];
  for (const entry of ordered(evidence))
    if (!texts.includes(entry.text) && texts.length < MAX_REASONS) texts.push(entry.text);
  return texts;
}

/** The main container: the app container with the most evidence for it, the first one on a tie. */
function chooseMain(facts: PodEvidence): { main?: ContainerModel; reasons: string[] } {
  const apps = facts.inputs.pod.containers.filter((container) => container.group === 'app');
  if (apps.length === 0) return { reasons: [] };
  if (apps.length === 1) {
    const evidence = mainEvidence(apps[0]!, facts, apps);
    return {
      main: apps[0],
      reasons: [
        ...reasonsOf(evidence.for.filter((entry) => entry.kind !== 'position')),
        'the only app container',
      ].slice(0, MAX_REASONS),
    };
  }
  let best: { container: ContainerModel; score: Score; evidence: { for: Evidence[]; against: Evidence[] } } | undefined;
  const evidenceOf = new Map<ContainerModel, { for: Evidence[]; against: Evidence[] }>();
  for (const container of apps) {
    const evidence = mainEvidence(container, facts, apps);
    evidenceOf.set(container, evidence);
    const score = scoreOf(evidence.for, evidence.against);
    if (!best || beats(score, best.score)) best = { container, score, evidence };
  }
  const chosen = best!;
  const reasons = reasonsOf(chosen.evidence.for.filter((entry) => entry.kind !== 'position'));
  if (reasons.length === 0) {
    // Nothing speaks for it but that the others look like helpers, or that it comes first.
    const helpers = apps
      .filter((container) => container !== chosen.container && evidenceOf.get(container)!.against.length > 0)
      .slice(0, MAX_REASONS);
    const helperTexts = helpers.map(
      (helper) => `${label(helper)}: ${ordered(evidenceOf.get(helper)!.against)[0]!.text}`,
    );
    reasons.push(
      helpers.length > 0
        ? `the other app containers are helpers (${helperTexts.join('; ')})`
        : `first app container; nothing in the pod shows which container is the app (the ${ROLES_ANNOTATION} annotation can say)`,
    );
  }
  return { main: chosen.container, reasons };
}

/** Evidence for each helper pattern of a non-main container, relative to the main one. */
function helperEvidence(
  container: ContainerModel,
  main: ContainerModel | undefined,
  facts: PodEvidence,
): Record<HelperPattern, Evidence[]> {
  const found: Record<HelperPattern, Evidence[]> = { sidecar: [], adapter: [], ambassador: [] };
  const add = (pattern: HelperPattern, kind: EvidenceKind, weight: number, text: string) =>
    found[pattern].push({ kind, weight, text });
  const image = facts.imageOf(container);
  if (image) {
    // A family entry (exporters) names the image itself; the others their project.
    const source =
      image.lastSegmentSuffixes && container.image !== undefined ? imageRepository(container.image) : image.upstream;
    const text = `${image.title} (${source}): ${image.does}`;
    add(image.pattern, 'image', image.direction === 'either' ? WEIGHT.eitherImage : WEIGHT.image, text);
  }
  // Traffic from outside landing on a helper makes it a door in, not a way out.
  const exposure = facts.exposuresOn(container)[0];
  if (exposure)
    add(
      'sidecar',
      'wiring',
      WEIGHT.inboundHelper,
      `receives the Service "${exposure.service}"'s traffic on :${exposure.targetPort}`,
    );
  if (main) {
    const helper: HelperInPod = { container, main, mainName: label(main), facts, image, add };
    addLinkEvidence(helper);
    addVolumeEvidence(helper);
  }
  const byName = container.name !== undefined ? patternFromWords(container.name) : undefined;
  if (byName)
    add(byName.pattern, 'name', byName.outright ? WEIGHT.nameWord : WEIGHT.nameHint, `its name says "${byName.word}"`);
  const byImage =
    !image && container.image !== undefined ? patternFromWords(imageRepository(container.image)) : undefined;
  if (byImage) add(byImage.pattern, 'name', WEIGHT.imageWord, `its image name says "${byImage.word}"`);
  return found;
}

/** A non-main container beside the main one, with the pod's facts and where its evidence goes. */
interface HelperInPod {
  readonly container: ContainerModel;
  readonly main: ContainerModel;
  readonly mainName: string;
  readonly facts: PodEvidence;
  readonly image: HelperImage | undefined;
  readonly add: (pattern: HelperPattern, kind: EvidenceKind, weight: number, text: string) => void;
}

function addLinkEvidence({ container, main, mainName, facts, image, add }: HelperInPod): void {
  const ownPorts = facts.ownPorts(container);
  for (const link of [...(facts.linksTo.get(container) ?? []), ...(facts.linksFrom.get(container) ?? [])]) {
    const kind = facts.kindOf(link);
    if (link.from === main && link.to === container && kind === 'client') {
      const outside =
        image?.forwardsTo ?? facts.inputs.endpoints().find((endpoint) => endpoint.from === container)?.target;
      add(
        'ambassador',
        'wiring',
        WEIGHT.forwardsForMain,
        `forwards ${mainName}'s calls to ${where(link)}${outside ? ` to ${outside}` : ''}`,
      );
    } else if (link.from === container && link.to === main) {
      if (kind === 'forward') {
        add(
          'sidecar',
          'wiring',
          WEIGHT.forwardsForMain,
          `passes incoming traffic to ${mainName} on ${where(link)}${via(link)}`,
        );
      } else if (kind === 'reload') {
        add(
          'sidecar',
          'wiring',
          WEIGHT.forwardsForMain,
          `calls ${mainName}'s reload endpoint ${where(link)}${via(link)}`,
        );
      } else if (ownPorts.some((port) => port !== link.port)) {
        const served = ownPorts
          .filter((port) => port !== link.port)
          .map((port) => `:${port}`)
          .join(', ');
        add(
          'adapter',
          'wiring',
          WEIGHT.adapterOutput,
          `reads ${mainName}'s ${where(link)}${via(link)} and serves it in its own format on ${served}`,
        );
      } else {
        add('sidecar', 'wiring', WEIGHT.calledAfterLink, `calls ${mainName} on ${where(link)}`);
      }
    }
  }
}

function addVolumeEvidence({ container, main, mainName, facts, image, add }: HelperInPod): void {
  const mainMounts = facts.mountsOf(main);
  const shared = [...facts.mountsOf(container)].filter(([volume]) => mainMounts.has(volume));
  if (shared.length === 0) return;
  const ownSources = facts.inputs.sources.get(container) ?? [];
  const writes = facts.pathsOf(container, 'write');
  const mainWrites = new Set(shared.filter(([volume]) => !mainMounts.get(volume)!.readOnly).map(([volume]) => volume));
  const mainPaths = facts.pathsOf(main, 'mention').filter((entry) => mainWrites.has(entry.volume));
  const ownPorts = facts.ownPorts(container);

  // Reading a file the main container writes: an adapter when it turns it into something new.
  for (const read of facts.pathsOf(container, 'mention')) {
    if (writes.some((entry) => entry.path === read.path)) continue;
    const source = mainPaths.find((entry) => entry.volume === read.volume && entry.relative === read.relative);
    if (!source) continue;
    const readText = `reads ${read.path}, which ${mainName} writes`;
    const output = writes.find((entry) => entry.path !== read.path);
    if (output) add('adapter', 'wiring', WEIGHT.readsMainsFile, `${readText}, and writes ${output.path}`);
    else if (ownPorts.length > 0)
      add('adapter', 'wiring', WEIGHT.readsMainsFile, `${readText}, and serves it on :${ownPorts[0]}`);
    else if (ownSources.some((entry) => TRANSFORM_COMMAND.test(entry.text)))
      add('adapter', 'wiring', WEIGHT.readsMainsFile, `${readText}, and prints it reformatted`);
    else add('sidecar', 'wiring', WEIGHT.streamsMainsFile, `${readText}${image ? '' : ', and passes it on unchanged'}`);
    return;
  }

  // Writing what the main container reads.
  for (const [volume, own] of shared) {
    const mains = mainMounts.get(volume)!;
    const written = writes.find((entry) => entry.volume === volume);
    const writerByImage = image?.writesVolume && !own.readOnly;
    if (written || writerByImage || (!own.readOnly && mains.readOnly)) {
      const what = written
        ? `writes ${written.path} to volume "${volume}"`
        : `writes volume "${volume}" at ${own.mountPath ?? '?'}`;
      add('sidecar', 'wiring', WEIGHT.writesForMain, `${what}, which ${mainName} reads at ${mains.mountPath ?? '?'}`);
      return;
    }
  }

  // Serving or shipping a volume the main container fills, without naming a file of it.
  const filled = shared.find(
    ([volume]) => mainWrites.has(volume) && mainPaths.some((entry) => entry.volume === volume),
  )?.[0];
  if (filled && ownPorts.length > 0)
    add(
      'sidecar',
      'wiring',
      WEIGHT.servesMainsVolume,
      `serves the files of volume "${filled}", which ${mainName} writes, on :${ownPorts[0]}`,
    );
  else if (filled)
    add('sidecar', 'wiring', WEIGHT.servesMainsVolume - 10, `reads volume "${filled}", which ${mainName} writes`);
}

const PLAIN_SIDECAR = `runs beside the main container with no sign of a proxy or an adapter`;

/** Whether the container shares a volume or a localhost address with the main container. */
function tiedToMain(container: ContainerModel, main: ContainerModel, facts: PodEvidence): boolean {
  const mainMounts = facts.mountsOf(main);
  if ([...facts.mountsOf(container).keys()].some((volume) => mainMounts.has(volume))) return true;
  const linked = (from: ContainerModel, to: ContainerModel) =>
    (facts.linksFrom.get(from) ?? []).some((link) => link.to === to);
  return linked(container, main) || linked(main, container);
}

/** The reason of a helper nothing speaks for: sidecar is then a default, and it says so. */
function plainSidecarReason(container: ContainerModel, main: ContainerModel | undefined, facts: PodEvidence): string {
  if (!main || tiedToMain(container, main, facts)) return PLAIN_SIDECAR;
  return `nothing ties it to ${label(main)} (no shared volume, no localhost address): "sidecar" is only the default (the ${ROLES_ANNOTATION} annotation can state its role)`;
}

/** The pattern a helper plays and why: the annotation, else the pattern with the most evidence. */
function helperPattern(
  container: ContainerModel,
  main: ContainerModel | undefined,
  facts: PodEvidence,
): { pattern: HelperPattern; reasons: string[]; byDefault: boolean } {
  const stated = container.name !== undefined ? facts.explicit.get(container.name) : undefined;
  if (stated === 'sidecar' || stated === 'adapter' || stated === 'ambassador')
    return { pattern: stated, reasons: [`the ${ROLES_ANNOTATION} annotation says so`], byDefault: false };
  const evidence = helperEvidence(container, main, facts);
  let best: HelperPattern = 'sidecar';
  // On a tie the plainest pattern wins: sidecar, then adapter, then ambassador.
  for (const pattern of ['adapter', 'ambassador'] as const)
    if (beats(scoreOf(evidence[pattern]), scoreOf(evidence[best]))) best = pattern;
  const reasons = reasonsOf(evidence[best]);
  if (reasons.length > 0) return { pattern: best, reasons, byDefault: false };
  return { pattern: best, reasons: [plainSidecarReason(container, main, facts)], byDefault: true };
}

/** Every container's role with its strongest reasons, and the main container. */
export function assignRoles(inputs: RoleInputs): { roles: RoleAssignment[]; main?: ContainerModel } {
  const facts = new PodEvidence(inputs);
  const { main, reasons: mainReasons } = chooseMain(facts);
  const roles = inputs.pod.containers.map((container): RoleAssignment => {
    if (container.group === 'init')
      return assignment(container, 'init', ['init container: runs to completion before the app containers start']);
    if (container === main) return assignment(container, 'main', mainReasons);
    const helper = helperPattern(container, main, facts);
    if (container.group === 'native-sidecar') {
      const base =
        'init container with restartPolicy: Always: starts before and keeps running beside the app containers';
      const reasons = helper.byDefault ? [base] : [base, ...helper.reasons.slice(0, MAX_REASONS - 1)];
      return { ...assignment(container, 'native-sidecar', reasons), pattern: helper.pattern };
    }
    return { ...assignment(container, helper.pattern, helper.reasons), pattern: helper.pattern };
  });
  return { roles, main };
}

function assignment(container: ContainerModel, role: ContainerRole, reasons: readonly string[]): RoleAssignment {
  return { container, role, evidence: reasons.join('; '), reasons };
}

import type { ContainerModel, PodModel } from '../model/podModel';
import { rangeInScalar, type TextSource } from './textSources';
import type { LocalhostLink, ServedPort } from './types';

/** Ports implied by a URL scheme when the reference names none. */
const SCHEME_PORTS: Readonly<Record<string, number>> = {
  http: 80,
  https: 443,
  ws: 80,
  wss: 443,
  postgres: 5432,
  postgresql: 5432,
  mysql: 3306,
  redis: 6379,
  mongodb: 27017,
  amqp: 5672,
};

/**
 * `localhost:PORT`, `127.0.0.1:PORT`, `[::1]:PORT`, optionally behind a scheme and user
 * info; the host must not be part of a longer name (`mylocalhost`, `localhost.example`).
 */
const LOCAL_REFERENCE =
  /(?:\b([a-z][a-z0-9+.-]{0,19}):\/\/(?:[^\s/@'"]*@)?)?(?<![\w.-])(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?(?![\w-]|\.\w|:\d)/gi;
/** `nc -z localhost 5432`, `telnet 127.0.0.1 6379`: host and port as separate words. */
const NETCAT_REFERENCE =
  /\b(?:nc|ncat|netcat|telnet)\s+(?:-[a-zA-Z]+\s+(?:\d+\s+)?)*(localhost|127\.0\.0\.1)\s+(\d{1,5})\b/g;

/**
 * What every match of `LOCAL_REFERENCE` and `NETCAT_REFERENCE` contains. Most texts (paths,
 * plain words) name no local host at all: one cheap test spares them both scans.
 */
const MAY_NAME_LOCAL_HOST = /localhost|127\.0\.0\.1|\[::1\]/i;

/** Flag or env var names that say "listen here" rather than "connect there". */
const LISTEN_NAME = /listen|bind|serv(?:e(?!r)|ing)|(?:^|[-_.])(?:addr|address|port|http-?port|https-?port)$/i;
/** Words that make a port or address name point at something to connect to. */
const CONNECT_NAME =
  /upstream|backend|target|remote|proxy|endpoint|url|uri|host|db|database|redis|mysql|postgres|pg|mongo|vault|api-?server|master|peer|connect|dial|forward|dest|sink|collector|agent|otlp|jaeger|zipkin|statsd|broker|kafka|smtp|ldap/i;

export function isListenName(name: string): boolean {
  return LISTEN_NAME.test(name) && !CONNECT_NAME.test(name);
}

/** The port in a listen value: `8080`, `:8080`, `0.0.0.0:8080`, `[::]:8080`, `http://127.0.0.1:8080/`. */
function portOfListenValue(value: string): number | undefined {
  const trimmed = value.replace(/^["']|["']$/g, '');
  const match = /^(?:\d{1,5}|(?:[a-z]+:\/\/)?(?:\[[^\]]*\]|[^\s:/]*)?:(\d{1,5}))(?:\/.*)?$/i.exec(trimmed);
  if (!match) return undefined;
  const port = Number(match[1] ?? trimmed);
  return validPort(port);
}

function validPort(port: number): number | undefined {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : undefined;
}

/** The flag (or env var) whose value the text at `index` is, if any. */
function ownerName(source: TextSource, index: number): string | undefined {
  if (source.kind === 'env') return source.envName;
  // A flag name sits right before its value: a short look-behind keeps long texts linear.
  const before = source.text.slice(Math.max(0, index - 200), index);
  const inline = /--?([A-Za-z][\w.-]*)=["']?(?:[a-z][a-z0-9+.-]*:\/\/)?$/i.exec(before);
  if (inline) return inline[1];
  const spaced = /--?([A-Za-z][\w.-]*)\s+["']?(?:[a-z][a-z0-9+.-]*:\/\/)?$/i.exec(before);
  if (spaced) return spaced[1];
  if (index <= 30 && /^["']?(?:[a-z][a-z0-9+.-]*:\/\/)?$/i.test(before) && source.previous !== undefined) {
    const flag = /^--?([A-Za-z][\w.-]*)$/.exec(source.previous);
    if (flag) return flag[1];
  }
  return undefined;
}

/** What one text source reveals: addresses it connects to on localhost. */
interface LocalReference {
  readonly source: TextSource;
  readonly port: number;
  readonly index: number;
  readonly text: string;
  /** The flag or env var the address is the value of. */
  readonly via?: string;
}

/** Whether a text may hold a localhost reference (a superset of the texts `localReferences` finds any in). */
export function mayNameLocalHost(text: string): boolean {
  return MAY_NAME_LOCAL_HOST.test(text);
}

function localReferences(source: TextSource): readonly LocalReference[] {
  if (!mayNameLocalHost(source.text)) return NO_REFERENCES;
  const out: LocalReference[] = [];
  for (const match of source.text.matchAll(LOCAL_REFERENCE)) {
    const scheme = match[1]?.toLowerCase();
    const port =
      match[3] !== undefined ? validPort(Number(match[3])) : scheme !== undefined ? SCHEME_PORTS[scheme] : undefined;
    if (port === undefined) continue;
    const name = ownerName(source, match.index);
    if (name !== undefined && isListenName(name)) continue;
    out.push({ source, port, index: match.index, text: match[0], ...(name !== undefined ? { via: name } : {}) });
  }
  for (const match of source.text.matchAll(NETCAT_REFERENCE)) {
    const port = validPort(Number(match[2]));
    if (port === undefined) continue;
    const hostAt = match.index + match[0].indexOf(match[1]!, match[0].search(/\s/));
    out.push({ source, port, index: hostAt, text: source.text.slice(hostAt, match.index + match[0].length) });
  }
  return out;
}

const NO_REFERENCES: readonly LocalReference[] = [];

/** `DB_HOST=127.0.0.1` with `DB_PORT=5432`: an address split over two variables sharing a prefix. */
const HOST_VARIABLE = /^(.*?)_?(?:HOST|HOSTNAME|ADDR|ADDRESS|SERVER)$/i;
const BARE_LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|\[?::1\]?)$/i;

function splitEnvReferences(container: ContainerModel, sources: readonly TextSource[]): LocalReference[] {
  const out: LocalReference[] = [];
  for (const source of sources) {
    if (source.kind !== 'env' || !BARE_LOCAL_HOST.test(source.text.trim())) continue;
    const prefix = HOST_VARIABLE.exec(source.envName ?? '')?.[1];
    if (prefix === undefined) continue;
    const portVariable = container.env.find(
      (entry) => entry.name !== undefined && new RegExp(`^${escapeRegExp(prefix)}_?PORT$`, 'i').test(entry.name),
    );
    const port =
      portVariable?.value !== undefined && /^\d{1,5}$/.test(portVariable.value.trim())
        ? validPort(Number(portVariable.value.trim()))
        : undefined;
    if (port === undefined || isListenName(source.envName!.replace(/_/g, '-'))) continue;
    // The reference is the host value; the port lives in the other variable.
    out.push({
      source,
      port,
      index: source.text.indexOf(source.text.trim()),
      text: source.text.trim(),
      via: source.envName!,
    });
  }
  return out;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A listen flag with its value (`--port=8080`, `-listen :9113`). */
const LISTEN_FLAG = /(?:^|\s)--?([A-Za-z][\w.-]*)(?:=|\s+)("[^"]*"|'[^']*'|[^\s'"]+)/g;
/** Env var names that hold a port or address to listen on. */
const LISTEN_ENV_NAME =
  /^(?:PORT|[A-Z0-9_]*(?:LISTEN|BIND)[A-Z0-9_]*|(?:HTTP|HTTPS|GRPC|METRICS|ADMIN|SERVER|APP|WEB)_PORT)$/;
/** An argv item that is a flag alone (`--port`), its value being the next item. */
const WHOLE_FLAG = /^--?([A-Za-z][\w.-]*)$/;
const INSTANCE_PORT = /=tcp:(?:[\d.]+:)?(\d{1,5})\b/g;

/** Ports revealed by flags (`--port=5432`, `-port 8080`, `--listen-address=:9113`), instance strings and env vars. */
function revealedPorts(source: TextSource): { port: number; evidence: string; index: number; length: number }[] {
  const out: { port: number; evidence: string; index: number; length: number }[] = [];
  if (source.kind === 'env') {
    const name = source.envName ?? '';
    // The name decides first: most variables are not listen settings, and their values need no parsing.
    if (LISTEN_ENV_NAME.test(name) && isListenName(name.replace(/_/g, '-'))) {
      const port = portOfListenValue(source.text);
      if (port !== undefined) out.push({ port, evidence: `env ${name}`, index: 0, length: source.text.length });
    }
    return out;
  }
  // A flag needs a `-`, an instance string `=tcp:`: texts without them (most) skip the scans.
  const hasDash = source.text.includes('-');
  for (const match of hasDash ? source.text.matchAll(LISTEN_FLAG) : []) {
    const [, name, value] = match;
    if (!isListenName(name!)) continue;
    const port = portOfListenValue(value!);
    if (port === undefined) continue;
    const index = match.index + match[0].lastIndexOf(value!);
    out.push({ port, evidence: `flag --${name}`, index, length: value!.length });
  }
  // `--port` and its value as two argv items.
  const flag = source.previous !== undefined ? WHOLE_FLAG.exec(source.previous) : null;
  if (flag && isListenName(flag[1]!)) {
    const port = portOfListenValue(source.text);
    if (port !== undefined) out.push({ port, evidence: `flag --${flag[1]}`, index: 0, length: source.text.length });
  }
  // Cloud SQL / AlloyDB proxy v1 instance strings: `project:region:db=tcp:5432` or `=tcp:0.0.0.0:5432`.
  for (const match of source.text.includes('=tcp:') ? source.text.matchAll(INSTANCE_PORT) : []) {
    const port = validPort(Number(match[1]));
    if (port !== undefined)
      out.push({ port, evidence: `instance tcp:${port}`, index: match.index + 1, length: match[0].length - 1 });
  }
  return out;
}

/** Every port each container listens on: declared first, then revealed ones not declared. */
export function findServedPorts(
  pod: PodModel,
  sources: ReadonlyMap<ContainerModel, readonly TextSource[]>,
): ServedPort[] {
  const served: ServedPort[] = [];
  for (const container of pod.containers) {
    const known = new Set<number>();
    for (const port of container.ports) {
      if (port.containerPort === undefined || !port.containerPortNode) continue;
      known.add(port.containerPort);
      served.push({
        container,
        port: port.containerPort,
        protocol: port.protocol,
        evidence: 'containerPort',
        declared: true,
        range: port.containerPortNode.range,
      });
    }
    for (const source of sources.get(container) ?? []) {
      for (const revealed of revealedPorts(source)) {
        if (known.has(revealed.port)) continue;
        known.add(revealed.port);
        served.push({
          container,
          port: revealed.port,
          protocol: 'TCP',
          evidence: revealed.evidence,
          declared: false,
          range: rangeInScalar(source.node, revealed.index, revealed.length),
        });
      }
    }
  }
  return served;
}

/**
 * Whether two containers run at the same time: a regular init container has finished
 * before anything declared after it starts; a native sidecar keeps running beside
 * everything declared after it; app containers run together.
 */
export function runAtOnce(pod: PodModel, a: ContainerModel, b: ContainerModel): boolean {
  if (a === b) return true;
  const earlier = pod.containers.indexOf(a) < pod.containers.indexOf(b) ? a : b;
  return earlier.group !== 'init';
}

/**
 * Localhost references of every container, each resolved to the container serving the
 * port: the referring container itself when it serves it, else one running beside it, else
 * the first that serves it at all.
 */
export function findLocalhostLinks(
  pod: PodModel,
  sources: ReadonlyMap<ContainerModel, readonly TextSource[]>,
  servedPorts: () => readonly ServedPort[],
): LocalhostLink[] {
  const links: LocalhostLink[] = [];
  for (const container of pod.containers) {
    const own = sources.get(container) ?? [];
    for (const reference of [...own.flatMap(localReferences), ...splitEnvReferences(container, own)]) {
      const source = reference.source;
      // Asked for only here: most pods reach nothing on localhost and need no served ports.
      const servers = servedPorts().filter((entry) => entry.port === reference.port && entry.protocol !== 'UDP');
      const to =
        servers.find((entry) => entry.container === container)?.container ??
        servers.find((entry) => runAtOnce(pod, entry.container, container))?.container ??
        servers[0]?.container;
      links.push({
        from: container,
        to,
        port: reference.port,
        range: rangeInScalar(source.node, reference.index, reference.text.length),
        text: reference.text,
        node: source.node,
        valueIndex: reference.index,
        source: source.kind,
        ...(reference.via !== undefined ? { via: reference.via } : {}),
      });
    }
  }
  return links;
}

import type { ContainerModel } from '../model/podModel';
import { rangeInScalar, type TextSource } from './textSources';
import type { ExternalEndpoint } from './types';

const URL_PATTERN =
  /\b[a-z][a-z0-9+.-]{0,19}:\/\/(?:[^\s/@'"]*@)?([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\])(?::(\d{1,5}))?[^\s'"]*/gi;
/**
 * `db.example.com:5432`, `10.0.0.5:6379`, `my-svc.ns.svc:80`: a host with a dot and a
 * numeric port. Dotless `host:port` is left out: it collides with `project:region` strings
 * and clock times.
 */
const HOST_PORT_PATTERN = /(?<![\w.@:/-])((?:[A-Za-z0-9-]+\.)+[A-Za-z0-9-]+):(\d{1,5})(?![\w.:])/g;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0', '[::]']);

function isLocal(host: string): boolean {
  return LOCAL_HOSTS.has(host.toLowerCase());
}

/** Addresses outside the pod found in a container's env values, command and args. */
export function findExternalEndpoints(sources: readonly TextSource[]): ExternalEndpoint[] {
  const endpoints: ExternalEndpoint[] = [];
  for (const source of sources) {
    const covered: [number, number][] = [];
    const add = (from: ContainerModel, target: string, index: number, host: string, port: string | undefined) => {
      endpoints.push({
        from,
        target,
        range: rangeInScalar(source.node, index, target.length),
        host,
        ...(port !== undefined ? { port: Number(port) } : {}),
      });
    };
    for (const match of source.text.matchAll(URL_PATTERN)) {
      covered.push([match.index, match.index + match[0].length]);
      if (!isLocal(match[1]!)) add(source.container, match[0], match.index, match[1]!, match[2]);
    }
    for (const match of source.text.matchAll(HOST_PORT_PATTERN)) {
      if (covered.some(([start, end]) => match.index >= start && match.index < end)) continue;
      if (isLocal(match[1]!) || /^\d+(?:\.\d+)?$/.test(match[1]!)) continue;
      add(source.container, match[0], match.index, match[1]!, match[2]);
    }
  }
  return endpoints;
}

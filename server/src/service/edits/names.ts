/** Names and ports for inserted elements that do not collide with what the pod already has. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base.slice(0, 60)}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The preferred port when free, else the next free one above it. */
export function freePort(preferred: number, used: ReadonlySet<number>): number {
  let port = preferred;
  while (used.has(port) && port < 65535) port++;
  return port;
}

/** An env var name not yet used in a container. */
export function uniqueEnvName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}_${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A path not yet used as a mount path in a container. */
export function uniquePath(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

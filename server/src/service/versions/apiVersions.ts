import API_DATA from './generated/apiVersions.json';

/**
 * The per-version Kubernetes API model (`npm run gen:api-versions`): in which minors each
 * pod-related field exists, and for the fields behind a feature gate, the gate's stage and
 * default per minor. Minors are numbers (`35` for Kubernetes 1.35).
 */

/** `since`, or `[since, until]` for a field a later version removed. */
type FieldSpan = number | readonly [number, number];

export type GateStage = 'alpha' | 'beta' | 'GA';

interface GateData {
  readonly stages: readonly { readonly from: number; readonly stage: GateStage; readonly enabled: boolean }[];
  /** The gate's name is not in the data: messages say "its feature gate". */
  readonly unnamed?: boolean;
}

interface ValueData {
  readonly field: string;
  readonly value: string;
  readonly since: number;
  readonly until?: number;
  readonly gate?: string;
}

interface ApiData {
  readonly oldest: number;
  readonly newest: number;
  readonly sources: Readonly<Record<string, string>>;
  readonly fields: Readonly<Record<string, Readonly<Record<string, FieldSpan>>>>;
  readonly values: readonly ValueData[];
  readonly gates: Readonly<Record<string, GateData>>;
  readonly fieldGates: Readonly<Record<string, string>>;
  readonly endOfLife: Readonly<Record<string, string>>;
}

const DATA = API_DATA as unknown as ApiData;

/** The oldest and newest Kubernetes minors the data describes. */
export const OLDEST_DATA_MINOR = DATA.oldest;
export const NEWEST_DATA_MINOR = DATA.newest;

/** Where a field's existence comes from, per version (`1.36` → `kubernetes-models@5.1.0 …`). */
export function dataSources(): Readonly<Record<string, string>> {
  return DATA.sources;
}

export interface FieldLifetime {
  /** First minor with the field; the oldest minor of the data when it is at least that old. */
  readonly since: number;
  /** Last minor with the field, when a later one removed it. */
  readonly until?: number;
}

/** When `definition.field` exists (`Container`, `resizePolicy`); undefined when the data does not know it. */
export function fieldLifetime(definition: string, field: string): FieldLifetime | undefined {
  const fields = Object.prototype.hasOwnProperty.call(DATA.fields, definition) ? DATA.fields[definition]! : undefined;
  const span = fields && Object.prototype.hasOwnProperty.call(fields, field) ? fields[field]! : undefined;
  if (span === undefined) return undefined;
  return typeof span === 'number' ? { since: span } : { since: span[0], until: span[1] };
}

/** Whether the data describes `definition` at all (it may still lack one of its fields). */
export function knowsDefinition(definition: string): boolean {
  return Object.prototype.hasOwnProperty.call(DATA.fields, definition);
}

export interface GateState {
  /** The gate's name, or undefined when the data does not name it. */
  readonly gate: string | undefined;
  readonly stage: GateStage;
  /** On by default at that version (a GA gate always is). */
  readonly enabled: boolean;
  /** The minor this stage began. */
  readonly from: number;
}

/** The stage of a feature gate at a minor; undefined before the gate existed. */
export function gateAt(gate: string, minor: number): GateState | undefined {
  const data = Object.prototype.hasOwnProperty.call(DATA.gates, gate) ? DATA.gates[gate]! : undefined;
  if (!data) return undefined;
  let current: GateState | undefined;
  for (const stage of data.stages) {
    if (stage.from <= minor)
      current = { gate: data.unnamed ? undefined : gate, stage: stage.stage, enabled: stage.enabled, from: stage.from };
  }
  return current;
}

/** The first minor at which the gate is on by default; undefined if it is not yet. */
export function gateEnabledSince(gate: string): number | undefined {
  return DATA.gates[gate]?.stages.find((stage) => stage.enabled)?.from;
}

/** The first minor at which the gate reached a stage (`GA`); undefined if it has not. */
export function gateStageSince(gate: string, stage: GateStage): number | undefined {
  return DATA.gates[gate]?.stages.find((candidate) => candidate.stage === stage)?.from;
}

/** The feature gate a field sits behind (`Container.resizePolicy` → `InPlacePodVerticalScaling`). */
export function fieldGate(definition: string, field: string): string | undefined {
  const key = `${definition}.${field}`;
  return Object.prototype.hasOwnProperty.call(DATA.fieldGates, key) ? DATA.fieldGates[key] : undefined;
}

/** Values newer than the field itself (`StatefulSetUpdateStrategy.type` = `Recreate`). */
export function valueLifetime(
  definition: string,
  field: string,
  value: string,
): (FieldLifetime & { readonly gate?: string }) | undefined {
  const entry = DATA.values.find(
    (candidate) => candidate.field === `${definition}.${field}` && candidate.value === value,
  );
  if (!entry) return undefined;
  return {
    since: entry.since,
    ...(entry.until !== undefined ? { until: entry.until } : {}),
    ...(entry.gate !== undefined ? { gate: entry.gate } : {}),
  };
}

/** The `Definition.field` keys that have dated values. */
export function valueFields(): string[] {
  return DATA.values.map((entry) => entry.field);
}

/** The end-of-life date (`YYYY-MM-DD`) of a minor, when the data has it. */
export function endOfLife(minor: number): string | undefined {
  const key = `1.${minor}`;
  return Object.prototype.hasOwnProperty.call(DATA.endOfLife, key) ? DATA.endOfLife[key] : undefined;
}

/** "alpha, gate InPlacePodVerticalScaling, off by default" — how a gate's state reads in a message. */
export function describeGateState(state: GateState): string {
  const gate = state.gate ? `gate ${state.gate}` : 'behind its feature gate';
  if (state.stage === 'GA') return `GA${state.gate ? `, gate ${state.gate} always on` : ''}`;
  return `${state.stage}, ${gate}, ${state.enabled ? 'on' : 'off'} by default`;
}

/**
 * The minor a gate turned on by default (`'enabled'`) or reached a stage. For the gates the
 * product's rules depend on: data without it is a broken build, not a case to handle.
 */
export function gateMinor(gate: string, when: 'enabled' | GateStage): number {
  const minor = when === 'enabled' ? gateEnabledSince(gate) : gateStageSince(gate, when);
  if (minor === undefined) throw new Error(`the API data has no ${when} stage for ${gate}`);
  return minor;
}

/** The minor a field came in, for the fields the product's rules depend on. */
export function fieldSince(definition: string, field: string): number {
  const lifetime = fieldLifetime(definition, field);
  if (!lifetime) throw new Error(`the API data has no ${definition}.${field}`);
  return lifetime.since;
}

/** Native sidecars (init containers with `restartPolicy: Always`) are on by default from this minor (SidecarContainers beta). */
export const NATIVE_SIDECAR_MINOR: number = gateMinor('SidecarContainers', 'enabled');

/** Container-level restart policies and rules are on by default from this minor (ContainerRestartRules beta). */
export const CONTAINER_RESTART_RULES_MINOR: number = gateMinor('ContainerRestartRules', 'enabled');

import type { Finding } from '../findings/finding';
import type { ResourceModel } from '../model/podModel';
import { minorOf, type ServiceSettings } from '../settings';
import {
  describeGateState,
  fieldGate,
  fieldLifetime,
  gateAt,
  NEWEST_DATA_MINOR,
  OLDEST_DATA_MINOR,
  valueLifetime,
  valueFields,
  type FieldLifetime,
  type GateState,
} from '../versions/apiVersions';
import { isMap, isScalar, isSeq, type YMap, type YNode } from '../yaml/nodes';
import { childCursor, cursorShape, rootCursor, type SchemaCursor } from './describeSchema';
import { formatApiPath } from './apiPath';

/** `Definition.field` keys that have values newer than the field itself. */
const VALUE_FIELDS: ReadonlySet<string> = new Set(valueFields());

/** The finding code of version checks; documented in docs/rules/field-version.md. */
export const FIELD_VERSION_CODE = 'field-version';

/**
 * Fields whose version story a rule tells with more context (native sidecars, container
 * restart rules): reporting them here too would say the same thing twice.
 */
const RULE_OWNED_FIELDS = new Set(['Container.restartPolicy', 'EphemeralContainer.restartPolicy']);

/** What the target version makes of one field. */
export type FieldVerdict =
  | { readonly kind: 'missing'; readonly since: number; readonly gate?: GateState }
  | { readonly kind: 'removed'; readonly until: number }
  | { readonly kind: 'gated-off'; readonly gate: GateState }
  | { readonly kind: 'ok' };

/**
 * The first minor a field exists in. Fields the oldest package already has may be older
 * still; their gate, when the data knows it, says when they really came.
 */
function firstMinor(lifetime: FieldLifetime, gate: string | undefined): number | undefined {
  if (lifetime.since > OLDEST_DATA_MINOR) return lifetime.since;
  const first = gate !== undefined ? gateAt(gate, Number.MAX_SAFE_INTEGER) : undefined;
  if (!gate || !first) return undefined;
  // The earliest stage of the gate is when the field was added.
  let minor = first.from;
  for (let candidate = minor - 1; gateAt(gate, candidate); candidate--) minor = candidate;
  return minor;
}

/** The verdict for `definition.field` (optionally one of its values) at the target minor. */
export function fieldVerdict(definition: string, field: string, target: number, value?: string): FieldVerdict {
  const gate = fieldGate(definition, field);
  const lifetime = fieldLifetime(definition, field);
  if (lifetime) {
    const first = firstMinor(lifetime, gate);
    if (first !== undefined && target < first) {
      const state = gate !== undefined ? gateAt(gate, first) : undefined;
      return { kind: 'missing', since: first, ...(state ? { gate: state } : {}) };
    }
    if (lifetime.until !== undefined && target > lifetime.until) return { kind: 'removed', until: lifetime.until };
  }
  if (value !== undefined) {
    const valueLife = valueLifetime(definition, field, value);
    if (valueLife) {
      const valueGate = valueLife.gate !== undefined ? gateAt(valueLife.gate, valueLife.since) : undefined;
      if (target < valueLife.since)
        return { kind: 'missing', since: valueLife.since, ...(valueGate ? { gate: valueGate } : {}) };
      const state = valueLife.gate !== undefined ? gateAt(valueLife.gate, target) : undefined;
      if (state && !state.enabled && target <= NEWEST_DATA_MINOR) return { kind: 'gated-off', gate: state };
    }
  }
  // A target newer than the data: the gate may have moved on since; say nothing rather than guess.
  if (gate !== undefined && target <= NEWEST_DATA_MINOR) {
    const state = gateAt(gate, target);
    if (state && !state.enabled) return { kind: 'gated-off', gate: state };
  }
  return { kind: 'ok' };
}

/**
 * The version check of one object: every key of the document is looked up in the per-version
 * API model (service/versions), walking the YAML tree alongside the schema so each key is
 * known by its definition (`Container.resizePolicy`). A field the target version does not
 * have is an error on its key (strict validation rejects it); a field behind a feature gate
 * that is off by default at the target is a warning (the API server drops it). Fields under
 * a field already reported are not checked again.
 */
export function fieldVersionFindings(resource: ResourceModel, settings: ServiceSettings): Finding[] {
  const cursor = resource.kind ? rootCursor(resource.kind) : undefined;
  if (!cursor) return [];
  const walk = new FieldWalk(minorOf(settings.kubernetesVersion), settings.kubernetesVersion, resource.pathPrefix);
  walk.object(resource.root, cursor, true);
  return walk.findings;
}

/** What the walk needs to know about one field at one target, worked out once. */
interface FieldFacts {
  readonly verdict: FieldVerdict;
  /** A rule reports this field's version story. */
  readonly ruleOwned: boolean;
  /** Some of its values are newer than the field. */
  readonly datedValues: boolean;
}

/** Facts by target, then definition, then field: a walk asks the same few questions for every container. */
const factsByTarget = new Map<number, Map<string, Map<string, FieldFacts>>>();

function factsOf(target: number, definition: string, field: string): FieldFacts {
  let byDefinition = factsByTarget.get(target);
  if (!byDefinition) {
    if (factsByTarget.size > 50) factsByTarget.clear();
    byDefinition = new Map();
    factsByTarget.set(target, byDefinition);
  }
  let byField = byDefinition.get(definition);
  if (!byField) {
    byField = new Map();
    byDefinition.set(definition, byField);
  }
  let facts = byField.get(field);
  if (!facts) {
    const key = `${definition}.${field}`;
    facts = {
      verdict: fieldVerdict(definition, field, target),
      ruleOwned: RULE_OWNED_FIELDS.has(key),
      datedValues: VALUE_FIELDS.has(key),
    };
    byField.set(field, facts);
  }
  return facts;
}

class FieldWalk {
  readonly findings: Finding[] = [];
  /** The API path of the node being walked; copied only when a finding needs it. */
  private readonly path: (string | number)[];

  constructor(
    private readonly target: number,
    private readonly targetText: string,
    prefix: readonly (string | number)[],
  ) {
    this.path = [...prefix];
  }

  object(map: YMap, cursor: SchemaCursor, isRoot: boolean): void {
    for (const pair of map.pairs) {
      const field = pair.key.value === null ? '' : String(pair.key.value);
      // Status is written by controllers; the API server ignores it on create.
      if (isRoot && field === 'status') continue;
      const child = childCursor(cursor, { field });
      if (!child) continue; // unknown to the schema: the schema check reports it
      this.path.push(field);
      if (!this.check(cursor.definition, field, pair.key, pair.value)) this.value(pair.value, child);
      this.path.pop();
    }
  }

  /** Reports the field if the target does not take it; true when the walk should not go below it. */
  private check(definition: string | undefined, field: string, key: YNode, value: YNode | null): boolean {
    if (definition === undefined) return false;
    const facts = factsOf(this.target, definition, field);
    if (facts.ruleOwned) return false;
    if (facts.verdict.kind !== 'ok') {
      this.report(key, field, undefined, facts.verdict);
      return facts.verdict.kind !== 'gated-off';
    }
    if (facts.datedValues && isScalar(value) && typeof value.value === 'string') {
      const valueVerdict = fieldVerdict(definition, field, this.target, value.value);
      if (valueVerdict.kind !== 'ok') this.report(value, field, value.value, valueVerdict);
    }
    return false;
  }

  private value(node: YNode | null, cursor: SchemaCursor): void {
    if (!node) return;
    const shape = cursorShape(cursor);
    if (shape === 'object' && isMap(node)) this.object(node, cursor, false);
    else if (shape === 'list' && isSeq(node)) {
      const item = childCursor(cursor, 'item');
      if (!item) return;
      node.items.forEach((element, index) => {
        this.path.push(index);
        this.value(element, item);
        this.path.pop();
      });
    } else if (shape === 'map' && isMap(node)) {
      const entry = childCursor(cursor, 'value');
      if (!entry || cursorShape(entry) === 'scalar') return;
      for (const pair of node.pairs) {
        this.path.push(String(pair.key.value));
        this.value(pair.value, entry);
        this.path.pop();
      }
    }
  }

  private report(
    at: YNode,
    field: string,
    value: string | undefined,
    verdict: Exclude<FieldVerdict, { kind: 'ok' }>,
  ): void {
    const where = formatApiPath(this.path);
    const subject = value !== undefined ? `${field}: ${JSON.stringify(value)}` : `"${field}"`;
    const target = this.targetText;
    let message: string;
    let severity: Finding['severity'];
    const data: Record<string, unknown> = { field, path: where, target };
    if (verdict.kind === 'missing') {
      const gate = verdict.gate ? ` (${describeGateState(verdict.gate)})` : '';
      message = `${where}: ${subject} was added in Kubernetes 1.${verdict.since}${gate}; a ${target} API server rejects it under strict validation.`;
      severity = 'error';
      data['since'] = `1.${verdict.since}`;
      if (verdict.gate?.gate) data['gate'] = verdict.gate.gate;
    } else if (verdict.kind === 'removed') {
      message = `${where}: ${subject} exists only up to Kubernetes 1.${verdict.until}; a ${target} API server rejects it under strict validation.`;
      severity = 'error';
      data['until'] = `1.${verdict.until}`;
    } else {
      const gate = verdict.gate.gate ? `the ${verdict.gate.gate} feature gate` : 'its feature gate';
      message = `${where}: ${subject} is ${verdict.gate.stage} in Kubernetes ${target} and off by default: the API server drops it unless ${gate} is on.`;
      severity = 'warning';
      if (verdict.gate.gate) data['gate'] = verdict.gate.gate;
      data['stage'] = verdict.gate.stage;
    }
    if (value !== undefined) data['value'] = value;
    this.findings.push({ code: FIELD_VERSION_CODE, severity, message, range: at.range, data });
  }
}

/** Whether the target version is newer than the bundled data (fields it added are unknown here). */
export function targetBeyondData(settings: ServiceSettings): boolean {
  return minorOf(settings.kubernetesVersion) > NEWEST_DATA_MINOR;
}

/** The parent definition and field name of a path under a kind's root, from the schema. */
function definitionAt(
  kind: string,
  path: readonly (string | number)[],
): { readonly definition: string; readonly field: string } | undefined {
  let cursor = rootCursor(kind);
  let parent: string | undefined;
  let field: string | undefined;
  for (const step of path) {
    if (!cursor) return undefined;
    const shape = cursorShape(cursor);
    if (typeof step === 'number' || (shape === 'list' && /^\d+$/.test(step))) {
      cursor = childCursor(cursor, 'item');
      parent = undefined;
      field = undefined;
    } else if (shape === 'map') {
      cursor = childCursor(cursor, 'value');
      parent = undefined;
      field = undefined;
    } else {
      parent = cursor.definition;
      field = step;
      cursor = childCursor(cursor, { field: step });
    }
  }
  return cursor && parent !== undefined && field !== undefined ? { definition: parent, field } : undefined;
}

/**
 * The version history of the field at a path, for hovers: since when it exists, its feature
 * gate's stages, and what that means at the target. Undefined for fields of every version.
 */
export function fieldHistoryAt(
  kind: string,
  path: readonly (string | number)[],
  settings: ServiceSettings,
): string | undefined {
  const located = definitionAt(kind, path);
  if (!located) return undefined;
  const { definition, field } = located;
  const lifetime = fieldLifetime(definition, field);
  if (!lifetime) return undefined;
  const gate = fieldGate(definition, field);
  const first = firstMinor(lifetime, gate);
  const parts: string[] = [];
  if (lifetime.until !== undefined)
    parts.push(
      first === lifetime.until
        ? `Kubernetes 1.${lifetime.until} only`
        : `Kubernetes 1.${first ?? lifetime.since}–1.${lifetime.until}`,
    );
  else if (first !== undefined) parts.push(`Since Kubernetes 1.${first}`);
  if (gate !== undefined) {
    const stages: string[] = [];
    for (let minor = 0, previous: GateState | undefined; minor <= NEWEST_DATA_MINOR; minor++) {
      const state = gateAt(gate, minor);
      if (state && (state.stage !== previous?.stage || state.enabled !== previous?.enabled))
        stages.push(
          `${state.stage} in 1.${minor}${state.stage === 'GA' ? '' : state.enabled ? ' (on by default)' : ' (off by default)'}`,
        );
      previous = state;
    }
    const name = gateAt(gate, NEWEST_DATA_MINOR)?.gate;
    parts.push(`${name ? `feature gate ${name}` : 'behind a feature gate'}: ${stages.join(', ')}`);
  }
  if (parts.length === 0) return undefined;
  const verdict = fieldVerdict(definition, field, minorOf(settings.kubernetesVersion));
  const atTarget =
    verdict.kind === 'missing' || verdict.kind === 'removed'
      ? `not in the target ${settings.kubernetesVersion}`
      : verdict.kind === 'gated-off'
        ? `${verdict.gate.stage} and off by default in the target ${settings.kubernetesVersion}`
        : undefined;
  return `${parts.join(' · ')}${atTarget ? ` · **${atTarget}**` : ''}.`;
}

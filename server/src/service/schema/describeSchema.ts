import { SCHEMA_SHAPE_JSON, schemaDescriptionsJson } from './generated/schemaIndex';

/**
 * Read access to the bundled schema for hovers, completion and quick fixes: what a field
 * is, its type, its allowed values, and which fields an object may hold. The data is the
 * compact index written by `npm run gen:schemas`, parsed on first use only; the descriptions
 * (most of it) only when a hover or a completion first shows one, so a lint never loads them.
 */

/** One entry of the generated index (short keys keep the bundle small). */
export interface IndexedField {
  /** description */
  readonly d?: string;
  /** type, `|`-joined when several (`integer|string`) */
  readonly t?: string;
  /** allowed values */
  readonly e?: readonly unknown[];
  /** referenced definition */
  readonly r?: string;
  /** properties */
  readonly p?: Readonly<Record<string, IndexedField>>;
  /** required properties */
  readonly q?: readonly string[];
  /** array items */
  readonly i?: IndexedField;
  /** map values */
  readonly v?: IndexedField;
  /** deprecated */
  readonly x?: boolean;
}

interface SchemaIndex {
  readonly kinds: Readonly<Record<string, string>>;
  readonly definitions: Readonly<Record<string, IndexedField>>;
}

export interface FieldSummary {
  readonly description?: string;
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly deprecated?: boolean;
}

export interface SchemaDescription extends FieldSummary {
  /** The fields an object at this path may hold (strict: no others are accepted). */
  readonly properties?: Readonly<Record<string, FieldSummary>>;
  /** Fields the object must hold. */
  readonly required?: readonly string[];
}

let index: SchemaIndex | undefined;
let descriptionsAdded = false;

function schemaIndex(): SchemaIndex {
  index ??= JSON.parse(SCHEMA_SHAPE_JSON) as SchemaIndex;
  return index;
}

/** The descriptions tree: a field's `d` and, along the same `p`, `i` and `v` steps, its fields'. */
interface DescribedField {
  readonly d?: string;
  readonly p?: Readonly<Record<string, DescribedField>>;
  readonly i?: DescribedField;
  readonly v?: DescribedField;
}

type MutableField = { -readonly [K in keyof IndexedField]: IndexedField[K] };

function addDescriptions(field: IndexedField, described: DescribedField): void {
  if (described.d !== undefined) (field as MutableField).d = described.d;
  if (described.i && field.i) addDescriptions(field.i, described.i);
  if (described.v && field.v) addDescriptions(field.v, described.v);
  for (const [name, property] of Object.entries(described.p ?? {})) {
    const target = field.p?.[name];
    if (target) addDescriptions(target, property);
  }
}

/** Adds the descriptions to the index's own field objects, once: the walks below then find them there. */
function addDescriptionsOnce(): void {
  if (descriptionsAdded) return;
  const { definitions } = schemaIndex();
  const descriptions = JSON.parse(schemaDescriptionsJson()) as Record<string, DescribedField>;
  for (const [name, described] of Object.entries(descriptions)) {
    const definition = definitions[name];
    if (definition) addDescriptions(definition, described);
  }
  descriptionsAdded = true;
}

/** Follows references until the field says what it holds itself. */
function resolve(field: IndexedField): IndexedField {
  const definitions = schemaIndex().definitions;
  let current = field;
  for (let depth = 0; current.r && depth < 16; depth++) {
    const target = definitions[current.r];
    if (!target) break;
    current = target;
  }
  return current;
}

/**
 * The schema node for a path under a kind's document root, where string steps are field
 * names (or map keys) and number steps are list indexes. Numeric strings step into lists
 * too, so JSON-pointer segments can be passed as they are.
 */
function fieldAt(kind: string, path: readonly (string | number)[]): IndexedField | undefined {
  const { kinds, definitions } = schemaIndex();
  const definition = Object.prototype.hasOwnProperty.call(kinds, kind) ? definitions[kinds[kind]!] : undefined;
  if (!definition) return undefined;
  let field: IndexedField = definition;
  for (const step of path) {
    const holder = resolve(field);
    if (holder.i && (typeof step === 'number' || /^\d+$/.test(step))) field = holder.i;
    else if (typeof step === 'string' && holder.p && Object.prototype.hasOwnProperty.call(holder.p, step))
      field = holder.p[step]!;
    else if (typeof step === 'string' && holder.v) field = holder.v;
    else return undefined;
  }
  return field;
}

function summary(field: IndexedField): FieldSummary {
  const target = resolve(field);
  const description = field.d ?? target.d;
  const type = field.t ?? target.t;
  const values = field.e ?? target.e;
  return {
    ...(description !== undefined ? { description } : {}),
    ...(type !== undefined ? { type } : {}),
    ...(values !== undefined ? { enum: values } : {}),
    ...(field.x || target.x ? { deprecated: true } : {}),
  };
}

/** What the schema says about the node at `path` of a `kind` document; undefined when it knows no such path. */
export function describeSchemaAt(kind: string, path: readonly (string | number)[]): SchemaDescription | undefined {
  addDescriptionsOnce();
  const field = fieldAt(kind, path);
  if (!field) return undefined;
  const target = resolve(field);
  const properties = target.p
    ? Object.fromEntries(Object.entries(target.p).map(([name, property]) => [name, summary(property)]))
    : undefined;
  return {
    ...summary(field),
    ...(properties ? { properties } : {}),
    ...(target.q ? { required: target.q } : {}),
  };
}

/** The field names an object at `path` may hold; empty for maps, lists, scalars and unknown paths. */
export function knownFields(kind: string, path: readonly (string | number)[]): string[] {
  const field = fieldAt(kind, path);
  const properties = field ? resolve(field).p : undefined;
  return properties ? Object.keys(properties) : [];
}

/**
 * A position in the schema while walking a document alongside it: the definition whose
 * fields apply there (`Container`), if the position is described by a named definition.
 */
export interface SchemaCursor {
  readonly definition: string | undefined;
  readonly field: IndexedField;
}

/** Follows references like `resolve`, remembering the last definition's name. */
function resolveNamed(field: IndexedField, name: string | undefined): SchemaCursor {
  const definitions = schemaIndex().definitions;
  let current: SchemaCursor = { definition: name, field };
  for (let depth = 0; current.field.r && depth < 16; depth++) {
    const target = definitions[current.field.r];
    if (!target) break;
    current = { definition: current.field.r, field: target };
  }
  return current;
}

/** The cursor at a kind's document root. */
export function rootCursor(kind: string): SchemaCursor | undefined {
  const { kinds, definitions } = schemaIndex();
  const name = Object.prototype.hasOwnProperty.call(kinds, kind) ? kinds[kind]! : undefined;
  const definition = name !== undefined ? definitions[name] : undefined;
  return definition ? { definition: name, field: definition } : undefined;
}

/** One step down: a field name (`'field'`), a list item (`'item'`) or a map value (`'value'`). */
export function childCursor(
  cursor: SchemaCursor,
  step: { readonly field: string } | 'item' | 'value',
): SchemaCursor | undefined {
  const holder = resolveNamed(cursor.field, cursor.definition).field;
  let next: IndexedField | undefined;
  if (step === 'item') next = holder.i;
  else if (step === 'value') next = holder.v;
  else if (holder.p && Object.prototype.hasOwnProperty.call(holder.p, step.field)) next = holder.p[step.field];
  return next ? resolveNamed(next, undefined) : undefined;
}

/** Whether the position holds a list, a map of values, or an object with fields. */
export function cursorShape(cursor: SchemaCursor): 'list' | 'map' | 'object' | 'scalar' {
  const field = resolveNamed(cursor.field, cursor.definition).field;
  if (field.i) return 'list';
  if (field.p) return 'object';
  if (field.v) return 'map';
  return 'scalar';
}

/** The kinds the bundled schema validates. */
export function schemaKinds(): string[] {
  return Object.keys(schemaIndex().kinds);
}

import type { Finding } from '../findings/finding';
import type { ResourceModel } from '../model/podModel';
import type { ServiceSettings } from '../settings';
import { getPair, isMap, isScalar, isSeq, toJSON, type Range, type YMap, type YNode, type YPair } from '../yaml/nodes';
import { knownFields } from './describeSchema';
import { closestNames } from '../text/closestNames';
import { formatApiPath } from './apiPath';
import { targetBeyondData } from './fieldVersions';
import { NEWEST_DATA_MINOR } from '../versions/apiVersions';
import * as generated from './generated/validators';

/** The shape of an error from ajv's standalone code (compiled with `messages: false`). */
interface AjvError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

type CompiledValidator = ((data: unknown) => boolean) & { errors?: readonly AjvError[] | null };

const VALIDATORS = generated as unknown as Readonly<Record<string, CompiledValidator | undefined>>;

type Path = readonly (string | number)[];

/** A node reached by an ajv instance path, with the pair that holds it (if it is a map value). */
interface Located {
  readonly node: YNode | null | undefined;
  readonly pair?: { readonly key: YNode; readonly value: YNode | null };
  /** Steps from the resource root, numbers for list indexes. */
  readonly path: Path;
}

/**
 * Strict schema validation of one pod-bearing object. The validators are compiled ahead
 * of time (`npm run gen:schemas`); each ajv error is placed on the YAML node it is about
 * (the key for unknown and missing fields, the value for type and enum errors) and worded
 * once, in the API's own field-path style.
 */
export function validateAgainstSchema(resource: ResourceModel, settings: ServiceSettings): Finding[] {
  const kind = resource.kind;
  if (!kind || !Object.prototype.hasOwnProperty.call(VALIDATORS, kind)) return [];
  const validate = VALIDATORS[kind];
  if (typeof validate !== 'function') return [];
  let valid: boolean;
  try {
    valid = validate(toJSON(resource.root));
  } catch (error) {
    // A document too large or too deep to convert: say so once instead of failing the file.
    const reason =
      error instanceof RangeError
        ? 'it is too large or too deeply nested'
        : error instanceof Error
          ? error.message
          : String(error);
    return [
      {
        code: 'schema',
        severity: 'information',
        message: `${resource.kind} was not checked against the schema: ${reason}.`,
        range: kindKeyRange(resource),
      },
    ];
  }
  if (valid) return [];
  return toFindings(resource, validate.errors ?? [], settings);
}

function toFindings(resource: ResourceModel, errors: readonly AjvError[], settings: ServiceSettings): Finding[] {
  const beyondData = targetBeyondData(settings) ? settings.kubernetesVersion : undefined;
  const typeErrorPaths = new Set(errors.filter((error) => error.keyword === 'type').map((error) => error.instancePath));
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // A value of the wrong type is one problem: its enum/const mismatch is noise on top.
    if ((error.keyword === 'enum' || error.keyword === 'const') && typeErrorPaths.has(error.instancePath)) continue;
    const finding = toFinding(resource, error, beyondData);
    if (!finding) continue;
    const key = `${finding.range.start}:${finding.range.end}:${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return mergeTypeFindings(findings).sort((a, b) => a.range.start - b.range.start);
}

/**
 * A required reference checks the type twice (its own `type` and the definition's), and
 * the two may word the expectation differently: keep one finding per value.
 */
function mergeTypeFindings(findings: Finding[]): Finding[] {
  const byRange = new Map<string, Finding>();
  const out: Finding[] = [];
  for (const finding of findings) {
    if (finding.data?.['problem'] !== 'type') {
      out.push(finding);
      continue;
    }
    const key = `${finding.range.start}:${finding.range.end}`;
    const earlier = byRange.get(key);
    if (!earlier) {
      byRange.set(key, finding);
      out.push(finding);
    } else if ((finding.data['expected'] as string[]).length < (earlier.data!['expected'] as string[]).length) {
      out[out.indexOf(earlier)] = finding;
      byRange.set(key, finding);
    }
  }
  return out;
}

function toFinding(resource: ResourceModel, error: AjvError, beyondData: string | undefined): Finding | undefined {
  const located = locate(resource.root, error.instancePath);
  if (!located) return undefined;
  const where = formatApiPath([...resource.pathPrefix, ...located.path]);
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownField(resource, located, String(error.params['additionalProperty']), beyondData);
    case 'required':
      return missingField(resource, located, String(error.params['missingProperty']));
    case 'type':
      return wrongType(located, where, typeList(error.params['type']), valueRange(located, resource));
    case 'enum':
      return unsupportedValue(
        located,
        where,
        (error.params['allowedValues'] as unknown[]) ?? [],
        valueRange(located, resource),
      );
    case 'const':
      return unsupportedValue(located, where, [error.params['allowedValue']], valueRange(located, resource));
    default:
      return {
        code: 'schema',
        severity: 'error',
        message: `${where || resource.kind}: does not match the schema (${error.keyword}).`,
        range: valueRange(located, resource),
        data: { problem: error.keyword, path: where },
      };
  }
}

/**
 * An unknown field. When the target is newer than the bundled API data, the field may be one
 * that version added: a warning that says so, not an error.
 */
function unknownField(
  resource: ResourceModel,
  located: Located,
  field: string,
  beyondData: string | undefined,
): Finding | undefined {
  if (!isMap(located.node)) return undefined;
  const pair = pairByKeyText(located.node, field);
  const where = formatApiPath([...resource.pathPrefix, ...located.path]) || resource.kind!;
  const suggestions = suggestionsFor(resource.kind!, located.path, field);
  const hint = suggestions.length > 0 ? ` Did you mean "${suggestions[0]}"?` : '';
  const newer = beyondData
    ? ` Kubernetes ${beyondData} is newer than the bundled API data (1.${NEWEST_DATA_MINOR}): if it added this field, ignore this warning.`
    : '';
  return {
    code: 'schema',
    severity: beyondData ? 'warning' : 'error',
    message: `unknown field "${field}" in ${where}.${hint}${newer}`,
    range: pair ? pair.key.range : parentKeyRange(resource, located),
    data: { problem: 'unknownField', field, path: where, suggestions },
  };
}

/** The same typo tends to repeat (one per replica of a copied container): measure it once. */
const suggestionCache = new Map<string, string[]>();

function suggestionsFor(kind: string, path: Path, field: string): string[] {
  const schemaPath = path.map((step) => (typeof step === 'number' ? '[]' : step)).join('.');
  const key = `${kind}\u0000${schemaPath}\u0000${field}`;
  let suggestions = suggestionCache.get(key);
  if (!suggestions) {
    if (suggestionCache.size > 2000) suggestionCache.clear();
    suggestions = closestNames(field, knownFields(kind, path));
    suggestionCache.set(key, suggestions);
  }
  return [...suggestions];
}

function missingField(resource: ResourceModel, located: Located, field: string): Finding {
  const where = formatApiPath([...resource.pathPrefix, ...located.path]);
  return {
    code: 'schema',
    severity: 'error',
    message: where
      ? `${where}: missing required field "${field}".`
      : `${resource.kind} is missing the required field "${field}".`,
    range: parentKeyRange(resource, located),
    data: { problem: 'missingProperty', missingProperty: field, path: where },
  };
}

function wrongType(located: Located, where: string, expected: string[], range: Range): Finding {
  const node = located.node;
  const actual = describeValue(node);
  return {
    code: 'schema',
    severity: 'error',
    message: `${where}: expected ${expected.join(' or ')}, got ${actual}.${quoteHint(node, expected)}`,
    range,
    data: { problem: 'type', expected, path: where },
  };
}

function unsupportedValue(located: Located, where: string, allowedValues: readonly unknown[], range: Range): Finding {
  const allowed = allowedValues.filter((value) => value !== null);
  const node = located.node;
  const suggestions =
    isScalar(node) && typeof node.value === 'string'
      ? closestNames(
          node.value,
          allowed.filter((value): value is string => typeof value === 'string'),
          1,
        )
      : [];
  const hint = suggestions.length > 0 ? ` Did you mean "${suggestions[0]}"?` : '';
  return {
    code: 'schema',
    severity: 'error',
    message: `${where}: unsupported value ${enumValueText(node)}; supported values: ${allowed.map((value) => JSON.stringify(value)).join(', ')}.${hint}`,
    range,
    data: { problem: 'enum', allowed, suggestions, path: where },
  };
}

function enumValueText(node: YNode | null | undefined): string {
  return isScalar(node) ? JSON.stringify(node.value) : describeValue(node);
}

/** ajv reports `type` as a string or a list; `null` is an implementation detail of optional fields. */
function typeList(type: unknown): string[] {
  const types = Array.isArray(type) ? type.map(String) : String(type).split(',');
  return types.filter((name) => name !== 'null');
}

function describeValue(node: YNode | null | undefined): string {
  if (!node) return 'null';
  if (isMap(node)) return 'an object';
  if (isSeq(node)) return 'a list';
  const value = node.value;
  if (value === null) return 'null';
  if (typeof value === 'string')
    return `string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`;
  if (typeof value === 'number' && !Number.isFinite(value))
    return `${Number.isNaN(value) ? 'not-a-number' : 'infinity'} (.inf and .nan have no JSON form)`;
  if (typeof value === 'number') return `${Number.isInteger(value) ? 'integer' : 'number'} ${value}`;
  return `boolean ${value}`;
}

/** YAML 1.1 turns unquoted `yes`, `on`, `8080` into booleans and numbers: say how to keep the text. */
function quoteHint(node: YNode | null | undefined, expected: readonly string[]): string {
  if (!isScalar(node) || node.style !== 'plain' || !expected.includes('string')) return '';
  if (typeof node.value !== 'boolean' && typeof node.value !== 'number') return '';
  return ' Quote the value to keep it a string.';
}

/** Resolves an ajv instance path (a JSON pointer) against the YAML tree. */
function locate(root: YMap, pointer: string): Located | undefined {
  const segments =
    pointer === ''
      ? []
      : pointer
          .slice(1)
          .split('/')
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: YNode | null | undefined = root;
  let pair: Located['pair'];
  const path: (string | number)[] = [];
  for (const segment of segments) {
    if (isMap(node)) {
      const found = pairByKeyText(node, segment);
      if (!found) return undefined;
      pair = found;
      node = found.value;
      path.push(segment);
    } else if (isSeq(node)) {
      const index = Number(segment);
      node = node.items[index];
      pair = undefined;
      path.push(index);
    } else {
      return undefined;
    }
  }
  return { node, path, ...(pair ? { pair } : {}) };
}

/**
 * The pair a JSON key came from. Keys are compared as the JSON conversion writes them
 * (`1:` and `true:` become "1" and "true"); the last duplicate wins, as in the conversion.
 */
function pairByKeyText(map: YMap, name: string): YPair | undefined {
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    const pair = map.pairs[i]!;
    if ((pair.key.value === null ? '' : String(pair.key.value)) === name) return pair;
  }
  return undefined;
}

function kindKeyRange(resource: ResourceModel): Range {
  const pair = getPair(resource.root, 'kind') ?? resource.root.pairs[0];
  return pair ? pair.key.range : resource.root.range;
}

/**
 * Where a missing field is reported: on the key that holds the object missing it (`spec`);
 * for a list item, on its first key; for the resource itself, on `kind`.
 */
function parentKeyRange(resource: ResourceModel, located: Located): Range {
  if (located.path.length === 0) return kindKeyRange(resource);
  if (typeof located.path[located.path.length - 1] === 'string' && located.pair) return located.pair.key.range;
  const item = located.node;
  if (isMap(item) && item.pairs.length > 0) return item.pairs[0]!.key.range;
  return item ? item.range : kindKeyRange(resource);
}

/** The value's own range; for a key without a value, the key. */
function valueRange(located: Located, resource: ResourceModel): Range {
  if (located.node) return located.node.range;
  return located.pair ? located.pair.key.range : kindKeyRange(resource);
}

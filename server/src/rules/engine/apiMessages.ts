import type { Range } from '../../service/yaml/nodes';
/**
 * The API server's error text, so a finding reads like what `kubectl apply` would print:
 * `<field path>: <type>[: <value>][: <detail>]` (apimachinery `field.Error`).
 */

/** Go's `%q` for the strings we print: JSON quoting matches it for printable text. */
export function goQuote(value: string): string {
  return JSON.stringify(value);
}

type ApiValue = string | number | boolean;

function printValue(value: ApiValue): string {
  return typeof value === 'string' ? goQuote(value) : String(value);
}

function join(path: string, body: string, detail?: string): string {
  return detail ? `${path}: ${body}: ${detail}` : `${path}: ${body}`;
}

export const apiError = {
  required: (path: string, detail?: string): string => join(path, 'Required value', detail),
  forbidden: (path: string, detail?: string): string => join(path, 'Forbidden', detail),
  invalid: (path: string, value: ApiValue, detail?: string): string =>
    join(path, `Invalid value: ${printValue(value)}`, detail),
  /** For values the API server prints in Go syntax (maps, structs), already formatted. */
  invalidPrinted: (path: string, printedValue: string, detail?: string): string =>
    join(path, `Invalid value: ${printedValue}`, detail),
  duplicate: (path: string, value: ApiValue): string => join(path, `Duplicate value: ${printValue(value)}`),
  notFound: (path: string, value: ApiValue, detail?: string): string =>
    join(path, `Not found: ${printValue(value)}`, detail),
  unsupported: (path: string, value: ApiValue, supported: readonly string[]): string =>
    join(path, `Unsupported value: ${printValue(value)}`, `supported values: ${supported.map(goQuote).join(', ')}`),
};

/**
 * The API server's answer first, then a plain explanation for people, on one line so
 * CLI output stays one finding per line.
 */
export function explain(apiText: string, explanation: string): string {
  return `${apiText} — ${explanation}`;
}

/** A finding on one API field: the server's text and the explanation, on the field's node; its data names the field. */
export function fieldFinding(
  field: string,
  apiText: string,
  explanation: string,
  node: { readonly range: Range },
): { message: string; range: Range; data: { field: string } } {
  return { message: explain(apiText, explanation), range: node.range, data: { field } };
}

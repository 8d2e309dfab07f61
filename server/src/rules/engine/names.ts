/**
 * The API server's name syntax checks (apimachinery `util/validation`), returning the
 * detail strings it prints, in its order. An empty list means the name is accepted.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL_MAX = 63;

export const DNS1123_LABEL_DETAIL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

function maxLength(length: number): string {
  return `must be no more than ${length} characters`;
}

/** Container, volume and other label-like names. */
export function dns1123LabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > DNS1123_LABEL_MAX) errors.push(maxLength(DNS1123_LABEL_MAX));
  if (!DNS1123_LABEL.test(value)) {
    errors.push(DNS1123_SUBDOMAIN.test(value) ? 'must not contain dots' : DNS1123_LABEL_DETAIL);
  }
  return errors;
}

/** Port names (IANA_SVC_NAME), for `ports[].name` and named probe ports. */
export function portNameErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 15) errors.push(maxLength(15));
  if (!/^[-a-z0-9]+$/.test(value))
    errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(value)) errors.push('must contain at least one letter (a-z)');
  if (value.includes('--')) errors.push('must not contain consecutive hyphens');
  if (value.startsWith('-') || value.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}

export const PORT_NUMBER_DETAIL = 'must be between 1 and 65535, inclusive';

export function isValidPortNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

export const STRICT_ENV_NAME_DETAIL =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

export const RELAXED_ENV_NAME_DETAIL =
  "a valid environment variable name must consist only of printable ASCII characters other than '='";

/** The rule before relaxed validation (KEP-4369). */
export function strictEnvNameErrors(value: string): string[] {
  const errors: string[] = [];
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(value)) errors.push(STRICT_ENV_NAME_DETAIL);
  if (value === '.') errors.push("must not be '.'");
  else if (value === '..') errors.push("must not be '..'");
  else if (value.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

/** The relaxed rule: printable ASCII except `=`. */
export function relaxedEnvNameErrors(value: string): string[] {
  if (value.length === 0) return ['environment variable name must be non-empty'];
  return /^[\x20-\x3c\x3e-\x7e]+$/.test(value) ? [] : [RELAXED_ENV_NAME_DETAIL];
}

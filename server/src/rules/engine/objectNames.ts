import { dns1123LabelErrors } from './names';

/**
 * The API server's object name checks (apimachinery pkg/util/validation `IsDNS1123Subdomain`
 * and pkg/api/validation `NameIsDNSSubdomain` / `NameIsDNSLabel`), returning its detail strings.
 */

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_SUBDOMAIN_MAX = 253;

export const DNS1123_SUBDOMAIN_DETAIL =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

export function dns1123SubdomainErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX) errors.push(`must be no more than ${DNS1123_SUBDOMAIN_MAX} characters`);
  if (!DNS1123_SUBDOMAIN.test(value)) errors.push(DNS1123_SUBDOMAIN_DETAIL);
  return errors;
}

/**
 * `generateName` gets a random suffix appended, so a trailing '-' is fine there
 * (apimachinery `maskTrailingDash`).
 */
function maskTrailingDash(value: string): string {
  return value.length > 1 && value.endsWith('-') ? `${value.slice(0, -2)}a` : value;
}

export type NameSyntax = 'subdomain' | 'label';

export function objectNameErrors(value: string, syntax: NameSyntax, prefix: boolean): string[] {
  const name = prefix ? maskTrailingDash(value) : value;
  return syntax === 'label' ? dns1123LabelErrors(name) : dns1123SubdomainErrors(name);
}

/**
 * Formats a field path the way the API server words it in its errors:
 * `spec.template.spec.containers[0].ports[0].containerPort`, with map keys that are not
 * plain field names in brackets (`metadata.labels[app.kubernetes.io/name]`).
 */
export function formatApiPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(step)) out += out ? `.${step}` : step;
    else out += `[${step}]`;
  }
  return out;
}

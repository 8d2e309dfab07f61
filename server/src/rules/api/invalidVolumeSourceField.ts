import { parseQuantity } from '../../service/analysis/quantities';
import { getPair, isMap, isScalar, isSeq, type YMap, type YNode, type YScalar } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { hasValue } from '../engine/ranges';
import { defineRule, type RuleFinding } from '../types';
import { localNonReservedPathProblems } from '../engine/localPaths';

/*
 * The field checks of one volume source, as pkg/apis/core/validation/validation.go
 * (kubernetes/kubernetes, unchanged in these respects from 1.27 to 1.37) runs them:
 * validateVolumeSource and the validate<Source>VolumeSource functions, validateKeyToPath,
 * validateDownwardAPIVolumeFile, validateProjectionSources and ValidateLocalNonReservedPath.
 * Field paths are the API server's own, quirks included: a downward API item's `path` and
 * `mode`, and a projected token's `path`, are reported on their source, not on the item.
 */

export interface InvalidVolumeSourceFieldData {
  readonly volumeIndex: number;
  readonly volumeName?: string;
  /** The API path of the field, e.g. `spec.volumes[0].secret.defaultMode`. */
  readonly field: string;
}

/** validation.go: `fileModeErrorMsg`. */
const FILE_MODE_DETAIL = 'must be a number between 0 and 0777 (octal), both inclusive';
const MAX_FILE_MODE = 0o777;
const MIN_TOKEN_SECONDS = 10 * 60;
const MAX_TOKEN_SECONDS = 2 ** 32;

interface Where {
  readonly data: Omit<InvalidVolumeSourceFieldData, 'field'>;
  readonly label: string;
}

type Report = (path: string, range: { start: number; end: number }, apiText: string, explanation: string) => void;

/** A required string field: its value when it is a non-empty string, and a report otherwise. */
function requireString(
  map: YMap,
  key: string,
  path: string,
  anchor: YScalar,
  report: Report,
  schemaRequires: boolean,
  what: string,
): void {
  const pair = getPair(map, key);
  const value = pair?.value;
  if (isScalar(value) && value.value !== null && value.value !== '') return;
  // A missing key the schema requires is already reported by the schema check, in its own words.
  if (!pair && schemaRequires) return;
  report(
    `${path}.${key}`,
    pair ? pair.key.range : anchor.range,
    apiError.required(`${path}.${key}`),
    `\`${key}\` must name the ${what}.`,
  );
}

function integerNode(map: YMap, key: string): YScalar | undefined {
  const value = getPair(map, key)?.value;
  return isScalar(value) && typeof value.value === 'number' && Number.isInteger(value.value) ? value : undefined;
}

function checkMode(map: YMap, key: string, reportedPath: string, report: Report): void {
  const node = integerNode(map, key);
  if (!node) return;
  const mode = node.value as number;
  if (mode >= 0 && mode <= MAX_FILE_MODE) return;
  report(
    reportedPath,
    node.range,
    apiError.invalid(reportedPath, mode, FILE_MODE_DETAIL),
    `file modes are permission bits; write them in octal, e.g. 0644 or 0440 (YAML reads a leading 0 as octal).`,
  );
}

/** ValidateLocalNonReservedPath: relative, no `..` element, not starting with `..`. */
function checkLocalPath(node: YNode | null | undefined, reportedPath: string, report: Report): void {
  if (!isScalar(node) || typeof node.value !== 'string' || node.value === '') return;
  const path = node.value;
  const because = 'a volume file path is placed under the mount point, so it must stay inside it.';
  for (const problem of localNonReservedPathProblems(path))
    report(reportedPath, node.range, apiError.invalid(reportedPath, path, problem), because);
}

/** validateKeyToPath, for the items of secret and configMap volumes and projections. */
function checkKeyToPathItems(source: YMap, sourcePath: string, report: Report): void {
  const items = getPair(source, 'items')?.value;
  if (!isSeq(items)) return;
  items.items.forEach((item, index) => {
    if (!isMap(item)) return;
    const itemPath = `${sourcePath}.items[${index}]`;
    for (const key of ['key', 'path']) {
      const value = getPair(item, key)?.value;
      // Missing keys are the schema's (both are required there); an empty string is ours.
      if (isScalar(value) && value.value === '')
        report(`${itemPath}.${key}`, value.range, apiError.required(`${itemPath}.${key}`), `an item needs a ${key}.`);
    }
    checkLocalPath(getPair(item, 'path')?.value, `${itemPath}.path`, report);
    checkMode(item, 'mode', `${itemPath}.mode`, report);
  });
}

/** validateDownwardAPIVolumeFile, reported on `reportedOn` as the API server does. */
function checkDownwardApiItems(source: YMap, reportedOn: string, report: Report): void {
  const items = getPair(source, 'items')?.value;
  if (!isSeq(items)) return;
  for (const item of items.items) {
    if (!isMap(item)) continue;
    checkLocalPath(getPair(item, 'path')?.value, `${reportedOn}.path`, report);
    checkMode(item, 'mode', `${reportedOn}.mode`, report);
  }
}

function checkProjected(source: YMap, path: string, report: Report): void {
  checkMode(source, 'defaultMode', `${path}.defaultMode`, report);
  const sources = getPair(source, 'sources')?.value;
  if (!isSeq(sources)) return;
  sources.items.forEach((projection, index) => {
    if (!isMap(projection)) return;
    const sourcePath = `${path}.sources[${index}]`;
    for (const kind of ['secret', 'configMap'] as const) {
      const pair = getPair(projection, kind);
      if (!hasValue(pair) || !isMap(pair.value)) continue;
      requireString(
        pair.value,
        'name',
        `${sourcePath}.${kind}`,
        pair.key,
        report,
        false,
        kind === 'secret' ? 'Secret' : 'ConfigMap',
      );
      checkKeyToPathItems(pair.value, `${sourcePath}.${kind}`, report);
    }
    const downward = getPair(projection, 'downwardAPI')?.value;
    if (isMap(downward)) checkDownwardApiItems(downward, `${sourcePath}.downwardAPI`, report);
    const token = getPair(projection, 'serviceAccountToken')?.value;
    if (isMap(token)) {
      const seconds = integerNode(token, 'expirationSeconds');
      const secondsPath = `${sourcePath}.serviceAccountToken.expirationSeconds`;
      if (seconds && (seconds.value as number) < MIN_TOKEN_SECONDS) {
        report(
          secondsPath,
          seconds.range,
          apiError.invalid(secondsPath, seconds.value as number, 'may not specify a duration less than 10 minutes'),
          'a projected token lives at least 600 seconds.',
        );
      } else if (seconds && (seconds.value as number) > MAX_TOKEN_SECONDS) {
        report(
          secondsPath,
          seconds.range,
          apiError.invalid(secondsPath, seconds.value as number, 'may not specify a duration larger than 2^32 seconds'),
          'a projected token lives at most 2^32 seconds.',
        );
      }
      // The token's path is reported on the projected volume's own path (validation.go passes fldPath).
      checkLocalPath(getPair(token, 'path')?.value, `${path}.path`, report);
    }
  });
}

function checkSource(key: string, source: YMap, path: string, anchor: YScalar, report: Report): void {
  switch (key) {
    case 'secret':
      requireString(source, 'secretName', path, anchor, report, false, 'Secret');
      checkMode(source, 'defaultMode', `${path}.defaultMode`, report);
      checkKeyToPathItems(source, path, report);
      return;
    case 'configMap':
      requireString(source, 'name', path, anchor, report, false, 'ConfigMap');
      checkMode(source, 'defaultMode', `${path}.defaultMode`, report);
      checkKeyToPathItems(source, path, report);
      return;
    case 'downwardAPI':
      checkMode(source, 'defaultMode', `${path}.defaultMode`, report);
      checkDownwardApiItems(source, path, report);
      return;
    case 'projected':
      checkProjected(source, path, report);
      return;
    case 'persistentVolumeClaim':
      requireString(source, 'claimName', path, anchor, report, true, 'PersistentVolumeClaim');
      return;
    case 'hostPath':
      requireString(source, 'path', path, anchor, report, true, 'directory or file on the node');
      return;
    case 'nfs':
      requireString(source, 'server', path, anchor, report, true, 'NFS server');
      requireString(source, 'path', path, anchor, report, true, 'exported path');
      return;
    case 'emptyDir': {
      const limit = getPair(source, 'sizeLimit')?.value;
      const quantity = isScalar(limit) && limit.value !== null ? parseQuantity(String(limit.value)) : undefined;
      if (limit && quantity && quantity.nanos < 0n) {
        report(
          `${path}.sizeLimit`,
          limit.range,
          apiError.forbidden(`${path}.sizeLimit`, 'SizeLimit field must be a valid resource quantity'),
          'a size limit cannot be negative.',
        );
      }
      return;
    }
    default:
      return;
  }
}

/**
 * The fields of a volume source the API server checks beyond the schema: names of the secret,
 * config map, claim, host path or NFS export (required, not empty), file modes within 0–0777,
 * item paths that stay under the mount point, projected token lifetimes of 600 s to 2^32 s, and
 * a non-negative emptyDir size limit. A volume with several sources is `volume-source`'s; the
 * API server checks only the first, so this rule checks volumes with one source.
 */
export const invalidVolumeSourceField = defineRule({
  id: 'invalid-volume-source-field',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'Volume sources need their names, file modes within 0–0777, item paths inside the volume and a token lifetime of at least 600 s.',
  check(pod): RuleFinding<InvalidVolumeSourceFieldData>[] {
    const findings: RuleFinding<InvalidVolumeSourceFieldData>[] = [];
    for (const volume of pod.volumes) {
      const sources = volume.sources.filter(hasValue);
      if (sources.length !== 1) continue;
      const sourcePair = sources[0]!;
      if (!isMap(sourcePair.value)) continue;
      const key = String(sourcePair.key.value);
      const where: Where = {
        data: { volumeIndex: volume.index, ...(volume.name !== undefined ? { volumeName: volume.name } : {}) },
        label: volume.name ? `volume "${volume.name}"` : `volume #${volume.index + 1}`,
      };
      const report: Report = (field, range, apiText, explanation) => {
        findings.push({
          message: explain(apiText, `in ${where.label}, ${explanation}`),
          range,
          data: { ...where.data, field },
        });
      };
      // A missing required key has no range of its own: its finding goes on the source's key.
      checkSource(key, sourcePair.value, `${volume.path}.${key}`, sourcePair.key, report);
    }
    return findings;
  },
});

import { configMapKeyErrors } from '../../rules/api/invalidEnvKeyRef';
import { dns1123LabelErrors, portNameErrors, strictEnvNameErrors } from '../../rules/engine/names';
import { dns1123SubdomainErrors } from '../../rules/engine/objectNames';
import { scalar } from '../edits/renderYaml';
import type { OffsetEdit, OffsetRange } from '../edits/textEdits';
import type { ParsedFile } from '../parsedFile';
import { linkedAt } from './links';
import type { LinkedSymbol, LinkKind, Occurrence } from './symbolIndex';

/** A rename the service will not do, with the reason in plain words for the editor to show. */
export interface RenameRefusal {
  readonly refused: string;
}

export type PrepareRenameResult = { readonly range: OffsetRange; readonly placeholder: string } | RenameRefusal;
export type RenameResult = { readonly edits: OffsetEdit[] } | RenameRefusal;

const WHAT: Readonly<Record<LinkKind, string>> = {
  volume: 'volume',
  port: 'port',
  env: 'environment variable',
  container: 'container',
  resourceClaim: 'resource claim',
  label: 'label',
  configMap: 'ConfigMap',
  secret: 'Secret',
  configMapKey: 'ConfigMap key',
  secretKey: 'Secret key',
};

/**
 * The name syntax the API server checks for each kind (k8s.io/apimachinery util/validation and
 * pkg/apis/core/validation, 1.37). Env var names use the strict rule, which every version accepts.
 */
const NAME_ERRORS: Readonly<Record<Exclude<LinkKind, 'label'>, (name: string) => string[]>> = {
  volume: dns1123LabelErrors,
  container: dns1123LabelErrors,
  resourceClaim: dns1123LabelErrors,
  port: portNameErrors,
  env: strictEnvNameErrors,
  configMap: dns1123SubdomainErrors,
  secret: dns1123SubdomainErrors,
  configMapKey: configMapKeyErrors,
  secretKey: configMapKeyErrors,
};

/** Whether the name under the cursor can be renamed, and the exact range of the name. */
export function prepareRenameAt(file: ParsedFile, offset: number): PrepareRenameResult | undefined {
  const found = linkedAt(file, offset);
  if (!found) return undefined;
  const refusal = symbolRefusal(file, found.symbol);
  if (refusal) return refusal;
  const { start, end } = found.occurrence;
  return { range: { start, end }, placeholder: file.text.slice(start, end) };
}

/** The edits that rename every linked place of the name under the cursor, or why it is refused. */
export function renameAt(file: ParsedFile, offset: number, newName: string): RenameResult | undefined {
  const found = linkedAt(file, offset);
  if (!found) return undefined;
  const { symbol } = found;
  const refusal = symbolRefusal(file, symbol);
  if (refusal) return refusal;
  if (symbol.kind === 'label') return refusedLabel();
  const what = WHAT[symbol.kind];
  const errors = NAME_ERRORS[symbol.kind](newName);
  if (errors.length > 0) return { refused: `"${newName}" is not a valid ${what} name: ${errors.join('; ')}.` };
  if (newName === symbol.name) return { edits: [] };
  const clash = found.symbolsIn(symbol.kind, symbol.scope).find((other) => other.name === newName);
  if (clash) return { refused: `A ${what} named "${newName}" already exists here: renaming would merge the two.` };
  return { edits: symbol.occurrences.map((occurrence) => renameEdit(occurrence, newName)) };
}

function refusedLabel(): RenameRefusal {
  return {
    refused:
      'Labels are not renamed: objects outside this file (Services, NetworkPolicies, PodDisruptionBudgets, other tools) may select them.',
  };
}

function symbolRefusal(file: ParsedFile, symbol: LinkedSymbol): RenameRefusal | undefined {
  if (symbol.kind === 'label') return refusedLabel();
  const what = WHAT[symbol.kind];
  if (!symbol.occurrences.some((occurrence) => occurrence.role === 'definition'))
    return {
      refused: `The ${what} "${symbol.name}" is not defined in this file: renaming it here would leave its definition behind.`,
    };
  const stuck = symbol.occurrences.find((occurrence) => occurrence.unwritable);
  if (stuck) {
    const line = file.lineIndex.positionAt(stuck.start).line + 1;
    return { refused: `The ${what} "${symbol.name}" cannot be renamed: on line ${line} ${stuck.unwritable}.` };
  }
  return undefined;
}

/** The new name written as the place was written: a plain scalar quoted only when YAML would misread it. */
function renameEdit(occurrence: Occurrence, newName: string): OffsetEdit {
  const newText =
    occurrence.writeAs === 'scalar'
      ? scalar(newName)
      : occurrence.writeAs === 'double'
        ? JSON.stringify(newName).slice(1, -1)
        : occurrence.writeAs === 'single'
          ? newName.replace(/'/g, "''")
          : newName;
  return { start: occurrence.start, end: occurrence.end, newText };
}

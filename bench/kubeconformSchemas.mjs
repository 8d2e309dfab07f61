// The strict schema yaml-language-server gets (bench/ylsSchema.mjs), split for kubeconform:
// one standalone file per kind and apiVersion, named as kubeconform's `-schema-location`
// template names a local file (`{{ .ResourceKind }}{{ .KindSuffix }}.json`: the kind in lower
// case, then `-<group's first label>-<version>`, e.g. `deployment-apps-v1.json`, `pod-v1.json`).
// Each file holds its kind's definition and only the definitions it reaches, so kubeconform
// compiles no more than the kind needs. Cached under bench/.cache.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** The `-schema-location` template for the folder `dir`. */
export const schemaLocationTemplate = (dir) => path.join(dir, '{{ .ResourceKind }}{{ .KindSuffix }}.json');

/** kubeconform's file-name suffix for an apiVersion: `v1` → `-v1`, `apps/v1` → `-apps-v1`, `batch/v1` → `-batch-v1`. */
export function kindSuffix(apiVersion) {
  const [groupOrVersion, version] = apiVersion.split('/');
  const group = groupOrVersion.split('.')[0].toLowerCase();
  return version === undefined ? `-${group}` : `-${group}-${version.toLowerCase()}`;
}

/** Names of the definitions `root` reaches through `#/definitions/…` references, itself included. */
function reachableDefinitions(definitions, rootName) {
  const reached = new Set();
  const pending = [rootName];
  while (pending.length) {
    const name = pending.pop();
    if (reached.has(name) || !definitions[name]) continue;
    reached.add(name);
    JSON.stringify(definitions[name], (key, value) => {
      if (key === '$ref' && typeof value === 'string') pending.push(value.replace(/^#\/definitions\//, ''));
      return value;
    });
  }
  return reached;
}

/** The apiVersions a kind's definition accepts (`const` or `enum`). */
function apiVersionsOf(definition) {
  const apiVersion = definition.properties?.apiVersion ?? {};
  if (typeof apiVersion.const === 'string') return [apiVersion.const];
  return Array.isArray(apiVersion.enum) ? apiVersion.enum.filter((value) => typeof value === 'string') : [];
}

/**
 * Writes the per-kind files into `outDir` (emptied first) from the combined strict schema at
 * `strictSchemaFile`, and returns the `-schema-location` template and the files written.
 */
export function writeKubeconformSchemas(strictSchemaFile, outDir) {
  const combined = JSON.parse(readFileSync(strictSchemaFile, 'utf8'));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const branch of combined.allOf ?? []) {
    const kind = branch.if?.properties?.kind?.const;
    const definition = combined.definitions[kind];
    if (typeof kind !== 'string' || !definition) continue;
    const definitions = Object.fromEntries(
      [...reachableDefinitions(combined.definitions, kind)].sort().map((name) => [name, combined.definitions[name]]),
    );
    const schema = {
      $schema: combined.$schema,
      title: `${kind} (strict), from ${path.basename(strictSchemaFile)}`,
      $ref: `#/definitions/${kind}`,
      definitions,
    };
    for (const apiVersion of apiVersionsOf(definition)) {
      const file = path.join(outDir, `${kind.toLowerCase()}${kindSuffix(apiVersion)}.json`);
      writeFileSync(file, JSON.stringify(schema));
      written.push(file);
    }
  }
  return { template: schemaLocationTemplate(outDir), files: written };
}

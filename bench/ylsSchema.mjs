// The strict schema yaml-language-server validates the benchmark pods with: the product's
// own bundled schema (schemas/definitions.json and one entry per kind), folded into one
// self-contained file with one branch per kind, so the comparison checks the same rules
// and needs no network. Cached under bench/.cache.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Returns the path of the combined strict schema for every pod-bearing kind. */
export function strictSchemaPath(root, cacheDir) {
  const schemas = path.join(root, 'schemas');
  const definitionsFile = path.join(schemas, 'definitions.json');
  if (!existsSync(definitionsFile)) throw new Error(`${definitionsFile} is missing: run npm run gen:schemas`);
  const { definitions } = JSON.parse(readFileSync(definitionsFile, 'utf8'));
  const branches = [];
  for (const file of readdirSync(schemas).sort()) {
    if (file === 'definitions.json' || !file.endsWith('.json')) continue;
    const entry = JSON.parse(readFileSync(path.join(schemas, file), 'utf8'));
    const name = /#\/definitions\/(.+)$/.exec(entry.$ref ?? '')?.[1];
    if (!name || !definitions[name]) continue;
    branches.push({
      if: { properties: { kind: { const: name } }, required: ['kind'] },
      then: { $ref: `#/definitions/${name}` },
    });
  }
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Kubernetes pod-bearing kinds (strict), from ${path.relative(root, schemas)}/`,
    type: 'object',
    allOf: branches,
    definitions,
  };
  mkdirSync(cacheDir, { recursive: true });
  const out = path.join(cacheDir, 'pod-kinds.strict.schema.json');
  writeFileSync(out, JSON.stringify(schema));
  return out;
}

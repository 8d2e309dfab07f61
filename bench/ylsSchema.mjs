// The strict schema yaml-language-server validates the benchmark pods with: generated
// offline from the `kubernetes-models` type declarations (unknown fields rejected, as
// `kubectl --validate=strict` does), one branch per kind, cached under bench/.cache.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const KINDS = [
  { kind: 'Pod', module: 'kubernetes-models/v1/Pod', type: 'IPod' },
  { kind: 'Deployment', module: 'kubernetes-models/apps/v1/Deployment', type: 'IDeployment' },
];

/** Returns the path of the strict schema for the benchmark's kinds, generating it once. */
export function strictSchemaPath(cacheDir) {
  const modelsVersion = require('kubernetes-models/package.json').version;
  const out = path.join(cacheDir, `k8s-strict-${modelsVersion}.schema.json`);
  if (existsSync(out)) return out;
  mkdirSync(cacheDir, { recursive: true });
  const entry = path.join(cacheDir, 'schema-entry.ts');
  writeFileSync(entry, KINDS.map((k) => `export type { ${k.type} } from '${k.module}';\n`).join(''));
  const tsconfig = path.join(cacheDir, 'schema-tsconfig.json');
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true, target: 'es2020' }, files: ['schema-entry.ts'] }));
  const generated = path.join(cacheDir, 'schema-generated.json');
  execFileSync(process.execPath, [require.resolve('ts-json-schema-generator/bin/ts-json-schema-generator.js'), '--path', entry, '--tsconfig', tsconfig, '--type', '*', '--no-type-check', '-o', generated], { stdio: 'pipe' });
  const { definitions } = JSON.parse(readFileSync(generated, 'utf8'));
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Kubernetes ${KINDS.map((k) => k.kind).join(', ')} (strict, from kubernetes-models ${modelsVersion})`,
    type: 'object',
    required: ['apiVersion', 'kind'],
    allOf: KINDS.map((k) => ({ if: { properties: { kind: { const: k.kind } }, required: ['kind'] }, then: { $ref: `#/definitions/${k.type}` } })),
    definitions,
  };
  writeFileSync(out, JSON.stringify(schema));
  return out;
}

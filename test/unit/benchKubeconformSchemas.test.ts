import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/repo';

/** bench/kubeconformSchemas.mjs: the strict schema split into kubeconform's one-file-per-kind layout. */
interface KubeconformSchemas {
  kindSuffix(apiVersion: string): string;
  writeKubeconformSchemas(strictSchemaFile: string, outDir: string): { template: string; files: string[] };
}
interface StrictSchema {
  strictSchemaPath(root: string, cacheDir: string): string;
}
interface GeneratedPods {
  podDocument(index: number): string;
}
type JsonSchema = { $ref?: string; definitions?: Record<string, unknown> };

const load = async <T>(file: string): Promise<T> =>
  (await import(pathToFileURL(path.join(REPO_ROOT, 'bench', file)).href)) as T;

function withTempDir(run: (dir: string) => Promise<void> | void): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pod-patterns-kubeconform-'));
    try {
      await run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const readSchema = (file: string): JsonSchema => JSON.parse(readFileSync(file, 'utf8')) as JsonSchema;

/** Every `$ref` in a schema, as written. */
function refsIn(value: unknown): string[] {
  const refs: string[] = [];
  JSON.stringify(value, (key, inner: unknown) => {
    if (key === '$ref' && typeof inner === 'string') refs.push(inner);
    return inner;
  });
  return refs;
}

test('file names follow kubeconform’s {{ .ResourceKind }}{{ .KindSuffix }} for core and group kinds', async () => {
  const { kindSuffix } = await load<KubeconformSchemas>('kubeconformSchemas.mjs');
  // kubeconform pkg/registry/registry.go schemaPath: "-" + the group's first dot-separated label, then "-" + version.
  assert.equal(kindSuffix('v1'), '-v1');
  assert.equal(kindSuffix('apps/v1'), '-apps-v1');
  assert.equal(kindSuffix('batch/v1'), '-batch-v1');
  assert.equal(kindSuffix('networking.k8s.io/v1'), '-networking-v1');
});

test(
  'each kind gets a standalone file with its definition and only the definitions it reaches',
  withTempDir(async (dir) => {
    const { writeKubeconformSchemas } = await load<KubeconformSchemas>('kubeconformSchemas.mjs');
    const combined = path.join(dir, 'combined.json');
    const kindBranch = (kind: string) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { $ref: `#/definitions/${kind}` },
    });
    writeFileSync(
      combined,
      JSON.stringify({
        $schema: 'http://json-schema.org/draft-07/schema#',
        allOf: [kindBranch('Pod'), kindBranch('Deployment')],
        definitions: {
          Pod: { properties: { apiVersion: { const: 'v1' }, spec: { $ref: '#/definitions/PodSpec' } } },
          Deployment: {
            properties: { apiVersion: { const: 'apps/v1' }, template: { $ref: '#/definitions/PodTemplate' } },
          },
          PodTemplate: { properties: { spec: { $ref: '#/definitions/PodSpec' } } },
          PodSpec: { properties: { containers: { items: { $ref: '#/definitions/Container' } } } },
          Container: { additionalProperties: false, properties: { name: { type: 'string' } } },
          Service: { properties: { apiVersion: { const: 'v1' } } },
        },
      }),
    );
    const out = path.join(dir, 'schemas');
    const { template, files } = writeKubeconformSchemas(combined, out);

    assert.equal(template, path.join(out, '{{ .ResourceKind }}{{ .KindSuffix }}.json'));
    assert.deepEqual(readdirSync(out).sort(), ['deployment-apps-v1.json', 'pod-v1.json']);
    assert.deepEqual(files.map((file) => path.basename(file)).sort(), ['deployment-apps-v1.json', 'pod-v1.json']);
    const pod = readSchema(path.join(out, 'pod-v1.json'));
    assert.equal(pod.$ref, '#/definitions/Pod');
    assert.deepEqual(Object.keys(pod.definitions ?? {}), ['Container', 'Pod', 'PodSpec']);
    const deployment = readSchema(path.join(out, 'deployment-apps-v1.json'));
    assert.equal(deployment.$ref, '#/definitions/Deployment');
    assert.deepEqual(Object.keys(deployment.definitions ?? {}), ['Container', 'Deployment', 'PodSpec', 'PodTemplate']);
  }),
);

test(
  'the split product schemas accept a generated pod and reject its misspelt field, as the combined one does',
  withTempDir(async (dir) => {
    const { writeKubeconformSchemas } = await load<KubeconformSchemas>('kubeconformSchemas.mjs');
    const { strictSchemaPath } = await load<StrictSchema>('ylsSchema.mjs');
    const { podDocument } = await load<GeneratedPods>('generatePods.mjs');
    const { files } = writeKubeconformSchemas(strictSchemaPath(REPO_ROOT, dir), path.join(dir, 'schemas'));
    assert.ok(files.some((file) => file.endsWith('pod-v1.json')));
    assert.ok(files.some((file) => file.endsWith('deployment-apps-v1.json')));
    for (const file of files) {
      const schema = readSchema(file);
      for (const ref of refsIn(schema)) {
        const name = /^#\/definitions\/(.+)$/.exec(ref)?.[1];
        assert.ok(name && schema.definitions?.[name], `${path.basename(file)}: ${ref} resolves inside the file`);
      }
    }

    const ajv = new Ajv({ strict: false, allErrors: true });
    const validatorFor = (file: string) => ajv.compile(readSchema(path.join(dir, 'schemas', file)));
    const validPod = validatorFor('pod-v1.json');
    const validDeployment = validatorFor('deployment-apps-v1.json');
    // Index 1 is a bare Pod, 3 a Deployment; index 5 is the Pod with `imagePullPolcy` (bench/generatePods.mjs).
    assert.equal(validPod(parse(podDocument(1))), true, JSON.stringify(validPod.errors));
    assert.equal(validDeployment(parse(podDocument(3))), true, JSON.stringify(validDeployment.errors));
    assert.equal(validPod(parse(podDocument(5))), false);
    assert.deepEqual(
      validPod.errors?.map((error) => [error.instancePath, error.params]),
      [['/spec/containers/0', { additionalProperty: 'imagePullPolcy' }]],
    );
  }),
);

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  createLanguageService,
  ParsedFile,
  resolveSettings,
  SplitText,
  THROWING_LOGGER,
  type DocumentModel,
} from '../../../server/src/service';
import { toJSON } from '../../../server/src/service/yaml/nodes';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A full collection after the current job: a weakly held object read in this job is kept until it ends. */
async function collected(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
}

const settings = resolveSettings({});

/** Pods with init containers, a native sidecar and probes; every fifth misspells a field, every third is a Deployment. */
function podFile(count: number): string {
  const documents: string[] = [];
  for (let index = 0; index < count; index++) {
    const pad = index % 3 === 2 ? '    ' : '';
    const spec = [
      `${pad}  initContainers:`,
      `${pad}    - name: log-shipper`,
      `${pad}      image: fluent/fluent-bit:3.1.9`,
      `${pad}      restartPolicy: Always`,
      `${pad}  containers:`,
      `${pad}    - name: app`,
      `${pad}      image: nginx:1.27.${index}`,
      ...(index % 5 === 1 ? [`${pad}      imagePullPolcy: IfNotPresent`] : []),
      `${pad}      ports: [{containerPort: ${8000 + index}}]`,
      `${pad}      resources: { requests: { cpu: 50m, memory: 128Mi }, limits: { memory: 256Mi } }`,
      `${pad}      readinessProbe:`,
      `${pad}        httpGet: { path: /healthz, port: ${8000 + index} }`,
    ];
    const name = `shop-${index}`;
    documents.push(
      (pad
        ? [
            'apiVersion: apps/v1',
            'kind: Deployment',
            `metadata: {name: ${name}}`,
            'spec:',
            `  selector: {matchLabels: {app: ${name}}}`,
            '  template:',
            `    metadata: {labels: {app: shop}}`,
            '    spec:',
            ...spec,
          ]
        : ['apiVersion: v1', 'kind: Pod', `metadata: {name: ${name}, labels: {app: shop}}`, 'spec:', ...spec]
      ).join('\n') + '\n',
    );
  }
  return documents.join('---\n');
}
const service = createLanguageService({ logger: THROWING_LOGGER });

function parsedInSteps(text: SplitText | string, previous?: ParsedFile): ParsedFile {
  const steps = service.parseFileInSteps(text, previous, settings);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** What a model says, compared by value (its tree and pods as JSON, their ranges). */
function described(model: DocumentModel) {
  return {
    root: toJSON(model.root),
    rootRange: model.root?.range,
    syntax: model.syntaxFindings,
    pods: model.pods.map((pod) => ({
      kind: pod.kind,
      name: pod.name,
      range: pod.root.range,
      containers: pod.containers.map((container) => [container.name, container.nameNode?.range]),
    })),
    resources: model.resources.map((resource) => [resource.kind, resource.root.range]),
  };
}

const SERVICE = [
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: shop}',
  'spec:',
  '  selector: {app: shop}',
  '  ports: [{port: 80, targetPort: 8000}]',
  '',
].join('\n');

describe('released document models', () => {
  it('are parsed again after a collection, giving the same trees, findings and hovers as a fresh parse', async () => {
    const text = podFile(40);
    const file = parsedInSteps(text);
    const fresh = new ParsedFile(text);
    const before = fresh.documents.map((document) => described(document.model));
    const firstPods = file.documents.map((document) => document.model.pods);
    await collected();
    // The trees were let go: the pods read now are new objects, equal to a fresh parse's.
    assert.ok(file.documents.some((document, index) => document.model.pods !== firstPods[index]));
    assert.deepEqual(
      file.documents.map((document) => described(document.model)),
      before,
    );
    assert.deepEqual(service.findings(file, settings), service.findings(fresh, settings));
    const offset = text.indexOf('restartPolicy: Always', text.length / 2);
    await collected();
    assert.deepEqual(service.hover(file, offset, settings), service.hover(fresh, offset, settings));
    assert.deepEqual(service.topologyTargets(file), service.topologyTargets(fresh));
    assert.deepEqual(service.documentSymbols(file), service.documentSymbols(fresh));
  });

  it('are kept in a file with a Service, whose ports the pods hold', async () => {
    const text = `${SERVICE}---\n${podFile(6)}`;
    const file = parsedInSteps(text);
    service.findings(file, settings);
    const pods = file.documents.map((document) => document.model.pods);
    await collected();
    assert.deepEqual(
      file.documents.map((document) => document.model.pods),
      pods,
    );
    assert.ok(file.documents.every((document, index) => document.model.pods === pods[index]));
    assert.deepEqual(service.findings(file, settings), service.findings(new ParsedFile(text), settings));
  });

  it('give the findings of a fresh parse after edits that add and remove a Service and a first pod', async () => {
    const initial = podFile(12);
    let split = SplitText.of(initial);
    let file = parsedInSteps(split);
    service.findings(file, settings);
    const edits: [at: (text: string) => number, remove: number, insert: string][] = [
      [(current) => current.indexOf('memory: 256Mi') + 'memory: 25'.length, 1, '7'],
      [() => 0, 0, `${SERVICE}---\n`],
      [(current) => current.indexOf('targetPort: 8000'), 'targetPort: 8000'.length, 'targetPort: 8005'],
      [() => 0, SERVICE.length + 4, ''],
      [(current) => current.indexOf('\n---\n') + 1, 0, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n'],
      [() => 0, 0, 'kind: Pod\napiVersion: v1\nmetadata: {name: first}\nspec: {containers: [{name: a}]}\n---\n'],
      [(current) => current.indexOf('imagePullPolcy'), 'imagePullPolcy'.length, 'imagePullPolicy'],
    ];
    for (const [at, remove, insert] of edits) {
      const start = at(split.text);
      split = split.withChange(start, start + remove, insert);
      file = parsedInSteps(split, file);
      await collected();
      assert.deepEqual(service.findings(file, settings), service.findings(new ParsedFile(split.text), settings));
    }
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParsedFile } from '../../../server/src/service';
import { yaml } from '../../support/text';

const deployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
        annotations:
          kubectl.kubernetes.io/default-container: app
      spec:
        initContainers:
        - name: migrate
          image: busybox:1.36
        - name: proxy
          image: envoyproxy/envoy:v1.34.1
          restartPolicy: Always
          ports:
          - containerPort: 15000
            name: admin
        containers:
        - name: app
          image: nginx:1.27
          env:
          - name: MODE
            value: "prod"
          volumeMounts:
          - name: data
            mountPath: /data
            readOnly: true
          livenessProbe:
            httpGet: {path: /, port: 80}
          resources:
            requests: {cpu: 100m, memory: 64Mi}
        volumes:
        - name: data
          emptyDir: {}
`;

test('finds the pod of a Deployment with containers in three groups', () => {
  const analysis = new ParsedFile(deployment);
  const [located] = analysis.pods;
  assert.ok(located);
  const pod = located.pod;
  assert.equal(pod.kind, 'Deployment');
  assert.equal(pod.name, 'web');
  assert.equal(pod.specPath, 'spec.template.spec');
  assert.deepEqual(
    pod.containers.map((c) => [c.name, c.group, c.path]),
    [
      ['migrate', 'init', 'spec.template.spec.initContainers[0]'],
      ['proxy', 'native-sidecar', 'spec.template.spec.initContainers[1]'],
      ['app', 'app', 'spec.template.spec.containers[0]'],
    ],
  );
  assert.equal(pod.labels.values.get('app'), 'web');
  assert.equal(pod.annotations.values.get('kubectl.kubernetes.io/default-container'), 'app');
  const app = pod.containers[2]!;
  assert.equal(app.env[0]!.name, 'MODE');
  assert.equal(app.env[0]!.value, 'prod');
  assert.deepEqual(
    app.volumeMounts.map((m) => [m.name, m.mountPath, m.readOnly]),
    [['data', '/data', true]],
  );
  assert.deepEqual(
    app.probes.map((p) => p.kind),
    ['livenessProbe'],
  );
  assert.equal(app.resources.requests?.values.get('cpu')?.text, '100m');
  assert.equal(pod.containers[1]!.ports[0]!.containerPort, 15000);
  assert.equal(pod.containers[1]!.ports[0]!.protocol, 'TCP');
  assert.deepEqual(
    pod.volumes.map((v) => [v.name, v.type]),
    [['data', 'emptyDir']],
  );
});

test('ranges point at the exact key and value text', () => {
  const analysis = new ParsedFile(deployment);
  const pod = analysis.pods[0]!.pod;
  const proxy = pod.containers[1]!;
  const slice = (r: { start: number; end: number }) => deployment.slice(r.start, r.end);
  assert.equal(slice(proxy.nameNode!.range), 'proxy');
  assert.equal(slice(proxy.restartPolicyPair!.key.range), 'restartPolicy');
  assert.equal(slice(proxy.restartPolicyPair!.value!.range), 'Always');
  assert.equal(slice(proxy.ports[0]!.containerPortNode!.range), '15000');
  assert.equal(slice(pod.kindPair.value!.range), 'Deployment');
});

test('recognises every pod-bearing kind by apiVersion and kind, and List items', () => {
  const text = yaml`
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: nightly}
    spec:
      schedule: "0 0 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers: [{name: job, image: busybox:1.36}]
    ---
    apiVersion: v1
    kind: List
    items:
    - apiVersion: v1
      kind: PodTemplate
      metadata: {name: t}
      template:
        spec:
          containers: [{name: a, image: busybox:1.36}]
    - apiVersion: v1
      kind: Service
      metadata: {name: s}
    ---
    apiVersion: example.com/v1
    kind: Pod
    spec: {}
    ---
    apiVersion: v1
    kind: ConfigMap
  `;
  const analysis = new ParsedFile(text);
  assert.deepEqual(
    analysis.pods.map(({ pod, document }) => [pod.kind, pod.specPath, document.index]),
    [
      ['CronJob', 'spec.jobTemplate.spec.template.spec', 0],
      ['PodTemplate', 'template.spec', 1],
    ],
  );
  assert.equal(analysis.pods[0]!.pod.restartPolicy, 'OnFailure');
  assert.deepEqual(
    analysis.documents[1]!.model.resources.map((r) => r.pathPrefix),
    [
      ['items', 0],
      ['items', 1],
    ],
  );
});

test('an unchanged document keeps its model when another document is edited', () => {
  const first = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a, image: x:1}]\n';
  const second = '---\napiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: b, image: y:1}]\n';
  const before = new ParsedFile(first + second);
  const after = new ParsedFile(first.replace('x:1', 'x:2') + second, before);
  assert.notEqual(after.documents[0]!.model, before.documents[0]!.model);
  assert.equal(after.documents[1]!.model, before.documents[1]!.model);
  assert.equal(after.documents[1]!.offset, before.documents[1]!.offset);
});

test('YAML 1.1 scalars are read as Kubernetes reads them', () => {
  const analysis = new ParsedFile(
    'apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n  - name: c\n    configMap: {name: c, defaultMode: 0644}\n  containers: [{name: a, image: x:1, tty: yes}]\n',
  );
  const pod = analysis.pods[0]!.pod;
  const configMap = pod.volumes[0]!.sources[0]!.value;
  assert.equal(configMap?.kind, 'map');
  const mode = configMap.kind === 'map' ? configMap.pairs.find((p) => p.key.value === 'defaultMode')?.value : undefined;
  assert.equal(mode?.kind === 'scalar' ? mode.value : undefined, 0o644);
  const tty = pod.containers[0]!.map!.pairs.find((p) => p.key.value === 'tty')?.value;
  assert.equal(tty?.kind === 'scalar' ? tty.value : undefined, true);
});

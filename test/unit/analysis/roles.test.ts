import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, lintText, ParsedFile } from '../../../server/src/service';
import { analyzePod } from '../../../server/src/service/analysis/analyzePod';
import { parseRolesAnnotation } from '../../../server/src/service/analysis/roles';
import { analysisOf, rolesOf } from './podFrom';

const pod = (annotations: string, body: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
${annotations ? `  annotations:\n${annotations}\n` : ''}spec:
${body}
`;

test('the roles annotation wins over names and wiring', () => {
  const analysis = analysisOf(
    pod(
      '    pod-patterns.dev/roles: "gateway=ambassador, stats=adapter,app=main"',
      `  containers:
  - name: log-agent
    image: example.com/a:1
  - name: app
    image: example.com/b:1
  - name: gateway
    image: example.com/c:1
  - name: stats
    image: example.com/proxy:1`,
    ),
  );
  assert.deepEqual(rolesOf(analysis), { 'log-agent': 'sidecar', app: 'main', gateway: 'ambassador', stats: 'adapter' });
  assert.deepEqual(analysis.roles[2]!.reasons, ['the pod-patterns.dev/roles annotation says so']);
  assert.deepEqual([...parseRolesAnnotation('a=adapter,b=unknown,=main,c')], [['a', 'adapter']]);
});

test('main is the default-container, else the app container with the most evidence', () => {
  const byAnnotation = analysisOf(
    pod(
      '    kubectl.kubernetes.io/default-container: api',
      '  containers:\n  - name: web\n    image: nginx:1\n  - name: api\n    image: example.com/api:1',
    ),
  );
  assert.deepEqual(rolesOf(byAnnotation), { web: 'sidecar', api: 'main' });
  assert.equal(byAnnotation.main?.name, 'api');
  const injectedFirst = analysisOf(
    pod(
      '',
      '  containers:\n  - name: istio-proxy\n    image: docker.io/istio/proxyv2:1.22.0\n  - name: shop\n    image: example.com/shop:1',
    ),
  );
  // The mesh proxy is a way in as much as out: a sidecar, never the main container.
  assert.deepEqual(rolesOf(injectedFirst), { 'istio-proxy': 'sidecar', shop: 'main' });
  assert.deepEqual(injectedFirst.roles[1]!.reasons, [
    'the other app containers are helpers (istio-proxy: its image is the Istio mesh proxy)',
  ]);
});

test('images of the catalogue outweigh names; names decide only when nothing else speaks', () => {
  const analysis = analysisOf(
    pod(
      '',
      `  initContainers:
  - name: setup
    image: busybox:1
  - name: mesh
    image: envoyproxy/envoy:v1.31.0
    restartPolicy: Always
  containers:
  - name: app
    image: example.com/app:1
  - name: log-exporter-sidecar
    image: example.com/x:1
  - name: metrics
    image: quay.io/prometheus/node-exporter:v1.8.2
  - name: db
    image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0
  - name: shipper
    image: fluent/fluent-bit:3.1
  - name: helper
    image: example.com/helper:1`,
    ),
  );
  assert.deepEqual(rolesOf(analysis), {
    setup: 'init',
    mesh: 'native-sidecar',
    app: 'main',
    'log-exporter-sidecar': 'sidecar',
    metrics: 'adapter',
    db: 'ambassador',
    shipper: 'sidecar',
    helper: 'sidecar',
  });
  const reasonsOf = (name: string) => analysis.roles.find((entry) => entry.container.name === name)!.reasons;
  assert.deepEqual(reasonsOf('metrics'), [
    "a Prometheus exporter (prometheus/node-exporter): turns the app's state into Prometheus metrics",
  ]);
  assert.deepEqual(reasonsOf('log-exporter-sidecar'), ['its name says "sidecar"']);
  // Nothing ties "helper" to the app: its sidecar role is a default, and its reason says so.
  assert.match(reasonsOf('helper')[0]!, /^nothing ties it to app \(no shared volume, no localhost address\)/);
  // A native sidecar keeps its role and records the pattern it plays: Envoy with no wiring is a sidecar.
  assert.equal(analysis.roles.find((entry) => entry.container.name === 'mesh')!.pattern, 'sidecar');
  assert.equal(analysis.roles.find((entry) => entry.container.name === 'setup')!.pattern, undefined);
});

test('wiring: the main container reaching a helper makes it an ambassador', () => {
  const analysis = analysisOf(
    pod(
      '',
      '  containers:\n  - name: app\n    image: example.com/app:1\n    env:\n    - name: UPSTREAM\n      value: http://localhost:9000/api\n  - name: gate\n    image: example.com/gate:1\n    ports:\n    - containerPort: 9000',
    ),
  );
  assert.equal(analysis.roleOf(analysis.roles[1]!.container), 'ambassador');
  assert.deepEqual(analysis.roles[1]!.reasons, ["forwards app's calls to http://localhost:9000"]);
  assert.deepEqual(analysis.roles[0]!.reasons, ['calls gate on http://localhost:9000', 'named "app"']);
});

test('wiring: a helper reading the main container over localhost and serving a port is an adapter', () => {
  const analysis = analysisOf(
    pod(
      '',
      '  containers:\n  - name: app\n    image: example.com/app:1\n    ports:\n    - containerPort: 8080\n  - name: conv\n    image: example.com/conv:1\n    args: ["--source=http://127.0.0.1:8080/stats", "--listen=:9102"]',
    ),
  );
  assert.deepEqual(rolesOf(analysis), { app: 'main', conv: 'adapter' });
  assert.deepEqual(analysis.roles[1]!.reasons, [
    "reads app's http://127.0.0.1:8080 (--source) and serves it in its own format on :9102",
  ]);
});

test("wiring: a helper reading the main container's file from a shared volume and writing another is an adapter", () => {
  const analysis = analysisOf(
    pod(
      '',
      `  volumes:
  - name: logs
    emptyDir: {}
  containers:
  - name: app
    image: example.com/app:1
    args: ["--log-file=/var/log/app/out.log"]
    volumeMounts:
    - name: logs
      mountPath: /var/log/app
  - name: conv
    image: example.com/conv:1
    command: ["sh", "-c", "tail -F /in/out.log | jq -c . > /in/out.json"]
    volumeMounts:
    - name: logs
      mountPath: /in`,
    ),
  );
  assert.deepEqual(rolesOf(analysis), { app: 'main', conv: 'adapter' });
  assert.deepEqual(analysis.roles[1]!.reasons, ['reads /in/out.log, which app writes, and writes /in/out.json']);
});

test('a helper that only serves a shared volume stays a sidecar', () => {
  const analysis = analysisOf(
    pod(
      '',
      '  volumes:\n  - name: www\n    emptyDir: {}\n  containers:\n  - name: app\n    image: example.com/app:1\n    volumeMounts:\n    - {name: www, mountPath: /out}\n  - name: web\n    image: nginx:1\n    ports:\n    - containerPort: 80\n    volumeMounts:\n    - {name: www, mountPath: /usr/share/nginx/html}',
    ),
  );
  assert.deepEqual(rolesOf(analysis), { app: 'main', web: 'sidecar' });
});

test('an auth proxy listed first is an inbound sidecar, not the main container; it reaches the manager on the port its bind flag reveals', () => {
  const analysis = analysisOf(
    pod(
      '',
      `  containers:
  - name: kube-rbac-proxy
    image: quay.io/brancz/kube-rbac-proxy:v0.18.1
    args: ["--secure-listen-address=0.0.0.0:8443", "--upstream=http://127.0.0.1:8080/"]
  - name: manager
    image: example.com/operator:0.9.0
    args: ["--metrics-bind-address=127.0.0.1:8080"]`,
    ),
  );
  assert.deepEqual(rolesOf(analysis), { 'kube-rbac-proxy': 'sidecar', manager: 'main' });
  assert.deepEqual(
    analysis.links.map((link) => [link.from.name, link.to?.name, link.port]),
    [['kube-rbac-proxy', 'manager', 8080]],
  );
});

test('a Service in another document of the file decides the main container, and editing it updates the roles', () => {
  const podText = `apiVersion: v1
kind: Pod
metadata:
  name: p
  labels: {app: shop}
spec:
  containers:
  - name: ui
    image: example.com/ui:1
    ports:
    - containerPort: 3000
  - name: api
    image: example.com/api:1
    ports:
    - containerPort: 8080
`;
  const service = (targetPort: number) =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  selector: {app: shop}\n  ports:\n  - port: 80\n    targetPort: ${targetPort}\n`;
  const mainOf = (file: ParsedFile) => analyzePod(file.pods[0]!.pod).main?.name;
  const first = new ParsedFile(`${podText}---\n${service(8080)}`);
  assert.equal(mainOf(first), 'api');
  assert.deepEqual(analyzePod(first.pods[0]!.pod).roles[1]!.reasons, [
    'receives the Service "shop"\'s traffic on :8080',
  ]);
  first.findings(DEFAULT_SETTINGS);
  // The pod's document is reused as it is; only the Service changed.
  const second = new ParsedFile(`${podText}---\n${service(3000)}`, first);
  assert.equal(second.pods[0]!.pod, first.pods[0]!.pod);
  assert.equal(mainOf(second), 'ui');
  const third = new ParsedFile(podText, second);
  assert.equal(mainOf(third), 'ui');
  assert.match(
    analyzePod(third.pods[0]!.pod).roles[0]!.reasons[0]!,
    /^first app container; nothing in the pod shows which container is the app/,
  );
});

test('the CLI sees the Services of the file too, in any document order, in Lists and with CRLF line ends', () => {
  // Each calls the other: only the Service says which is main, and sidecar-start-order follows main's calls.
  const pod =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: shop}\nspec:\n  containers:\n  - name: ui\n    image: example.com/ui:1\n    env: [{name: API_URL, value: "http://localhost:8080"}]\n    ports: [{containerPort: 3000}]\n' +
    '  - name: api\n    image: example.com/api:1\n    env: [{name: UI_URL, value: "http://localhost:3000"}]\n    ports: [{containerPort: 8080}]\n';
  const list =
    'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: shop}\n  spec:\n    selector: {app: shop}\n    ports: [{port: 80, targetPort: 8080}]\n';
  for (const text of [`${pod}---\n${list}`, `${list}---\n${pod}`, `${pod}---\n${list}`.replace(/\n/g, '\r\n')]) {
    const fromEditor = new ParsedFile(text).findings(DEFAULT_SETTINGS);
    const fromCli = lintText(text, DEFAULT_SETTINGS).findings;
    assert.deepEqual(
      fromCli.map((finding) => finding.message),
      fromEditor.map((finding) => finding.message),
    );
    assert.deepEqual(
      fromCli
        .filter((finding) => finding.code === 'sidecar-start-order')
        .map((finding) => finding.message.slice(0, 40)),
      ['"api" reaches "ui" on http://localhost:3'],
    );
    assert.equal(analyzePod(new ParsedFile(text).pods[0]!.pod).main?.name, 'api');
  }
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParsedFile, resolveSettings } from '../../../server/src/service';
import {
  attachFindings,
  nodeAtOffset,
  resolveTarget,
  shortImage,
  targetAt,
  topologyTargets,
  type TopologyNode,
} from '../../../server/src/service/topology';
import { graphOf, nodeByLabel, readFixture } from './support';

describe('topology graph', () => {
  it('numbers init containers in order and chains them to the main container', () => {
    const graph = graphOf(readFixture('native-sidecar-deployment.yaml'));
    const migrate = nodeByLabel(graph, 'migrate');
    const proxy = nodeByLabel(graph, 'mesh-proxy');
    const api = nodeByLabel(graph, 'api');
    assert.equal(migrate.role, 'init');
    assert.equal(migrate.order, 1);
    assert.equal(proxy.role, 'native-sidecar');
    assert.equal(proxy.order, 2);
    assert.equal(api.order, undefined);
    const sequence = graph.edges
      .filter((edge) => edge.kind === 'sequence')
      .map((edge) => [edge.from, edge.to, edge.label]);
    assert.deepEqual(sequence, [
      [migrate.id, proxy.id, 'then'],
      [proxy.id, api.id, 'started'],
    ]);
  });

  it('shows images short, ports as declared, volumes by type and read-only mounts', () => {
    const graph = graphOf(readFixture('native-sidecar-deployment.yaml'));
    const api = nodeByLabel(graph, 'api');
    assert.equal(api.shortImage, 'api@sha256:4b6f1c1e…');
    assert.deepEqual(api.ports, ['http:8080/TCP']);
    assert.equal(nodeByLabel(graph, 'migrate').shortImage, 'migrate:2.4.1');
    assert.deepEqual(
      graph.nodes.filter((node) => node.kind === 'volume').map((node) => [node.label, node.volumeType]),
      [
        ['proxy-config', 'configMap'],
        ['credentials', 'secret'],
        ['reports', 'persistentVolumeClaim'],
      ],
    );
    const mounts = graph.edges
      .filter((edge) => edge.kind === 'mount')
      .map((edge) => [edge.from, edge.label, edge.readOnly]);
    assert.deepEqual(mounts, [
      [nodeByLabel(graph, 'mesh-proxy').id, '/etc/envoy', true],
      [api.id, '/etc/credentials', true],
      [api.id, '/var/reports', true],
    ]);
  });

  it('points a Service at the container that declares its target port, by name or number', () => {
    const graph = graphOf(readFixture('native-sidecar-deployment.yaml'));
    const service = graph.nodes.find((node) => node.kind === 'service')!;
    assert.equal(service.label, 'orders');
    assert.deepEqual(
      graph.edges.filter((edge) => edge.kind === 'service').map((edge) => [edge.from, edge.to, edge.label]),
      [[service.id, nodeByLabel(graph, 'api').id, 'port 80 → http']],
    );
    // The example's port 80 is declared by no container: traffic goes to the pod, not to a guessed container.
    const gitSync = graphOf(readFixture('01-init-git-sync.yaml'));
    assert.deepEqual(
      gitSync.edges.filter((edge) => edge.kind === 'service').map((edge) => [edge.to, edge.label]),
      [['pod', 'port 80']],
    );
  });

  it('leaves out Services whose selector does not match the pod labels', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: a, labels: {app: a}}
spec:
  containers: [{name: c, image: nginx}]
---
apiVersion: v1
kind: Service
metadata: {name: other}
spec:
  selector: {app: b}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: headless-everything}
spec:
  ports: [{port: 80}]
`;
    assert.deepEqual(
      graphOf(text).nodes.filter((node) => node.kind === 'service'),
      [],
    );
  });

  it('gives every node its source range as offsets and positions', () => {
    const text = readFixture('01-init-git-sync.yaml');
    const graph = graphOf(text);
    const web = nodeByLabel(graph, 'web');
    assert.ok(text.slice(web.range!.start, web.range!.end).startsWith('image: nginx'));
    assert.deepEqual(web.range!.startPosition, {
      line: text.slice(0, web.range!.start).split('\n').length - 1,
      character: 4,
    });
    const service = graph.nodes.find((node) => node.kind === 'service')!;
    assert.ok(text.slice(service.range!.start, service.range!.end).startsWith('apiVersion: v1\nkind: Service'));
  });

  it('lists the pods of a multi-document file and picks the one under the cursor', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: first}
spec: {containers: [{name: a, image: nginx}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
---
apiVersion: batch/v1
kind: Job
metadata: {name: second}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: b, image: busybox}]
`;
    const file = new ParsedFile(text);
    const targets = topologyTargets(file);
    assert.deepEqual(
      targets.map((target) => [target.label, target.documentIndex]),
      [
        ['Pod first (document 1)', 0],
        ['Job second (document 3)', 2],
      ],
    );
    assert.equal(targetAt(file, text.indexOf('busybox'))?.label, 'Job second (document 3)');
    assert.equal(targetAt(file, text.indexOf('first'))?.label, 'Pod first (document 1)');
    assert.equal(targetAt(file, text.indexOf('settings'))?.label, 'Pod first (document 1)');
    assert.equal(resolveTarget(file, { documentIndex: 2, podIndex: 0 })?.label, 'Job second (document 3)');
    assert.equal(resolveTarget(file, { documentIndex: 7, podIndex: 0 })?.label, 'Pod first (document 1)');
    const job = graphOf(text, 1);
    assert.equal(job.pod.kind, 'Job');
    assert.equal(job.nodes.find((node) => node.kind === 'container')?.label, 'b');
  });

  it('puts a badge with count and worst severity on the node a finding is in', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: dup}
spec:
  containers:
  - name: a
    image: nginx
    image: nginx:1.27
  - name: b
    image: busybox
`;
    const graph = graphOf(text);
    const file = new ParsedFile(text);
    const findings = file.findings(resolveSettings({}));
    const a = nodeByLabel(graph, 'a');
    const b = nodeByLabel(graph, 'b');
    const inside = (range: { start: number; end: number }) =>
      findings.filter((finding) => range.start <= finding.range.start && finding.range.start <= range.end);
    assert.equal(a.findings?.worst, 'error');
    assert.equal(a.findings?.codes[0], 'duplicate-key');
    assert.equal(a.findings?.count, inside(a.range!).length);
    assert.ok(!b.findings?.codes.includes('duplicate-key'));
    assert.equal(b.findings?.count ?? 0, inside(b.range!).length);
  });

  it('counts findings per node and keeps the worst severity', () => {
    const nodes: TopologyNode[] = [
      { id: 'pod', kind: 'pod', label: 'p', range: range(0, 100) },
      { id: 'container:0', kind: 'container', label: 'c', range: range(10, 40) },
      { id: 'volume:0', kind: 'volume', label: 'v', range: range(50, 60) },
      { id: 'endpoint:0', kind: 'endpoint', label: 'e', range: range(20, 30) },
    ];
    const finding = (start: number, severity: 'error' | 'warning' | 'hint', code: string, documentIndex = 0) => ({
      code,
      severity,
      message: '',
      range: { start, end: start + 1 },
      documentIndex,
    });
    const badged = attachFindings(
      nodes,
      [
        finding(12, 'hint', 'a'),
        finding(25, 'warning', 'b'),
        finding(13, 'hint', 'a'),
        finding(55, 'error', 'c'),
        finding(5, 'warning', 'd'),
        finding(55, 'error', 'x', 1),
      ],
      0,
    );
    assert.deepEqual(
      Object.fromEntries(badged.filter((node) => node.findings).map((node) => [node.id, node.findings])),
      {
        pod: { count: 1, worst: 'warning', codes: ['d'] },
        // An endpoint is not a place findings go: the container holding the reference takes it.
        'container:0': { count: 3, worst: 'warning', codes: ['a', 'b'] },
        'volume:0': { count: 1, worst: 'error', codes: ['c'] },
      },
    );
    assert.equal(nodeAtOffset(nodes, 25)?.id, 'endpoint:0');
    assert.equal(nodeAtOffset(nodes, 45)?.id, 'pod');
    assert.equal(nodeAtOffset(nodes, 150), undefined);
  });

  it('shortens image references without losing the tag', () => {
    assert.equal(shortImage('nginx'), 'nginx');
    assert.equal(shortImage('k8s.gcr.io/git-sync:v3.1.5'), 'git-sync:v3.1.5');
    assert.equal(shortImage('localhost:5000/team/app:1.0'), 'app:1.0');
    assert.equal(shortImage('ghcr.io/a/b@sha256:0123456789abcdef0123'), 'b@sha256:01234567…');
  });

  it('draws a pod with no containers or volumes without failing', () => {
    const graph = graphOf('apiVersion: v1\nkind: Pod\nmetadata: {name: empty}\nspec: {}\n');
    assert.deepEqual(
      graph.nodes.map((node) => node.kind),
      ['pod'],
    );
    assert.deepEqual(graph.edges, []);
  });
});

function range(start: number, end: number) {
  return { start, end, startPosition: { line: 0, character: start }, endPosition: { line: 0, character: end } };
}

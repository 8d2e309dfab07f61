import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HELPER_IMAGES, helperImageOf, imageRepository } from '../../../server/src/service/analysis/helperImages';
import { analysisOf, rolesOf } from './podFrom';

/**
 * One real image reference per catalogue entry (as published by its project), the words
 * its command needs, and the pattern the container must get when nothing but its image
 * speaks: listed first, under a name without helper words, beside a plain app.
 */
const CASES: Readonly<Record<string, { image: string; args?: string[]; pattern: string }>> = {
  'istio-proxy': { image: 'docker.io/istio/proxyv2:1.22.3', pattern: 'sidecar' },
  'linkerd-proxy': { image: 'cr.l5d.io/linkerd/proxy:edge-24.8.2', pattern: 'sidecar' },
  envoy: { image: 'envoyproxy/envoy:v1.31.0', pattern: 'sidecar' },
  'esp-v2': { image: 'gcr.io/endpoints-release/endpoints-runtime:2', pattern: 'sidecar' },
  'oauth2-proxy': { image: 'quay.io/oauth2-proxy/oauth2-proxy:v7.6.0', pattern: 'sidecar' },
  'kube-rbac-proxy': { image: 'quay.io/brancz/kube-rbac-proxy:v0.18.1', pattern: 'sidecar' },
  ghostunnel: { image: 'ghostunnel/ghostunnel:v1.8.1', pattern: 'sidecar' },
  'contour-shutdown-manager': {
    image: 'ghcr.io/projectcontour/contour:v1.30.0',
    args: ['envoy', 'shutdown-manager'],
    pattern: 'sidecar',
  },
  daprd: { image: 'docker.io/daprio/daprd:1.14.1', pattern: 'sidecar' },
  'cloud-sql-proxy': { image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.4', pattern: 'ambassador' },
  'alloydb-auth-proxy': { image: 'gcr.io/alloydb-connectors/alloydb-auth-proxy:1.10.2', pattern: 'ambassador' },
  pgbouncer: { image: 'bitnami/pgbouncer:1.23.1', pattern: 'ambassador' },
  twemproxy: { image: 'docker.io/example/twemproxy:0.5.0', pattern: 'ambassador' },
  mcrouter: { image: 'docker.io/example/mcrouter:2024.07', pattern: 'ambassador' },
  proxysql: { image: 'proxysql/proxysql:2.6.3', pattern: 'ambassador' },
  'aws-sigv4-proxy': { image: 'public.ecr.aws/aws-observability/aws-sigv4-proxy:1.8', pattern: 'ambassador' },
  'fluent-bit': { image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.6', pattern: 'sidecar' },
  fluentd: { image: 'fluent/fluentd:v1.17-1', pattern: 'sidecar' },
  vector: { image: 'timberio/vector:0.40.1-debian', pattern: 'sidecar' },
  promtail: { image: 'grafana/promtail:3.1.1', pattern: 'sidecar' },
  filebeat: { image: 'docker.elastic.co/beats/filebeat:8.15.0', pattern: 'sidecar' },
  'otel-collector': { image: 'otel/opentelemetry-collector-contrib:0.108.0', pattern: 'sidecar' },
  'jaeger-agent': { image: 'jaegertracing/jaeger-agent:1.60.0', pattern: 'sidecar' },
  'datadog-agent': { image: 'gcr.io/datadoghq/agent:7.57.0', pattern: 'sidecar' },
  'xray-daemon': { image: 'amazon/aws-xray-daemon:3.3.13', pattern: 'sidecar' },
  'git-sync': { image: 'registry.k8s.io/git-sync/git-sync:v4.2.4', pattern: 'sidecar' },
  'vault-agent': {
    image: 'hashicorp/vault:1.17.3',
    args: ['agent', '-config=/vault/config/agent.hcl'],
    pattern: 'sidecar',
  },
  'consul-template': { image: 'hashicorp/consul-template:0.39.1', pattern: 'sidecar' },
  'configmap-reload': { image: 'ghcr.io/jimmidyson/configmap-reload:v0.13.1', pattern: 'sidecar' },
  'prometheus-config-reloader': {
    image: 'quay.io/prometheus-operator/prometheus-config-reloader:v0.76.0',
    pattern: 'sidecar',
  },
  'k8s-sidecar': { image: 'quay.io/kiwigrid/k8s-sidecar:1.27.5', pattern: 'sidecar' },
  'prometheus-exporter': { image: 'quay.io/prometheuscommunity/postgres-exporter:v0.15.0', pattern: 'adapter' },
};

test('every catalogue entry has a case, a unique id and names its upstream project', () => {
  assert.deepEqual(
    HELPER_IMAGES.map((entry) => entry.id).filter((id) => !CASES[id]),
    [],
  );
  assert.equal(new Set(HELPER_IMAGES.map((entry) => entry.id)).size, HELPER_IMAGES.length);
  for (const entry of HELPER_IMAGES) assert.match(entry.upstream, /^[\w.-]+\/[\w.-]+/, entry.id);
});

for (const entry of HELPER_IMAGES) {
  const sample = CASES[entry.id];
  test(`helper image ${entry.id}: ${sample?.image}`, () => {
    assert.ok(sample, `a case for ${entry.id}`);
    assert.equal(helperImageOf(sample.image, sample.args)?.id, entry.id);
    const args = sample.args ? `\n    args: ${JSON.stringify(sample.args)}` : '';
    const analysis = analysisOf(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: helper
    image: ${sample.image}${args}
  - name: svc
    image: example.com/svc:1.0.0
`);
    assert.deepEqual(rolesOf(analysis), { helper: sample.pattern, svc: 'main' });
    assert.match(analysis.roles[0]!.evidence, new RegExp(`${entry.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`));
  });
}

test('entries that need a word in the command do not match without it', () => {
  assert.equal(helperImageOf('hashicorp/vault:1.17.3', ['server'])?.id, undefined);
  assert.equal(helperImageOf('ghcr.io/projectcontour/contour:v1.30.0', ['serve'])?.id, undefined);
  assert.equal(helperImageOf('example.com/app:1'), undefined);
  assert.equal(helperImageOf('example.com/exporter-ui:1'), undefined);
});

test('image repositories drop registry, tag and digest', () => {
  assert.equal(imageRepository('registry.k8s.io/git-sync/git-sync:v4.2.4'), 'git-sync/git-sync');
  assert.equal(imageRepository('localhost:5000/Team/App@sha256:abc'), 'team/app');
  assert.equal(imageRepository('nginx'), 'nginx');
});

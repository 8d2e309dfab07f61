/**
 * Well-known helper images and the part they play in a pod, written by us from each
 * project's own documentation. An image is strong evidence of what a container does, but
 * wiring can still overrule it (an Envoy in front of the app is a sidecar, one the app
 * calls out through is an ambassador), and the `pod-patterns.dev/roles` annotation
 * overrules everything.
 *
 * Every entry has a test of its own in test/unit/analysis/helperImages.test.ts.
 */

export type HelperPattern = 'sidecar' | 'adapter' | 'ambassador';

export interface HelperImage {
  /** A short stable id, used in tests and docs. */
  readonly id: string;
  /** What to call it in reasons: "the Istio mesh proxy". */
  readonly title: string;
  /** The upstream project (GitHub owner/name) that publishes the image. */
  readonly upstream: string;
  /**
   * Image repositories without registry host or tag, matched as whole trailing path
   * segments: `istio/proxyv2` matches `docker.io/istio/proxyv2:1.22` and
   * `gcr.io/istio-release/proxyv2` only through its own entry.
   */
  readonly repositories: readonly string[];
  /** Last path segments ending like this match too (`-exporter` for Prometheus exporters). */
  readonly lastSegmentSuffixes?: readonly string[];
  /** The entry applies only when command or args hold this word (`agent` for the Vault image). */
  readonly requiresWord?: string;
  readonly pattern: HelperPattern;
  /**
   * `either`: the image works in both directions (Envoy, ghostunnel): `pattern` is only the
   * fallback and the traffic direction decides.
   */
  readonly direction?: 'either';
  /** What the helper does, completing "the container is …". */
  readonly does: string;
  /** For ambassadors: where it forwards the main container's calls ("a Cloud SQL instance"). */
  readonly forwardsTo?: string;
  /** It writes into a volume it shares with the main container (git-sync, Vault Agent). */
  readonly writesVolume?: boolean;
}

export const HELPER_IMAGES: readonly HelperImage[] = [
  // Service meshes and inbound proxies: traffic comes in through them to the app.
  {
    id: 'istio-proxy',
    title: 'the Istio mesh proxy',
    upstream: 'istio/istio',
    repositories: ['istio/proxyv2', 'istio-release/proxyv2'],
    pattern: 'sidecar',
    does: "the pod's traffic in and out is redirected through it",
  },
  {
    id: 'linkerd-proxy',
    title: 'the Linkerd mesh proxy',
    upstream: 'linkerd/linkerd2-proxy',
    repositories: ['linkerd/proxy', 'linkerd-io/proxy'],
    pattern: 'sidecar',
    does: "the pod's traffic in and out is redirected through it",
  },
  {
    id: 'envoy',
    title: 'Envoy',
    upstream: 'envoyproxy/envoy',
    repositories: ['envoyproxy/envoy', 'envoyproxy/envoy-distroless', 'envoyproxy/envoy-alpine'],
    pattern: 'sidecar',
    direction: 'either',
    does: 'a proxy in front of the app or on its way out, as its wiring says',
  },
  {
    id: 'esp-v2',
    title: 'the Cloud Endpoints ESPv2 proxy',
    upstream: 'GoogleCloudPlatform/esp-v2',
    repositories: ['endpoints-release/endpoints-runtime', 'endpoints-release/endpoints-runtime-serverless'],
    pattern: 'sidecar',
    does: 'an API gateway in front of the app',
  },
  {
    id: 'oauth2-proxy',
    title: 'oauth2-proxy',
    upstream: 'oauth2-proxy/oauth2-proxy',
    repositories: ['oauth2-proxy/oauth2-proxy', 'pusher/oauth2_proxy'],
    pattern: 'sidecar',
    does: 'an authenticating proxy in front of the app',
  },
  {
    id: 'kube-rbac-proxy',
    title: 'kube-rbac-proxy',
    upstream: 'brancz/kube-rbac-proxy',
    repositories: ['brancz/kube-rbac-proxy', 'kubebuilder/kube-rbac-proxy'],
    pattern: 'sidecar',
    does: "an authorizing proxy in front of the app's endpoint",
  },
  {
    id: 'ghostunnel',
    title: 'ghostunnel',
    upstream: 'ghostunnel/ghostunnel',
    repositories: ['ghostunnel/ghostunnel', 'squareup/ghostunnel'],
    pattern: 'sidecar',
    direction: 'either',
    does: "a TLS tunnel: in server mode in front of the app, in client mode on the app's way out",
  },
  {
    id: 'contour-shutdown-manager',
    title: "Contour's shutdown manager",
    upstream: 'projectcontour/contour',
    repositories: ['projectcontour/contour'],
    requiresWord: 'shutdown-manager',
    pattern: 'sidecar',
    does: 'drains Envoy before the pod stops',
  },
  {
    id: 'daprd',
    title: 'the Dapr runtime',
    upstream: 'dapr/dapr',
    repositories: ['daprio/daprd'],
    pattern: 'sidecar',
    does: 'serves the building-block API the app calls and delivers events to it',
  },
  // Ambassadors: the app calls localhost and they carry the call to an outside system.
  {
    id: 'cloud-sql-proxy',
    title: 'the Cloud SQL Auth Proxy',
    upstream: 'GoogleCloudPlatform/cloud-sql-proxy',
    repositories: ['cloud-sql-connectors/cloud-sql-proxy', 'cloudsql-docker/gce-proxy'],
    pattern: 'ambassador',
    does: 'a local door to a Cloud SQL database',
    forwardsTo: 'a Cloud SQL instance',
  },
  {
    id: 'alloydb-auth-proxy',
    title: 'the AlloyDB Auth Proxy',
    upstream: 'GoogleCloudPlatform/alloydb-auth-proxy',
    repositories: ['alloydb-connectors/alloydb-auth-proxy'],
    pattern: 'ambassador',
    does: 'a local door to an AlloyDB database',
    forwardsTo: 'an AlloyDB instance',
  },
  {
    id: 'pgbouncer',
    title: 'PgBouncer',
    upstream: 'pgbouncer/pgbouncer',
    repositories: ['pgbouncer/pgbouncer', 'bitnami/pgbouncer', 'edoburu/pgbouncer', 'cloudnative-pg/pgbouncer'],
    pattern: 'ambassador',
    does: 'a PostgreSQL connection pooler',
    forwardsTo: 'the PostgreSQL server, pooling connections',
  },
  {
    id: 'twemproxy',
    title: 'twemproxy',
    upstream: 'twitter/twemproxy',
    repositories: ['twemproxy', 'nutcracker'],
    pattern: 'ambassador',
    does: 'a proxy to a pool of Redis or memcached servers',
    forwardsTo: 'a sharded pool of Redis or memcached servers',
  },
  {
    id: 'mcrouter',
    title: 'mcrouter',
    upstream: 'facebook/mcrouter',
    repositories: ['mcrouter'],
    pattern: 'ambassador',
    does: 'a memcached router',
    forwardsTo: 'a pool of memcached servers',
  },
  {
    id: 'proxysql',
    title: 'ProxySQL',
    upstream: 'sysown/proxysql',
    repositories: ['proxysql/proxysql'],
    pattern: 'ambassador',
    does: 'a MySQL proxy',
    forwardsTo: 'the MySQL servers behind it',
  },
  {
    id: 'aws-sigv4-proxy',
    title: 'the AWS SigV4 proxy',
    upstream: 'awslabs/aws-sigv4-proxy',
    repositories: ['aws-sigv4-proxy'],
    pattern: 'ambassador',
    does: 'signs requests to AWS services',
    forwardsTo: 'an AWS service, signing each request',
  },
  // Log shippers: read what the app writes and send it elsewhere.
  {
    id: 'fluent-bit',
    title: 'the Fluent Bit log shipper',
    upstream: 'fluent/fluent-bit',
    repositories: ['fluent-bit'],
    pattern: 'sidecar',
    does: "ships the app's logs",
  },
  {
    id: 'fluentd',
    title: 'the Fluentd log shipper',
    upstream: 'fluent/fluentd',
    repositories: ['fluentd', 'fluentd-kubernetes-daemonset', 'fluentd-gcp', 'fluentd-elasticsearch'],
    pattern: 'sidecar',
    does: "ships the app's logs",
  },
  {
    id: 'vector',
    title: 'the Vector log shipper',
    upstream: 'vectordotdev/vector',
    repositories: ['timberio/vector'],
    pattern: 'sidecar',
    does: "ships the app's logs",
  },
  {
    id: 'promtail',
    title: 'Promtail',
    upstream: 'grafana/loki',
    repositories: ['grafana/promtail'],
    pattern: 'sidecar',
    does: "ships the app's logs to Loki",
  },
  {
    id: 'filebeat',
    title: 'Filebeat',
    upstream: 'elastic/beats',
    repositories: ['beats/filebeat', 'elastic/filebeat'],
    pattern: 'sidecar',
    does: "ships the app's logs",
  },
  // Telemetry agents: the app sends them what it measures; they send it on.
  {
    id: 'otel-collector',
    title: 'the OpenTelemetry Collector',
    upstream: 'open-telemetry/opentelemetry-collector',
    repositories: [
      'otel/opentelemetry-collector',
      'otel/opentelemetry-collector-contrib',
      'otel/opentelemetry-collector-k8s',
      'opentelemetry-collector-releases/opentelemetry-collector',
      'opentelemetry-collector-releases/opentelemetry-collector-contrib',
      'opentelemetry-collector-releases/opentelemetry-collector-k8s',
    ],
    pattern: 'sidecar',
    does: "receives the app's telemetry and exports it",
  },
  {
    id: 'jaeger-agent',
    title: 'the Jaeger agent',
    upstream: 'jaegertracing/jaeger',
    repositories: ['jaegertracing/jaeger-agent'],
    pattern: 'sidecar',
    does: "receives the app's spans and sends them to a collector",
  },
  {
    id: 'datadog-agent',
    title: 'the Datadog Agent',
    upstream: 'DataDog/datadog-agent',
    repositories: ['datadoghq/agent', 'datadog/agent'],
    pattern: 'sidecar',
    does: "collects the app's metrics, traces and logs",
  },
  {
    id: 'xray-daemon',
    title: 'the AWS X-Ray daemon',
    upstream: 'aws/aws-xray-daemon',
    repositories: ['amazon/aws-xray-daemon', 'xray/aws-xray-daemon'],
    pattern: 'sidecar',
    does: "receives the app's trace segments and sends them to X-Ray",
  },
  // Config and secret helpers: they keep files the app reads up to date.
  {
    id: 'git-sync',
    title: 'git-sync',
    upstream: 'kubernetes/git-sync',
    repositories: ['git-sync'],
    pattern: 'sidecar',
    does: 'keeps a Git checkout in a shared volume up to date',
    writesVolume: true,
  },
  {
    id: 'vault-agent',
    title: 'the Vault Agent',
    upstream: 'hashicorp/vault',
    repositories: ['hashicorp/vault', 'vault'],
    requiresWord: 'agent',
    pattern: 'sidecar',
    does: 'renders secrets into a shared volume',
    writesVolume: true,
  },
  {
    id: 'consul-template',
    title: 'consul-template',
    upstream: 'hashicorp/consul-template',
    repositories: ['hashicorp/consul-template'],
    pattern: 'sidecar',
    does: 'renders configuration files into a shared volume',
    writesVolume: true,
  },
  {
    id: 'configmap-reload',
    title: 'configmap-reload',
    upstream: 'jimmidyson/configmap-reload',
    repositories: ['configmap-reload'],
    pattern: 'sidecar',
    does: "watches a mounted ConfigMap and calls the app's reload endpoint",
  },
  {
    id: 'prometheus-config-reloader',
    title: 'the Prometheus config reloader',
    upstream: 'prometheus-operator/prometheus-operator',
    repositories: ['prometheus-operator/prometheus-config-reloader'],
    pattern: 'sidecar',
    does: "renders the configuration and calls the app's reload endpoint",
  },
  {
    id: 'k8s-sidecar',
    title: 'k8s-sidecar',
    upstream: 'kiwigrid/k8s-sidecar',
    repositories: ['kiwigrid/k8s-sidecar'],
    pattern: 'sidecar',
    does: 'collects labelled ConfigMaps into a shared folder',
    writesVolume: true,
  },
  // Adapters: present the app's state in the shape a monitoring system expects.
  {
    id: 'prometheus-exporter',
    title: 'a Prometheus exporter',
    upstream:
      'prometheus/prometheus (its exporter naming convention, followed by e.g. nginx/nginx-prometheus-exporter and prometheus-community/postgres_exporter)',
    repositories: [],
    lastSegmentSuffixes: ['-exporter', '_exporter'],
    pattern: 'adapter',
    does: "turns the app's state into Prometheus metrics",
  },
];

/** The image's repository path without registry host, tag or digest: `nginx/nginx-prometheus-exporter`. */
export function imageRepository(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const segments = withoutDigest.split('/');
  if (segments.length > 1 && /[.:]|^localhost$/.test(segments[0]!)) segments.shift();
  const last = segments.length - 1;
  segments[last] = segments[last]!.split(':')[0]!;
  return segments.join('/').toLowerCase();
}

/** The catalogue entry of an image, given the container's command and args words. */
export function helperImageOf(image: string | undefined, words: readonly string[] = []): HelperImage | undefined {
  if (!image) return undefined;
  const repository = imageRepository(image);
  const lastSegment = repository.slice(repository.lastIndexOf('/') + 1);
  return HELPER_IMAGES.find((entry) => {
    const matches =
      entry.repositories.some((name) => repository === name || repository.endsWith(`/${name}`)) ||
      (entry.lastSegmentSuffixes ?? []).some((suffix) => lastSegment.endsWith(suffix));
    return (
      matches &&
      (entry.requiresWord === undefined || words.some((word) => word.split(/[\s=]+/).includes(entry.requiresWord!)))
    );
  });
}

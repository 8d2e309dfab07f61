import type { ContainerModel, PodModel } from '../../model/podModel';
import type { YamlValue } from '../../edits/renderYaml';

/** What a template may ask about the pod it is inserted into. */
export interface TemplateContext {
  readonly pod: PodModel;
  /** The container the helper serves (the first app container, or the default-container one). */
  readonly main?: ContainerModel;
  /** The main container's first declared TCP port, if any. */
  readonly mainPort?: number;
  containerName(base: string): string;
  volumeName(base: string): string;
  /** A container port no container of the pod declares yet. */
  port(preferred: number): number;
  /** A port name no container of the pod uses yet (names are compared across containers). */
  portName(base: string): string;
  /** A path the main container does not mount anything at yet. */
  mainMountPath(base: string): string;
  envName(base: string): string;
}

export type ContainerValue = { readonly [key: string]: YamlValue };

/** What a template adds: the container, and how it is wired to the main container. */
export interface ContainerPlan {
  readonly container: ContainerValue;
  /** A new emptyDir, mounted by the new container and by the main container at `mainMountPath`. */
  readonly sharedVolume?: { readonly name: string; readonly mainMountPath: string; readonly mainReadOnly?: boolean };
  /** An env var in the main container telling it where the helper listens. */
  readonly mainEnv?: { readonly name: string; readonly value: string };
  /** A port the main container must declare for the helper to reach it. */
  readonly mainPort?: { readonly name: string; readonly containerPort: number };
}

export interface PatternTemplate {
  readonly id: string;
  build(context: TemplateContext): ContainerPlan;
}

/** Requests and limits for a helper; init containers get the low preset. */
export function resources(cpu: string, memory: string, cpuLimit: string, memoryLimit: string): ContainerValue {
  return { requests: { cpu, memory }, limits: { cpu: cpuLimit, memory: memoryLimit } };
}

export const INIT_RESOURCES = resources('10m', '32Mi', '100m', '64Mi');
export const HELPER_RESOURCES = resources('20m', '32Mi', '200m', '64Mi');
export const PROXY_RESOURCES = resources('50m', '64Mi', '500m', '128Mi');

/** Pinned images shared by the templates, the snippets and image completion. */
export const IMAGES = {
  gitSync: 'registry.k8s.io/git-sync/git-sync:v4.4.2',
  busybox: 'busybox:1.36',
  fluentBit: 'fluent/fluent-bit:3.2.10',
  nginxExporter: 'nginx/nginx-prometheus-exporter:1.4.2',
  redisExporter: 'oliver006/redis_exporter:v1.67.0',
  postgresExporter: 'quay.io/prometheuscommunity/postgres-exporter:v0.16.0',
  mysqlExporter: 'prom/mysqld-exporter:v0.17.2',
  mongodbExporter: 'percona/mongodb_exporter:0.43.1',
  jmxExporter: 'bitnami/jmx-exporter:1.5.0',
  envoy: 'envoyproxy/envoy:v1.34.1',
  cloudSqlProxy: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.15.2',
  migrate: 'migrate/migrate:v4.18.2',
  nginx: 'nginx:1.27',
} as const;

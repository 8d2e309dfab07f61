/**
 * The insert-pattern actions and their templates, as plain data: the editor client shows
 * them in quick picks and the CLI validates `--template`, without loading the service.
 */
export type PatternKind = 'init' | 'sidecar' | 'native-sidecar' | 'adapter' | 'ambassador';

export interface PatternTemplateInfo {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
}

export interface PatternInfo {
  readonly kind: PatternKind;
  /** "Add Sidecar": the command title after the category. */
  readonly title: string;
  /** The VS Code command id. */
  readonly command: string;
  /** The first template is the default of the code action. */
  readonly templates: readonly PatternTemplateInfo[];
}

const SIDECAR_TEMPLATES: readonly PatternTemplateInfo[] = [
  {
    id: 'log-shipper',
    label: 'Log shipper (Fluent Bit)',
    detail: 'Tails the log files the main container writes to a shared emptyDir.',
  },
  {
    id: 'git-sync',
    label: 'Git sync (git-sync v4)',
    detail: 'Keeps a Git checkout in a shared emptyDir up to date for the main container.',
  },
  {
    id: 'generic',
    label: 'Generic helper (busybox)',
    detail: 'A shell loop beside the main container, sharing an emptyDir with it.',
  },
];

export const PATTERNS: readonly PatternInfo[] = [
  {
    kind: 'init',
    title: 'Add Init Container',
    command: 'podPatterns.addInitContainer',
    templates: [
      {
        id: 'git-clone',
        label: 'Clone a Git repository (git-sync --one-time)',
        detail: 'Clones once into a shared emptyDir that the main container reads.',
      },
      {
        id: 'wait-for-service',
        label: 'Wait for a Service',
        detail: 'Blocks the pod start until a Service name resolves.',
      },
      {
        id: 'migrate',
        label: 'Run database migrations (migrate)',
        detail: 'Applies schema migrations before the app starts.',
      },
    ],
  },
  { kind: 'sidecar', title: 'Add Sidecar', command: 'podPatterns.addSidecar', templates: SIDECAR_TEMPLATES },
  {
    kind: 'native-sidecar',
    title: 'Add Native Sidecar',
    command: 'podPatterns.addNativeSidecar',
    templates: SIDECAR_TEMPLATES,
  },
  {
    kind: 'adapter',
    title: 'Add Adapter',
    command: 'podPatterns.addAdapter',
    templates: [
      {
        id: 'prometheus-exporter',
        label: 'Prometheus exporter (NGINX)',
        detail: "Scrapes the main container's port on localhost and serves Prometheus metrics.",
      },
      {
        id: 'log-reformatter',
        label: 'Log reformatter',
        detail:
          "Reads the main container's log from a shared emptyDir and rewrites each line (the default for images with no exporter of their own).",
      },
      {
        id: 'redis-exporter',
        label: 'Prometheus exporter (Redis)',
        detail: 'Connects to the Redis main container on localhost and serves its metrics.',
      },
      {
        id: 'postgres-exporter',
        label: 'Prometheus exporter (PostgreSQL)',
        detail: 'Connects to the PostgreSQL main container on localhost and serves its metrics.',
      },
      {
        id: 'mysql-exporter',
        label: 'Prometheus exporter (MySQL)',
        detail: 'Connects to the MySQL or MariaDB main container on localhost and serves its metrics.',
      },
      {
        id: 'mongodb-exporter',
        label: 'Prometheus exporter (MongoDB)',
        detail: 'Connects to the MongoDB main container on localhost and serves its metrics.',
      },
      {
        id: 'jmx-exporter',
        label: 'Prometheus exporter (JVM, JMX)',
        detail: "Reads the JVM main container's MBeans over JMX on localhost and serves them as metrics.",
      },
    ],
  },
  {
    kind: 'ambassador',
    title: 'Add Ambassador',
    command: 'podPatterns.addAmbassador',
    templates: [
      {
        id: 'tcp-proxy',
        label: 'TCP/HTTP proxy (Envoy)',
        detail: 'The main container reaches an outside service through a proxy on localhost.',
      },
      {
        id: 'cloud-sql-proxy',
        label: 'Cloud SQL Auth Proxy',
        detail: 'The main container reaches Cloud SQL on localhost through the proxy.',
      },
    ],
  },
];

export function patternInfo(kind: string): PatternInfo | undefined {
  return PATTERNS.find((pattern) => pattern.kind === kind);
}

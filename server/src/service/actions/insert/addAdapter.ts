import { focus } from '../../edits/renderYaml';
import type { PatternAction } from './patternAction';
import { HELPER_RESOURCES, IMAGES, type ContainerValue, type PatternTemplate } from './template';

const prometheusExporter: PatternTemplate = {
  id: 'prometheus-exporter',
  build(context) {
    // The exporter scrapes the main container; when it declares no port, one is declared for it.
    const declared = context.mainPort;
    const scrapedPort = declared ?? context.port(80);
    const metricsPort = context.port(9113);
    return {
      container: {
        name: context.containerName('metrics-exporter'),
        image: IMAGES.nginxExporter,
        args: [`--nginx.scrape-uri=http://localhost:${scrapedPort}/${focus('stub_status')}`],
        ports: [{ name: context.portName('metrics'), containerPort: metricsPort }],
        resources: HELPER_RESOURCES,
      },
      mainPort:
        declared === undefined && context.main
          ? { name: context.portName('http'), containerPort: scrapedPort }
          : undefined,
    };
  },
};

const logReformatter: PatternTemplate = {
  id: 'log-reformatter',
  build(context) {
    const volume = context.volumeName('app-logs');
    return {
      container: {
        name: context.containerName('log-adapter'),
        image: IMAGES.busybox,
        command: ['sh', '-c', `tail -n+1 -F /var/log/app/app.log | sed -u -e ${focus("'s/^/[app] /'")}`],
        volumeMounts: [{ name: volume, mountPath: '/var/log/app', readOnly: true }],
        resources: HELPER_RESOURCES,
      },
      sharedVolume: { name: volume, mainMountPath: context.mainMountPath('/var/log/app') },
    };
  },
};

/**
 * A Prometheus exporter for a database main container: it connects over localhost to the port
 * the main container declares (or its server's usual port, then declared for it). Images, flags
 * and variables from each exporter's README at the pinned version; credentials are left for the
 * author to fill in (the focused value).
 */
interface DatabaseExporter {
  readonly id: string;
  /** The main container's image repository, last path segment: `redis`, `bitnami/postgresql` → `postgresql`. */
  readonly mainImage: RegExp;
  readonly name: string;
  readonly image: string;
  readonly serverPort: number;
  readonly metricsPort: number;
  readonly wiring: (port: number) => Partial<Pick<ContainerValue, 'args' | 'env'>>;
}

const DATABASE_EXPORTERS: readonly DatabaseExporter[] = [
  {
    id: 'redis-exporter',
    mainImage: /^(redis|redis-stack-server|valkey|keydb)$/,
    name: 'redis-exporter',
    image: IMAGES.redisExporter,
    serverPort: 6379,
    metricsPort: 9121,
    wiring: (port) => ({ env: [{ name: 'REDIS_ADDR', value: focus(`redis://localhost:${port}`) }] }),
  },
  {
    id: 'postgres-exporter',
    mainImage: /^(postgres|postgresql|postgis|timescaledb(-ha)?)$/,
    name: 'postgres-exporter',
    image: IMAGES.postgresExporter,
    serverPort: 5432,
    metricsPort: 9187,
    wiring: (port) => ({
      env: [
        { name: 'DATA_SOURCE_URI', value: `localhost:${port}/postgres?sslmode=disable` },
        { name: 'DATA_SOURCE_USER', value: focus('postgres') },
      ],
    }),
  },
  {
    id: 'mysql-exporter',
    mainImage: /^(mysql|mariadb|percona-server)$/,
    name: 'mysql-exporter',
    image: IMAGES.mysqlExporter,
    serverPort: 3306,
    metricsPort: 9104,
    wiring: (port) => ({ args: [`--mysqld.address=localhost:${port}`, `--mysqld.username=${focus('exporter')}`] }),
  },
  {
    id: 'mongodb-exporter',
    mainImage: /^(mongo|mongodb|mongodb-community-server)$/,
    name: 'mongodb-exporter',
    image: IMAGES.mongodbExporter,
    serverPort: 27017,
    metricsPort: 9216,
    wiring: (port) => ({ args: [`--mongodb.uri=${focus(`mongodb://localhost:${port}`)}`, '--compatible-mode'] }),
  },
];

function databaseExporterTemplate(exporter: DatabaseExporter): PatternTemplate {
  return {
    id: exporter.id,
    build(context) {
      const declared = context.mainPort;
      const serverPort = declared ?? context.port(exporter.serverPort);
      return {
        container: {
          name: context.containerName(exporter.name),
          image: exporter.image,
          ...exporter.wiring(serverPort),
          ports: [{ name: context.portName('metrics'), containerPort: context.port(exporter.metricsPort) }],
          resources: HELPER_RESOURCES,
        },
        mainPort:
          declared === undefined && context.main
            ? { name: context.portName(exporter.id.replace(/-exporter$/, '')), containerPort: serverPort }
            : undefined,
      };
    },
  };
}

/** The last path segment of an image's repository: `docker.io/bitnami/redis:7.4` → `redis`. */
function imageName(image: string | undefined): string {
  const repository = (image ?? '').replace(/@.*$/, '').replace(/:[^/:]*$/, '');
  return repository.slice(repository.lastIndexOf('/') + 1).toLowerCase();
}

export const addAdapter: PatternAction = {
  kind: 'adapter',
  placement: 'helper',
  templates: [prometheusExporter, logReformatter, ...DATABASE_EXPORTERS.map(databaseExporterTemplate)],
  // The exporter made for the main container's image; NGINX's for NGINX; a log adapter, which works for any
  // container as inserted, when nothing says what the main container serves.
  defaultTemplate: (context) => {
    const name = imageName(context.main?.image);
    const exporter = DATABASE_EXPORTERS.find((candidate) => candidate.mainImage.test(name));
    if (exporter) return exporter.id;
    if (/^nginx(-unprivileged)?$/.test(name)) return 'prometheus-exporter';
    return context.mainPort === undefined ? 'log-reformatter' : 'prometheus-exporter';
  },
};

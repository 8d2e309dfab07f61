import { focus } from '../../edits/renderYaml';
import type { ContainerModel } from '../../model/podModel';
import type { PatternAction } from './patternAction';
import { HELPER_RESOURCES, IMAGES, resources, type ContainerValue, type PatternTemplate } from './template';

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

/** The Prometheus JMX exporter's default port (Prometheus' default port allocations: 9404). */
const JMX_METRICS_PORT = 9404;

/**
 * The JMX exporter's standalone server beside a JVM main container: it reads the JVM's MBeans
 * over remote JMX on localhost and serves them as Prometheus metrics. The exporter is
 * prometheus/jmx_exporter ("Standalone Exporter", 1.5: `java -jar jmx_prometheus_standalone.jar
 * <PORT> <EXPORTER_YAML>`, the YAML naming the JVM by `hostPort`); the project publishes no image,
 * so the image is Bitnami's packaging of it (bitnami/containers, bitnami/jmx-exporter/1/debian-12:
 * the jar in /opt/bitnami/jmx-exporter, java on the PATH). The main container opens JMX through
 * JAVA_TOOL_OPTIONS, which every JVM reads at start-up, bound to 127.0.0.1 and without
 * authentication: only containers of the pod reach it.
 */
const jmxExporter: PatternTemplate = {
  id: 'jmx-exporter',
  build(context) {
    const jmxPort = context.port(9010);
    const metricsPort = context.port(JMX_METRICS_PORT);
    const exporterConfig = '/tmp/jmx-exporter.yaml';
    const script = [
      `cat > ${exporterConfig} <<'EOF'`,
      `hostPort: localhost:${jmxPort}`,
      'rules:',
      `- pattern: "${focus('.*')}"`,
      'EOF',
      `exec java -jar /opt/bitnami/jmx-exporter/jmx_prometheus_standalone.jar ${metricsPort} ${exporterConfig}`,
    ].join('\n');
    const hasToolOptions = context.main?.env.some((entry) => entry.name === 'JAVA_TOOL_OPTIONS') ?? false;
    return {
      container: {
        name: context.containerName('jmx-exporter'),
        image: IMAGES.jmxExporter,
        command: ['sh', '-c', script],
        ports: [{ name: context.portName('metrics'), containerPort: metricsPort }],
        // A JVM of its own: it needs more memory than the other exporters (its heap is a quarter of the limit).
        resources: resources('50m', '128Mi', '500m', '256Mi'),
      },
      // Options the main container has already are the author's to merge: a second variable would be ignored.
      mainEnv: hasToolOptions
        ? undefined
        : {
            name: 'JAVA_TOOL_OPTIONS',
            value: [
              `-Dcom.sun.management.jmxremote.port=${jmxPort}`,
              `-Dcom.sun.management.jmxremote.rmi.port=${jmxPort}`,
              '-Dcom.sun.management.jmxremote.host=127.0.0.1',
              '-Djava.rmi.server.hostname=127.0.0.1',
              '-Dcom.sun.management.jmxremote.authenticate=false',
              '-Dcom.sun.management.jmxremote.ssl=false',
            ].join(' '),
          },
      mainPort: context.main ? { name: context.portName('jmx'), containerPort: jmxPort } : undefined,
    };
  },
};

/**
 * JVM images, by repository name: the OpenJDK builds (Temurin, Corretto, Semeru, SapMachine,
 * Zulu, Liberica, the deprecated `openjdk`) and the Java application servers.
 */
const JVM_IMAGE =
  /^(eclipse-temurin|openjdk|amazoncorretto|ibm-semeru-runtimes|sapmachine|zulu-openjdk(-[\w-]+)?|liberica-openjdk(-[\w-]+)?|tomcat|tomee|jetty|wildfly|open-liberty|websphere-liberty|payara-(server-full|server-web|micro)|java)$/;

/** A JVM whatever the image: `java` run as the command or from a shell script, or a `-jar` argument. */
function runsJava(container: ContainerModel): boolean {
  return [...container.command, ...container.args].some(
    (word) => /(^|[\s/])java(\s|$)/.test(word) || /(^|\s)-jar(\s|$)/.test(word),
  );
}

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
  templates: [prometheusExporter, logReformatter, ...DATABASE_EXPORTERS.map(databaseExporterTemplate), jmxExporter],
  // The exporter made for the main container's image: a database's, NGINX's, the JMX exporter for a JVM.
  // For any other image, the log adapter: it works for every container as inserted (a scrape of an
  // unknown server's port would not), the rewrite to fill in selected.
  defaultTemplate: (context) => {
    const name = imageName(context.main?.image);
    const exporter = DATABASE_EXPORTERS.find((candidate) => candidate.mainImage.test(name));
    if (exporter) return exporter.id;
    if (/^(nginx|nginx-unprivileged|openresty)$/.test(name)) return 'prometheus-exporter';
    if (JVM_IMAGE.test(name) || (context.main && runsJava(context.main))) return jmxExporter.id;
    return logReformatter.id;
  },
};

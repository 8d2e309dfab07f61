import { focus } from '../../edits/renderYaml';
import type { PatternAction } from './patternAction';
import { HELPER_RESOURCES, IMAGES, type PatternTemplate } from './template';

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

export const addAdapter: PatternAction = {
  kind: 'adapter',
  placement: 'helper',
  templates: [prometheusExporter, logReformatter],
  // Without a port to scrape, a log adapter is the one that works as inserted.
  defaultTemplate: (context) => (context.mainPort === undefined ? 'log-reformatter' : 'prometheus-exporter'),
};

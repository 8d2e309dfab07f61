import { focus } from '../../edits/renderYaml';
import type { PatternAction } from './patternAction';
import { IMAGES, PROXY_RESOURCES, type PatternTemplate } from './template';

/** Envoy's bootstrap as YAML: listen on localhost, forward TCP to the upstream. */
function envoyConfig(listenPort: number, upstream: string, upstreamPort: number): string {
  return [
    'static_resources:',
    '  listeners:',
    '  - name: local',
    `    address: {socket_address: {address: 127.0.0.1, port_value: ${listenPort}}}`,
    '    filter_chains:',
    '    - filters:',
    '      - name: envoy.filters.network.tcp_proxy',
    '        typed_config:',
    '          "@type": type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy',
    '          stat_prefix: upstream',
    '          cluster: upstream',
    '  clusters:',
    '  - name: upstream',
    '    type: STRICT_DNS',
    '    load_assignment:',
    '      cluster_name: upstream',
    '      endpoints:',
    '      - lb_endpoints:',
    `        - endpoint: {address: {socket_address: {address: ${upstream}, port_value: ${upstreamPort}}}}`,
  ].join('\n');
}

const tcpProxy: PatternTemplate = {
  id: 'tcp-proxy',
  build(context) {
    const port = context.port(15432);
    return {
      container: {
        name: context.containerName('proxy'),
        image: IMAGES.envoy,
        args: ['--config-yaml', envoyConfig(port, focus('upstream.example.com'), 5432)],
        ports: [{ name: context.portName('proxy'), containerPort: port }],
        resources: PROXY_RESOURCES,
      },
      mainEnv: { name: context.envName('UPSTREAM_ADDR'), value: `localhost:${port}` },
    };
  },
};

const cloudSqlProxy: PatternTemplate = {
  id: 'cloud-sql-proxy',
  build(context) {
    const port = context.port(5432);
    return {
      container: {
        name: context.containerName('cloud-sql-proxy'),
        image: IMAGES.cloudSqlProxy,
        args: [`--port=${port}`, focus('my-project:my-region:my-instance')],
        ports: [{ name: context.portName('sql'), containerPort: port }],
        resources: PROXY_RESOURCES,
      },
      mainEnv: { name: context.envName('DATABASE_ADDR'), value: `localhost:${port}` },
    };
  },
};

export const addAmbassador: PatternAction = {
  kind: 'ambassador',
  placement: 'helper',
  templates: [tcpProxy, cloudSqlProxy],
};

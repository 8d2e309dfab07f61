import { focus } from '../../edits/renderYaml';
import type { PatternAction } from './patternAction';
import { IMAGES, PROXY_RESOURCES, type ContainerValue, type PatternTemplate } from './template';

/**
 * Envoy's bootstrap as YAML: forward TCP from localhost to the upstream, and a health listener
 * for the kubelet's probe (it connects to the pod IP, never to 127.0.0.1, where the proxy alone
 * listens so that it serves the pod only). The health listener answers every connection at once
 * (`envoy.filters.network.direct_response`, Envoy's network filter reference at v1.34); Envoy opens
 * its static listeners together, so it accepting means the proxy listens too.
 */
function envoyConfig(listenPort: number, healthPort: number, upstream: string, upstreamPort: number): string {
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
    '  - name: health',
    `    address: {socket_address: {address: 0.0.0.0, port_value: ${healthPort}}}`,
    '    filter_chains:',
    '    - filters:',
    '      - name: envoy.filters.network.direct_response',
    '        typed_config:',
    '          "@type": type.googleapis.com/envoy.extensions.filters.network.direct_response.v3.Config',
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

/**
 * Holds the main container back until the proxy serves (as a native sidecar, the kubelet starts
 * the next container only once this probe passed): checked every 2 s for up to a minute.
 */
function startupProbe(handler: ContainerValue): ContainerValue {
  return { ...handler, periodSeconds: 2, failureThreshold: 30 };
}

const tcpProxy: PatternTemplate = {
  id: 'tcp-proxy',
  build(context) {
    const port = context.port(15432);
    // 15021: the health port Envoy-based sidecars (Istio's) use, unless the pod has it already.
    const healthPort = context.port(15021);
    const healthPortName = context.portName('proxy-health');
    return {
      container: {
        name: context.containerName('proxy'),
        image: IMAGES.envoy,
        args: ['--config-yaml', envoyConfig(port, healthPort, focus('upstream.example.com'), 5432)],
        ports: [
          { name: context.portName('proxy'), containerPort: port },
          { name: healthPortName, containerPort: healthPort },
        ],
        startupProbe: startupProbe({ tcpSocket: { port: healthPortName } }),
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
    // The proxy's HTTP health checks (cloud-sql-proxy v2 README, "Health checks": --health-check,
    // served on --http-address/--http-port, 9090 by default; /startup answers once it is ready).
    const healthPort = context.port(9090);
    const healthPortName = context.portName('proxy-health');
    return {
      container: {
        name: context.containerName('cloud-sql-proxy'),
        image: IMAGES.cloudSqlProxy,
        args: [
          `--port=${port}`,
          '--health-check',
          '--http-address=0.0.0.0',
          `--http-port=${healthPort}`,
          focus('my-project:my-region:my-instance'),
        ],
        ports: [
          { name: context.portName('sql'), containerPort: port },
          { name: healthPortName, containerPort: healthPort },
        ],
        startupProbe: startupProbe({ httpGet: { path: '/startup', port: healthPortName } }),
        resources: PROXY_RESOURCES,
      },
      mainEnv: { name: context.envName('DATABASE_ADDR'), value: `localhost:${port}` },
    };
  },
};

export const addAmbassador: PatternAction = {
  kind: 'ambassador',
  // The main container connects through it from its first moment (sidecar-start-order otherwise).
  placement: 'started-first',
  templates: [tcpProxy, cloudSqlProxy],
};

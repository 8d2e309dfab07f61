import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TopologyRequest, type TopologyParams } from '../../../server/src/shared/protocol';
import { LspHarness } from '../../support/lspHarness';
import { readFixture } from './support';

test('the server answers the topology request for an open document, with its version', async () => {
  const lsp = new LspHarness();
  try {
    await lsp.initialize();
    const uri = 'file:///work/orders.yaml';
    const text = readFixture('native-sidecar-deployment.yaml');
    await lsp.open(uri, text, 3);
    const first = await lsp.client.sendRequest(TopologyRequest, { uri } satisfies TopologyParams);
    assert.equal(first.version, 3);
    assert.deepEqual(
      first.targets.map((target) => target.label),
      ['Deployment orders'],
    );
    assert.deepEqual(
      first.graph?.nodes.filter((node) => node.kind === 'container').map((node) => node.label),
      ['migrate', 'mesh-proxy', 'api'],
    );
    // The same pod's lifecycle comes with it, for the preview's Lifecycle tab.
    assert.deepEqual(
      first.lifecycle?.containers.map((container) => container.name),
      ['migrate', 'mesh-proxy', 'api'],
    );
    assert.deepEqual(
      first.lifecycle?.events.slice(0, 2).map((event) => `${event.container} ${event.event}`),
      ['migrate started', 'migrate completed'],
    );
    assert.equal(first.template, false);

    await lsp.replaceAll(uri, text.replace('name: api', 'name: orders-api'), 4);
    const second = await lsp.client.sendRequest(TopologyRequest, {
      uri,
      offset: text.indexOf('name: api'),
    } satisfies TopologyParams);
    assert.equal(second.version, 4);
    assert.ok(second.graph?.nodes.some((node) => node.label === 'orders-api'));

    const unknown = await lsp.client.sendRequest(TopologyRequest, {
      uri: 'file:///work/closed.yaml',
    } satisfies TopologyParams);
    assert.deepEqual(unknown, {
      uri: 'file:///work/closed.yaml',
      version: null,
      targets: [],
      graph: null,
      lifecycle: null,
      template: false,
    });

    const helm = 'file:///work/chart/templates/deployment.yaml';
    await lsp.open(helm, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n', 1);
    const template = await lsp.client.sendRequest(TopologyRequest, { uri: helm } satisfies TopologyParams);
    assert.deepEqual(
      { graph: template.graph, lifecycle: template.lifecycle, template: template.template },
      { graph: null, lifecycle: null, template: true },
    );
  } finally {
    lsp.dispose();
  }
});

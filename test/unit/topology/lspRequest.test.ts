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
    assert.deepEqual(first.targets.map((target) => target.label), ['Deployment orders']);
    assert.deepEqual(first.graph?.nodes.filter((node) => node.kind === 'container').map((node) => node.label), ['migrate', 'mesh-proxy', 'api']);

    await lsp.replaceAll(uri, text.replace('name: api', 'name: orders-api'), 4);
    const second = await lsp.client.sendRequest(TopologyRequest, { uri, offset: text.indexOf('name: api') } satisfies TopologyParams);
    assert.equal(second.version, 4);
    assert.ok(second.graph?.nodes.some((node) => node.label === 'orders-api'));

    const unknown = await lsp.client.sendRequest(TopologyRequest, { uri: 'file:///work/closed.yaml' } satisfies TopologyParams);
    assert.deepEqual(unknown, { uri: 'file:///work/closed.yaml', version: null, targets: [], graph: null });
  } finally {
    lsp.dispose();
  }
});

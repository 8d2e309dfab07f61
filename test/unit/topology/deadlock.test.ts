import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { edgeLabelText, renderTopologyScene, sceneToSvgString } from '../../../server/src/service/topology';
import { graphOf } from './support';

const deadlockPod = readFileSync(
  path.resolve(__dirname, '../../../../test/fixtures/lifecycle/init-deadlock.yaml'),
  'utf8',
);

test('an init container waiting on a later container is drawn as a red broken edge carrying the finding', () => {
  const graph = graphOf(deadlockPod);
  const waiting = graph.nodes.find((node) => node.label === 'wait-for-api')!;
  const api = graph.nodes.find((node) => node.label === 'api')!;
  const edge = graph.edges.find(
    (candidate) => candidate.kind === 'localhost' && candidate.from === waiting.id && candidate.to === api.id,
  );
  assert.ok(edge, 'the localhost call is an edge');
  assert.match(
    edge.deadlock ?? '',
    /^Init container "wait-for-api" connects to http:\/\/localhost:8080, served only by "api"/,
  );
  const svg = sceneToSvgString(renderTopologyScene(graph), 'light');
  assert.match(svg, /<g class="pp-edge pp-edge-localhost pp-edge-deadlock" data-edge-id="localhost:0"/);
  assert.match(svg, /marker-end="url\(#pp-arrow-deadlock\)"/);
  assert.ok(svg.includes('>waits forever: http://localhost:8080<'));
  assert.ok(svg.includes('. Deadlock: Init container'));
  // With the rule off, nothing is drawn as a deadlock.
  assert.ok(
    !graphOf(
      deadlockPod.replace(
        '  initContainers:',
        '  # pod-patterns-disable init-waits-on-later-container\n  initContainers:',
      ),
    ).edges.some((candidate) => candidate.deadlock),
  );
});

test('a long edge label is cut at its start, so the port at its end always shows', () => {
  const label = 'http://localhost/some/very/long/path/to/a/status/page/that/goes/on (port 8080)';
  const text = edgeLabelText({ id: 'localhost:0', from: 'container:0', to: 'container:1', kind: 'localhost', label });
  assert.ok(text.startsWith('…'));
  assert.ok(text.endsWith('(port 8080)'));
  assert.ok(text.length < label.length);
  assert.equal(
    edgeLabelText({
      id: 'mount:0:0',
      from: 'container:0',
      to: 'volume:0',
      kind: 'mount',
      label: '/data',
      readOnly: true,
    }),
    '/data (ro)',
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analysisOf } from './podFrom';

const pod = (initContainers: string, containers: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${extra}  initContainers:
${initContainers}
  containers:
${containers}
`;

const container = (name: string, requests: string, limits = '', restartPolicy = '') => `  - name: ${name}
    image: example.com/${name}:1.0.0
${restartPolicy ? `    restartPolicy: ${restartPolicy}\n` : ''}    resources:
      requests: {${requests}}
${limits ? `      limits: {${limits}}\n` : ''}`;

test('an init container alone: max(init, sum of app containers)', () => {
  const analysis = analysisOf(
    pod(
      container('init', 'cpu: "2", memory: 100Mi'),
      container('a', 'cpu: 500m, memory: 300Mi') + container('b', 'cpu: 500m, memory: 300Mi'),
    ),
  );
  assert.deepEqual(analysis.effectiveResources.requests, { cpu: '2', memory: '600Mi' });
});

test('P14: an init container after a native sidecar also counts the sidecar', () => {
  // InitContainerUse(init) = sidecar 1 + init 2 = 3 CPUs, more than sidecar + app (1 + 1).
  const analysis = analysisOf(
    pod(
      container('sidecar', 'cpu: "1", memory: 64Mi', '', 'Always') + container('init', 'cpu: "2", memory: 64Mi'),
      container('app', 'cpu: "1", memory: 128Mi'),
    ),
  );
  assert.deepEqual(analysis.effectiveResources.requests, { cpu: '3', memory: '192Mi' });
  assert.equal(analysis.resources.largestInitUse.get('cpu')?.container.name, 'init');
  assert.equal(analysis.resources.runningSum.get('cpu')?.nanos, 2_000_000_000n);
});

test('P14: a native sidecar declared after the init container does not add to its use', () => {
  const analysis = analysisOf(
    pod(container('init', 'cpu: "2"') + container('sidecar', 'cpu: "1"', '', 'Always'), container('app', 'cpu: "1"')),
  );
  assert.deepEqual(analysis.effectiveResources.requests, { cpu: '2' });
});

test('P14: sidecars and app containers together beat a small init container', () => {
  const analysis = analysisOf(
    pod(
      container('sidecar', 'memory: 1Gi', '', 'Always') + container('init', 'memory: 512Mi'),
      container('app', 'memory: 1Gi'),
    ),
  );
  assert.deepEqual(analysis.effectiveResources.requests, { memory: '2Gi' });
});

test('limits default requests and aggregate with the same formula', () => {
  const analysis = analysisOf(
    pod(
      container('init', 'cpu: 100m', 'cpu: 200m, memory: 1Gi'),
      container('app', 'cpu: 100m', 'cpu: 100m, memory: 256Mi'),
    ),
  );
  assert.deepEqual(analysis.effectiveResources.requests, { cpu: '100m', memory: '1Gi' });
  assert.deepEqual(analysis.effectiveResources.limits, { cpu: '200m', memory: '1Gi' });
});

test('pod-level resources take precedence', () => {
  const analysis = analysisOf(
    pod(container('init', 'cpu: 100m'), container('app', 'cpu: 100m'), '  resources:\n    requests: {cpu: "1"}\n'),
  );
  assert.deepEqual(analysis.effectiveResources.requests, { cpu: '1' });
});

test('QoS: Guaranteed needs every container, init included, with equal cpu and memory requests and limits', () => {
  const equal = 'cpu: 100m, memory: 128Mi';
  assert.equal(analysisOf(pod(container('init', equal, equal), container('app', equal, equal))).qosClass, 'Guaranteed');
  // Limits only: requests default to them.
  assert.equal(analysisOf(pod(container('init', '', equal), container('app', '', equal))).qosClass, 'Guaranteed');
  // The init container without limits takes the pod out of Guaranteed.
  assert.equal(analysisOf(pod(container('init', equal), container('app', equal, equal))).qosClass, 'Burstable');
  assert.equal(
    analysisOf(pod(container('init', equal, equal), container('app', 'cpu: 100m, memory: 64Mi', equal))).qosClass,
    'Burstable',
  );
  assert.equal(analysisOf(pod(container('init', ''), container('app', ''))).qosClass, 'BestEffort');
  // Extended resources do not count.
  assert.equal(
    analysisOf(pod(container('init', ''), container('app', '', 'example.com/gpu: 1'))).qosClass,
    'BestEffort',
  );
});

test("QoS with pod-level resources: the pod's own requests and limits decide, not the containers'", () => {
  const podLevel = (resources: string) => `  resources:\n${resources}`;
  // Containers without resources, the pod limits cpu and memory (requests default to the limits): Guaranteed.
  assert.equal(
    analysisOf(pod(container('init', ''), container('app', ''), podLevel('    limits: {cpu: "1", memory: 1Gi}\n')))
      .qosClass,
    'Guaranteed',
  );
  // The same containers without pod-level resources: BestEffort.
  assert.equal(analysisOf(pod(container('init', ''), container('app', ''))).qosClass, 'BestEffort');
  // A pod-level memory limit alone does not make it Guaranteed.
  assert.equal(
    analysisOf(pod(container('init', ''), container('app', ''), podLevel('    limits: {memory: 1Gi}\n'))).qosClass,
    'Burstable',
  );
  // Requests below the limits: Burstable, whatever the containers say.
  const equal = 'cpu: 100m, memory: 128Mi';
  assert.equal(
    analysisOf(
      pod(
        container('init', equal, equal),
        container('app', equal, equal),
        podLevel('    requests: {cpu: 500m, memory: 512Mi}\n    limits: {cpu: "1", memory: 1Gi}\n'),
      ),
    ).qosClass,
    'Burstable',
  );
});

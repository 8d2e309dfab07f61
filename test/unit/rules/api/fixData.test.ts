import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveSettings } from '../../../../server/src/service/settings';
import { lint } from '../../../support/ruleFixtures';

/** The `data` each rule attaches is the contract with the quick fixes: its shape is asserted here. */
function dataOf(text: string, code: string): unknown[] {
  // 1.34: the last version in which a default cluster rejects a container restartPolicy on an app container.
  return lint(text, resolveSettings({ kubernetesVersion: '1.34' }))
    .filter((finding) => finding.finding.code === code)
    .map((finding) => finding.finding.data);
}

const POD = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;

describe('quick-fix data of the api rules', () => {
  it('undefined-volume names the missing volume and the existing ones', () => {
    const text = POD(`  containers:
  - name: web
    image: nginx:1.27
    volumeMounts:
    - {name: htm, mountPath: /usr/share/nginx/html}
  volumes:
  - {name: html, emptyDir: {}}
  - {name: config, configMap: {name: cfg}}
`);
    assert.deepEqual(dataOf(text, 'undefined-volume'), [
      {
        volumeName: 'htm',
        existingVolumes: ['html', 'config'],
        containerName: 'web',
        mountPath: '/usr/share/nginx/html',
      },
    ]);
  });

  it('duplicate-container-name suggests a free, valid name', () => {
    const text = POD(`  initContainers:
  - {name: web, image: busybox:1.36}
  containers:
  - {name: web, image: nginx:1.27}
  - {name: web-init, image: nginx:1.27}
  - {name: web, image: nginx:1.27}
`);
    // Each duplicate is offered its own name, so applying every rename leaves no two containers alike.
    assert.deepEqual(dataOf(text, 'duplicate-container-name'), [
      { name: 'web', suggestion: 'web-2', containerIndex: 2, listKey: 'containers' },
      { name: 'web', suggestion: 'web-3', containerIndex: 0, listKey: 'initContainers' },
    ]);
  });

  it('invalid-restart-policy gives the container index and list', () => {
    const text = POD(`  containers:
  - {name: web, image: nginx:1.27}
  - {name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always}
`);
    assert.deepEqual(dataOf(text, 'invalid-restart-policy'), [
      { containerIndex: 1, listKey: 'containers', restartPolicy: 'Always', containerName: 'proxy' },
    ]);
  });

  it('init-container-probe names the probe field', () => {
    const text = POD(`  initContainers:
  - name: setup
    image: busybox:1.36
    startupProbe: {exec: {command: ["true"]}}
  containers:
  - {name: web, image: nginx:1.27}
`);
    assert.deepEqual(dataOf(text, 'init-container-probe'), [
      { listKey: 'initContainers', containerIndex: 0, probe: 'startupProbe', containerName: 'setup' },
    ]);
  });

  it('template-restart-policy says what to write', () => {
    const text = `apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  template:
    spec:
      containers: [{name: once, image: busybox:1.36}]
`;
    assert.deepEqual(dataOf(text, 'template-restart-policy'), [
      { kind: 'Job', defaulted: true, supported: ['OnFailure', 'Never'] },
    ]);
  });

  it('selector-mismatch lists the labels the template lacks', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web, tier: fe}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx:1.27}]
`;
    assert.deepEqual(dataOf(text, 'selector-mismatch'), [
      {
        kind: 'Deployment',
        templateLabels: { app: 'web' },
        matchLabels: { app: 'web', tier: 'fe' },
        missingLabels: { tier: 'fe' },
      },
    ]);
  });

  it('resource-request-exceeds-limit carries canonical request and limit', () => {
    const text = POD(`  containers:
  - name: web
    image: nginx:1.27
    resources: {requests: {cpu: "1.5"}, limits: {cpu: 1}}
`);
    assert.deepEqual(dataOf(text, 'resource-request-exceeds-limit'), [
      { resource: 'cpu', request: '1500m', limit: '1', containerIndex: 0, listKey: 'containers' },
    ]);
  });
});

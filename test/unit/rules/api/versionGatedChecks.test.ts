import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveSettings } from '../../../../server/src/service/settings';
import { lint } from '../../../support/ruleFixtures';

/**
 * Checks of fields whose feature gate turned on by default in a given minor: before it the API
 * server drops the field, so nothing of it is judged; from it on, the check speaks.
 */
function messagesAt(text: string, code: string, kubernetesVersion: string): string[] {
  return lint(text, resolveSettings({ kubernetesVersion }))
    .filter((finding) => finding.finding.code === code)
    .map((finding) => finding.message.split(' — ')[0]!);
}

const JOB = (spec: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: work
spec:
${spec}  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
`;

describe('version-gated API-server checks', () => {
  it('backoffLimitPerIndex without Indexed completion: judged from 1.29 (JobBackoffLimitPerIndex on by default)', () => {
    const text = JOB('  backoffLimitPerIndex: 1\n');
    assert.deepEqual(messagesAt(text, 'invalid-job-spec', '1.28'), []);
    assert.deepEqual(messagesAt(text, 'invalid-job-spec', '1.29'), [
      'spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode',
    ]);
  });

  it('a successPolicy without Indexed completion: judged from 1.31 (JobSuccessPolicy on by default)', () => {
    const text = JOB('  successPolicy:\n    rules:\n    - succeededCount: 1\n');
    assert.deepEqual(messagesAt(text, 'invalid-job-spec', '1.30'), []);
    assert.deepEqual(messagesAt(text, 'invalid-job-spec', '1.31'), [
      'spec.successPolicy: Invalid value: {"rules":[{"succeededCount":1}]}: requires indexed completion mode',
    ]);
  });

  it('minDomains with ScheduleAnyway: judged from 1.27 (MinDomainsInPodTopologySpread on by default)', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: kubernetes.io/hostname
    whenUnsatisfiable: ScheduleAnyway
    minDomains: 2
  containers:
  - name: web
    image: nginx:1.27
`;
    assert.deepEqual(messagesAt(text, 'invalid-scheduling', '1.26'), []);
    assert.deepEqual(messagesAt(text, 'invalid-scheduling', '1.27'), [
      'spec.topologySpreadConstraints[0].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway',
    ]);
  });

  it('a StatefulSet name with dots: a subdomain was enough before 1.26, a DNS label is needed from 1.26', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db.primary
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: postgres:16
`;
    assert.deepEqual(messagesAt(text, 'invalid-object-name', '1.25'), []);
    assert.deepEqual(messagesAt(text, 'invalid-object-name', '1.26'), [
      'metadata.name: Invalid value: "db.primary": must not contain dots',
    ]);
  });

  it('a Deployment name with dots: accepted silently before 1.27, with a warning from 1.27', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api.v2
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: nginx:1.27
`;
    assert.deepEqual(messagesAt(text, 'invalid-object-name', '1.26'), []);
    assert.deepEqual(messagesAt(text, 'invalid-object-name', '1.27'), [
      'metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]',
    ]);
  });
});

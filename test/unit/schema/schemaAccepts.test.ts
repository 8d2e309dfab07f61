import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_POD, schemaFindings, yaml } from './schemaFindings';

const fixtures = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'schema');

function podWith(...containerLines: string[]): string {
  return yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    '  creationTimestamp: null',
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: nginx:1.27',
    ...containerLines.map((line) => `    ${line}`),
  );
}

describe('the strict schema accepts what the API server accepts', () => {
  it('accepts null for optional lists, objects and values', () => {
    assert.deepEqual(
      schemaFindings(
        podWith('args: null', 'env: ~', 'volumeMounts:', 'resources: {}', 'securityContext: null', 'workingDir: null'),
      ),
      [],
    );
  });

  it('accepts int-or-string ports in both forms', () => {
    assert.deepEqual(
      schemaFindings(
        podWith(
          'ports:',
          '- {name: http, containerPort: 8080}',
          'livenessProbe:',
          '  httpGet: {path: /healthz, port: http}',
          'readinessProbe:',
          '  tcpSocket: {port: 8080}',
        ),
      ),
      [],
    );
  });

  it('accepts quantities as numbers, decimals and suffixed strings', () => {
    assert.deepEqual(
      schemaFindings(
        podWith(
          'resources:',
          '  requests: {cpu: 0.5, memory: 128Mi}',
          '  limits: {cpu: 2, memory: "1Gi", ephemeral-storage: 1e9}',
        ),
      ),
      [],
    );
  });

  it('still rejects a quantity given as a list', () => {
    const findings = schemaFindings(podWith('resources:', '  limits: {cpu: [1]}'));
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [10, 20, 10, 23]);
    assert.equal(
      findings[0]!.message,
      'spec.containers[0].resources.limits.cpu: expected number or string, got a list.',
    );
  });

  it('accepts a YAML 1.1 octal defaultMode', () => {
    assert.deepEqual(
      schemaFindings(
        yaml(
          ...APP_POD,
          '  volumes:',
          '  - name: config',
          '    configMap:',
          '      name: settings',
          '      defaultMode: 0644',
        ),
      ),
      [],
    );
  });

  it('rejects an int-or-string port given as a boolean', () => {
    const findings = schemaFindings(podWith('livenessProbe:', '  tcpSocket: {port: on}'));
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [10, 24, 10, 26]);
    assert.equal(
      findings[0]!.message,
      'spec.containers[0].livenessProbe.tcpSocket.port: expected integer or string, got boolean true. Quote the value to keep it a string.',
    );
  });

  it('accepts a full manifest with fields up to Kubernetes 1.34 (native sidecar, restart rules, file env, pod resources)', () => {
    const text = readFileSync(join(fixtures, 'all-kinds-valid.yaml'), 'utf8');
    assert.deepEqual(schemaFindings(text), []);
  });

  it('rejects an integer where an integer is not enough (a fractional replica count)', () => {
    const findings = schemaFindings(
      yaml(
        'apiVersion: apps/v1',
        'kind: ReplicaSet',
        'metadata: {name: web}',
        'spec:',
        '  replicas: 1.5',
        '  selector: {matchLabels: {app: web}}',
        '  template:',
        '    metadata: {labels: {app: web}}',
        '    spec:',
        '      containers: [{name: app, image: "nginx:1.27"}]',
      ),
    );
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [4, 12, 4, 15]);
    assert.equal(findings[0]!.message, 'spec.replicas: expected integer, got number 1.5.');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APP_POD, schemaFindings, yaml } from './schemaFindings';

describe('schema findings are placed on the exact key or value', () => {
  it('reports a misspelt field once, on the key, with the closest known field', () => {
    const findings = schemaFindings(
      yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '  - name: app',
        '    image: nginx:1.27',
        '    imagePullPolcy: Always',
      ),
    );
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [8, 4, 8, 18]);
    assert.equal(
      findings[0]!.message,
      'unknown field "imagePullPolcy" in spec.containers[0]. Did you mean "imagePullPolicy"?',
    );
    assert.deepEqual(findings[0]!.data?.['suggestions'], ['imagePullPolicy']);
    assert.equal(findings[0]!.data?.['field'], 'imagePullPolcy');
  });

  it('offers no suggestion when nothing is close', () => {
    const findings = schemaFindings(yaml(...APP_POD, '    flavour: vanilla'));
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [7, 4, 7, 11]);
    assert.equal(findings[0]!.message, 'unknown field "flavour" in spec.containers[0].');
    assert.deepEqual(findings[0]!.data?.['suggestions'], []);
  });

  it('reports a string containerPort once, on the value', () => {
    const findings = schemaFindings(yaml(...APP_POD, '    ports:', '    - containerPort: "8080"'));
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [8, 21, 8, 27]);
    assert.equal(
      findings[0]!.message,
      'spec.containers[0].ports[0].containerPort: expected integer, got string "8080".',
    );
    assert.deepEqual(findings[0]!.data?.['expected'], ['integer']);
  });

  it('reports missing containers once, on the spec key', () => {
    const findings = schemaFindings(
      yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', 'spec:', '  restartPolicy: Never'),
    );
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [3, 0, 3, 4]);
    assert.equal(findings[0]!.message, 'spec: missing required field "containers".');
    assert.equal(findings[0]!.data?.['missingProperty'], 'containers');
  });

  it("reports a missing required field of a list item on the item's first key", () => {
    const findings = schemaFindings(yaml(...APP_POD, '    ports:', '    - protocol: TCP'));
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [8, 6, 8, 14]);
    assert.equal(findings[0]!.message, 'spec.containers[0].ports[0]: missing required field "containerPort".');
  });

  it('reports a field missing at the top of an object on its kind key', () => {
    const findings = schemaFindings(yaml('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: report}'));
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [1, 0, 1, 4]);
    assert.equal(findings[0]!.message, 'CronJob is missing the required field "spec".');
  });

  it('reports an unknown top-level field in the object', () => {
    const findings = schemaFindings(
      yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: web}',
        'sepc: {}',
        'spec:',
        '  containers: [{name: app, image: "nginx:1.27"}]',
      ),
    );
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [3, 0, 3, 4]);
    assert.equal(findings[0]!.message, 'unknown field "sepc" in Pod. Did you mean "spec"?');
  });

  it('reports an unsupported enum value on the value, listing the allowed values', () => {
    const findings = schemaFindings(
      yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: web}',
        'spec:',
        '  restartPolicy: Sometimes',
        '  containers:',
        '  - name: app',
        '    image: nginx:1.27',
      ),
    );
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [4, 17, 4, 26]);
    assert.equal(
      findings[0]!.message,
      'spec.restartPolicy: unsupported value "Sometimes"; supported values: "Always", "Never", "OnFailure".',
    );
    assert.deepEqual(findings[0]!.data?.['allowed'], ['Always', 'Never', 'OnFailure']);
  });

  it('suggests the allowed value a misspelt enum value is closest to', () => {
    const findings = schemaFindings(yaml(...APP_POD, '    ports:', '    - {containerPort: 53, protocol: udp}'));
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [8, 36, 8, 39]);
    assert.equal(
      findings[0]!.message,
      'spec.containers[0].ports[0].protocol: unsupported value "udp"; supported values: "SCTP", "TCP", "UDP". Did you mean "UDP"?',
    );
    assert.deepEqual(findings[0]!.data?.['suggestions'], ['UDP']);
  });

  it('reports a number where an enum string is expected once, as a type error', () => {
    const findings = schemaFindings(yaml(...APP_POD, '    ports:', '    - containerPort: 80', '      protocol: 6'));
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [9, 16, 9, 17]);
    assert.equal(
      findings[0]!.message,
      'spec.containers[0].ports[0].protocol: expected string, got integer 6. Quote the value to keep it a string.',
    );
  });

  it('reports a nested unknown field in a Deployment pod template', () => {
    const findings = schemaFindings(
      yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: web}',
        'spec:',
        '  selector:',
        '    matchLabels: {app: web}',
        '  template:',
        '    metadata:',
        '      labels: {app: web}',
        '    spec:',
        '      containers:',
        '      - name: app',
        '        image: nginx:1.27',
        '        readinessProbe:',
        '          httpGet:',
        '            paht: /healthz',
        '            port: http',
      ),
    );
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [15, 12, 15, 16]);
    assert.equal(
      findings[0]!.message,
      'unknown field "paht" in spec.template.spec.containers[0].readinessProbe.httpGet. Did you mean "path"?',
    );
  });

  it('reports a nested unknown field in a CronJob job template', () => {
    const findings = schemaFindings(
      yaml(
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata: {name: report}',
        'spec:',
        '  schedule: "0 * * * *"',
        '  jobTemplate:',
        '    spec:',
        '      template:',
        '        spec:',
        '          restartPolicy: OnFailure',
        '          containers:',
        '          - name: report',
        '            image: busybox:1.36',
        '            comand: ["sh", "-c", "date"]',
      ),
    );
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [13, 12, 13, 18]);
    assert.equal(
      findings[0]!.message,
      'unknown field "comand" in spec.jobTemplate.spec.template.spec.containers[0]. Did you mean "command"?',
    );
  });

  it('places findings of a List item in the item, with its path', () => {
    const findings = schemaFindings(
      yaml(
        'apiVersion: v1',
        'kind: List',
        'items:',
        '- apiVersion: v1',
        '  kind: ConfigMap',
        '  metadata: {name: settings}',
        '- apiVersion: v1',
        '  kind: Pod',
        '  metadata: {name: web}',
        '  spec:',
        '    containers:',
        '    - name: app',
        '      image: nginx:1.27',
        '      ports:',
        '      - containerPort: "80"',
      ),
    );
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [14, 23, 14, 27]);
    assert.equal(
      findings[0]!.message,
      'items[1].spec.containers[0].ports[0].containerPort: expected integer, got string "80".',
    );
  });

  it('flags an unquoted yes in an env value: YAML 1.1 reads it as a boolean, as the API server does', () => {
    const findings = schemaFindings(yaml(...APP_POD, '    env:', '    - name: FEATURE_ENABLED', '      value: yes'));
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [9, 13, 9, 16]);
    assert.equal(
      findings[0]!.message,
      'spec.containers[0].env[0].value: expected string, got boolean true. Quote the value to keep it a string.',
    );
  });

  it('reads a plain number too large for a float64 as text, as the API server does, not as infinity', () => {
    const findings = schemaFindings(yaml(...APP_POD, '  activeDeadlineSeconds: -1e400', '  priority: &p 1e400'));
    assert.deepEqual(
      findings.map((finding) => finding.message),
      [
        'spec.activeDeadlineSeconds: expected integer, got string "-1e400".',
        'spec.priority: expected integer, got string "1e400".',
      ],
    );
  });

  it('reports .inf and .nan where a number belongs: JSON, which the API server decodes, has neither', () => {
    const findings = schemaFindings(yaml(...APP_POD, '  activeDeadlineSeconds: -.inf', '  priority: .nan'));
    assert.deepEqual(
      findings.map((finding) => finding.message),
      [
        'spec.activeDeadlineSeconds: expected integer, got infinity (.inf and .nan have no JSON form).',
        'spec.priority: expected integer, got not-a-number (.inf and .nan have no JSON form).',
      ],
    );
  });

  it('reports an object where a list is expected on the value', () => {
    const findings = schemaFindings(
      yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: web}',
        'spec:',
        '  containers:',
        '    name: app',
        '    image: nginx:1.27',
      ),
    );
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [5, 4, 7, 0]);
    assert.equal(findings[0]!.message, 'spec.containers: expected array, got an object.');
  });

  it('reports a required object given as null on its key', () => {
    const findings = schemaFindings(
      yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: web}',
        'spec:',
        '  selector: {matchLabels: {app: web}}',
        '  template:',
      ),
    );
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.range, [5, 2, 5, 10]);
    assert.equal(findings[0]!.message, 'spec.template: expected object, got null.');
  });

  it('places findings under keys YAML reads as numbers or booleans', () => {
    const findings = schemaFindings(
      yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        '  labels: {1: 2}',
        'spec:',
        '  true: 1',
        '  containers: [{name: app, image: "nginx:1.27"}]',
      ),
    );
    assert.deepEqual(
      findings.map((finding) => [finding.range, finding.message]),
      [
        [[4, 14, 4, 15], 'metadata.labels[1]: expected string, got integer 2. Quote the value to keep it a string.'],
        [[6, 2, 6, 6], 'unknown field "true" in spec.'],
      ],
    );
  });

  it('names several problems in one pod separately, in document order', () => {
    const findings = schemaFindings(
      yaml(
        ...APP_POD,
        '    imagePullPolicy: Sometimes',
        '    ports:',
        '    - containerPort: http',
        '  hostnetwork: true',
      ),
    );
    assert.deepEqual(
      findings.map((finding) => finding.range),
      [
        [7, 21, 7, 30],
        [9, 21, 9, 25],
        [10, 2, 10, 13],
      ],
    );
    assert.equal(findings[2]!.message, 'unknown field "hostnetwork" in spec. Did you mean "hostNetwork"?');
  });
});

describe('schema findings at scale', () => {
  it('reports each of 2000 misspelt fields on its own key, quickly', () => {
    const containers: string[] = [];
    for (let index = 0; index < 2000; index++)
      containers.push(`  - {name: c${index}, image: busybox, imagePullPolcy: Always}`);
    const text = yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: many}', 'spec:', '  containers:', ...containers);
    const started = Date.now();
    const findings = schemaFindings(text);
    const elapsed = Date.now() - started;
    assert.equal(findings.length, 2000);
    assert.deepEqual(findings[1999]!.range, [2004, 34, 2004, 48]);
    assert.ok(elapsed < 5000, `took ${elapsed} ms`);
  });
});

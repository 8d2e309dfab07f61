import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText, yaml } from '../../support/text';

test('a probe port name the API server rejects is reported once, by invalid-name', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - {containerPort: 80, name: http}
        readinessProbe:
          httpGet: {path: /, port: Web_Port}
  `;
  const atPort = lintText(text).filter((f) => f.text === 'Web_Port');
  assert.deepEqual(
    atPort.map((f) => f.code),
    ['invalid-name'],
  );
});

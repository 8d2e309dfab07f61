import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { API_RULES } from '../../../../server/src/rules/api';
import { runRuleSet } from '../../../../server/src/rules/engine/runRule';
import { buildDocumentModel } from '../../../../server/src/service/model/documentModel';
import { resolveSettings } from '../../../../server/src/service/settings';
import { lint } from '../../../support/ruleFixtures';

const SETTINGS = resolveSettings({});

/** Pods whose fields have the wrong shapes everywhere the rules look. */
const MALFORMED = [
  'apiVersion: v1\nkind: Pod\nspec:\n',
  'apiVersion: v1\nkind: Pod\nspec: 5\n',
  'apiVersion: v1\nkind: Pod\nspec:\n  containers: null\n  initContainers: "x"\n  volumes: [null, 1, {}]\n',
  'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - 42\n  - [a, b]\n  - name: {a: 1}\n    image: [x]\n    ports: "80"\n    env: [1, null, {name: null, valueFrom: 3}]\n    volumeMounts: {a: b}\n',
  'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    resources: {requests: [1], limits: "x"}\n    livenessProbe: 1\n    lifecycle: {preStop: 1, postStart: null}\n    securityContext: {capabilities: {add: "CAP_SYS_ADMIN"}, allowPrivilegeEscalation: "false"}\n',
  'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    resources: {requests: {cpu: "1e99999", memory: "' +
    '9'.repeat(150) +
    'Ei"}, limits: {cpu: {}, memory: null}}\n    ports: [{containerPort: "80", hostPort: 1.5, name: 7}]\n',
  'apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector: [1]\n  template: 3\n',
  'apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector: {matchLabels: [a], matchExpressions: {a: 1}}\n  template: {metadata: {labels: "x"}, spec: {containers: [{name: a, image: b}]}}\n',
  'apiVersion: batch/v1\nkind: Job\nspec:\n  manualSelector: true\n  selector: {matchExpressions: [{key: a, operator: Weird}]}\n  template: {spec: {restartPolicy: [x], containers: [{name: a, image: b}]}}\n',
  'apiVersion: v1\nkind: Pod\nspec:\n  dnsPolicy: None\n  dnsConfig: 5\n  hostname: 12\n  resourceClaims: 1\n  ephemeralContainers: {a: 1}\n  terminationGracePeriodSeconds: "-1"\n  containers: [{name: a, image: b, resources: {claims: [{name: null}, 5]}}]\n',
  'apiVersion: v1\nkind: Pod\nspec: &s\n  containers: [{name: a, image: b, env: [{name: "\\u0000\\u00e9="}]}]\n',
];

describe('api rules on hostile input', () => {
  for (const [index, text] of MALFORMED.entries()) {
    it(`malformed pod #${index + 1}: reports, never throws`, () => {
      const findings = lint(text, SETTINGS);
      assert.ok(Array.isArray(findings));
      for (const finding of findings) assert.ok(finding.finding.range.start <= finding.finding.range.end);
    });
  }

  it('random values in every container field never make a rule throw', () => {
    const field = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -70000, max: 70000 }),
      fc.string({ maxLength: 12 }),
      fc.boolean(),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
      fc.dictionary(
        fc.constantFrom(
          'name',
          'port',
          'value',
          'valueFrom',
          'cpu',
          'memory',
          'exec',
          'httpGet',
          'hostPort',
          'containerPort',
        ),
        fc.jsonValue({ maxDepth: 2 }),
        { maxKeys: 4 },
      ),
    );
    const container = fc.record(
      {
        name: field,
        image: field,
        ports: field,
        env: field,
        volumeMounts: field,
        resources: field,
        livenessProbe: field,
        restartPolicy: field,
        lifecycle: field,
        securityContext: field,
        envFrom: field,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.array(container, { maxLength: 3 }),
        fc.array(container, { maxLength: 2 }),
        fc.array(field, { maxLength: 3 }),
        (containers, initContainers, volumes) => {
          const text = stringify({
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: 'x' },
            spec: { containers, initContainers, volumes, hostNetwork: true },
          });
          const findings = lint(text, SETTINGS);
          return findings.every(
            (finding) => typeof finding.message === 'string' && finding.finding.range.end <= text.length,
          );
        },
      ),
      { numRuns: 300, seed: 20260122 },
    );
  });

  it('a pod with 2000 containers is checked quickly and fully', () => {
    const containers = Array.from({ length: 2000 }, (_, index) => ({
      name: `c${index}`,
      image: 'nginx:1.27',
      ports: [{ name: `p${index}`, containerPort: 1000 + index, hostPort: 20000 + index }],
      env: [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ],
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
      resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
    }));
    containers.push({ ...containers[0]!, name: 'c0' });
    const text = stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'big' },
      spec: { containers, volumes: [{ name: 'data', emptyDir: {} }] },
    });
    // Parsing is not the rules' business: time the api rules alone on the built model.
    const document = buildDocumentModel(text);
    const started = performance.now();
    const findings = runRuleSet(API_RULES, document.pods[0]!, { settings: SETTINGS, document });
    const elapsed = performance.now() - started;
    assert.deepEqual([...new Set(findings.map((finding) => finding.code))].sort(), [
      'duplicate-container-name',
      'duplicate-port-name',
      'host-port-conflict',
    ]);
    assert.ok(elapsed < 3000, `the api rules took ${Math.round(elapsed)} ms on 2001 containers`);
  });

  it('thousands of containers with one name: each duplicate found in linear time, each suggesting its own name', () => {
    const podWithDuplicates = (count: number) =>
      buildDocumentModel(
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: twins\nspec:\n  containers:\n' +
          '    - name: app\n      image: nginx:1.27\n'.repeat(count),
      );
    const timeRules = (count: number) => {
      const document = podWithDuplicates(count);
      const started = performance.now();
      const findings = runRuleSet(API_RULES, document.pods[0]!, { settings: SETTINGS, document });
      return { findings, milliseconds: performance.now() - started };
    };
    // Compared with a tenth of the containers rather than with the clock, so that a busy machine does not fail
    // it: linear work takes about ten times as long, a scan of the pod per duplicate a hundred times.
    const small = timeRules(1_000);
    const large = timeRules(10_000);
    assert.ok(
      large.milliseconds < 30 * small.milliseconds + 500,
      `1,000 containers: ${small.milliseconds.toFixed(0)} ms, 10,000: ${large.milliseconds.toFixed(0)} ms`,
    );
    const suggestions = large.findings
      .filter((finding) => finding.code === 'duplicate-container-name')
      .map((finding) => (finding.data as { suggestion: string }).suggestion);
    assert.equal(suggestions.length, 9_999);
    assert.equal(new Set(suggestions).size, suggestions.length, 'two duplicates were offered the same name');
    assert.deepEqual(suggestions.slice(0, 3), ['app-2', 'app-3', 'app-4']);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText, yaml } from '../../support/text';
import { DEFAULT_SETTINGS, ParsedFile, lintText as serviceLintText } from '../../../server/src/service';

test('a YAML syntax error is one diagnostic at its place', () => {
  const findings = lintText('apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a, image: x:1}\n');
  const syntax = findings.filter((f) => f.code === 'yaml-syntax');
  assert.equal(syntax.length, 1, JSON.stringify(findings));
  assert.equal(syntax[0]!.severity, 'error');
  assert.equal(syntax[0]!.start.line, 3);
});

test('a duplicate key is an error on the repeated key, naming it', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: a
      name: b
    spec:
      containers: [{name: a, image: x:1}]
  `;
  const duplicates = lintText(text).filter((f) => f.code === 'duplicate-key');
  assert.equal(duplicates.length, 1);
  assert.deepEqual([duplicates[0]!.start, duplicates[0]!.text], [{ line: 4, character: 2 }, 'name']);
  assert.match(duplicates[0]!.message, /Duplicate field "name"/);
});

test('files without pods get no findings at all, even when broken', () => {
  assert.deepEqual(lintText('name: CI\non: [push\njobs: {}\n'), []);
  assert.deepEqual(lintText('apiVersion: v1\nkind: ConfigMap\ndata:\n  a: 1\n  a: 2\n'), []);
  assert.deepEqual(lintText(''), []);
  assert.deepEqual(lintText('# only a comment\n'), []);
});

test('a broken document that names a pod kind is still reported', () => {
  const findings = lintText('apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n');
  assert.ok(findings.some((f) => f.code === 'yaml-syntax' && f.severity === 'error'));
});

test('Helm templates are skipped with one hint for the whole file', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: {{ .Release.Name }}
    spec:
      replicas: {{ .Values.replicas }}
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: {{ .Release.Name }}-b
  `;
  const findings = lintText(text);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.code, 'template-skipped');
  assert.equal(findings[0]!.severity, 'hint');
  assert.deepEqual(findings[0]!.start, { line: 3, character: 8 });
});

test('a removed apiVersion of a pod-bearing kind is rejected on the apiVersion value', () => {
  const findings = lintText('apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata: {name: d}\n');
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.text, 'extensions/v1beta1');
  assert.match(findings[0]!.message, /removed in Kubernetes 1\.16/);
});

test('validate: false reports nothing', () => {
  assert.deepEqual(lintText('apiVersion: v1\nkind: Pod\nspec: [\n', { validate: false }), []);
});

test('ranges of later documents are file offsets', () => {
  const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n---\napiVersion: apps/v1beta2\nkind: Deployment\n';
  const findings = lintText(text);
  const removed = findings.find((f) => f.text === 'apps/v1beta2');
  assert.ok(removed);
  assert.deepEqual(removed.start, { line: 5, character: 12 });
  assert.equal(removed.documentIndex, 1);
});

test('a removed apiVersion beside a pod is reported; the same object alone is not touched', () => {
  const pdb = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec: {maxUnavailable: 1}\n';
  const pod =
    '---\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: busybox:1.36}]\n';
  const beside = lintText(pdb + pod).filter((f) => f.code === 'schema');
  assert.equal(beside.length, 1);
  assert.equal(beside[0]!.text, 'policy/v1beta1');
  assert.match(beside[0]!.message, /removed in Kubernetes 1\.25\. Use policy\/v1/);
  assert.deepEqual(lintText(pdb), []);
  // Targeting a release that still served it, it is accepted.
  assert.deepEqual(
    lintText(pdb + pod, { kubernetesVersion: '1.24' }).filter((f) => f.code === 'schema'),
    [],
  );
});

test('suppression comments silence schema findings too', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: a}
    spec:
      containers:
      - name: a
        image: busybox:1.36
        # pod-patterns-disable-next-line schema -- set by our admission webhook
        colour: blue
        shade: dark
  `;
  const schema = lintText(text).filter((f) => f.code === 'schema');
  assert.deepEqual(
    schema.map((f) => f.text),
    ['shade'],
  );
});

test('the one-shot lintText reports objects beside pods only in files that hold a pod, as ParsedFile does', () => {
  const ingress = 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\n';
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: a, image: "x:1"}]\n';
  for (const text of [`${ingress}---\n${pod}`, `${pod}---\n${ingress}`, ingress]) {
    const expected = new ParsedFile(text).findings(DEFAULT_SETTINGS);
    const oneShot = serviceLintText(text, DEFAULT_SETTINGS);
    assert.deepEqual(oneShot.findings, expected);
    assert.equal(oneShot.podCount, text.includes('kind: Pod') ? 1 : 0);
  }
  const beside = serviceLintText(`${ingress}---\n${pod}`, DEFAULT_SETTINGS).findings.filter(
    (finding) => finding.documentIndex === 0,
  );
  assert.ok(beside.length > 0, 'the removed Ingress apiVersion next to a pod is reported');
  assert.deepEqual(serviceLintText(ingress, DEFAULT_SETTINGS).findings, []);
});

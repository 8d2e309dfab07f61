import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParsedFile, resolveSettings } from '../../../../server/src/service';
import { analyzePod } from '../../../../server/src/service/analysis/analyzePod';
import { PATTERN_RULES } from '../../../../server/src/rules/pattern';
import { PRACTICE_RULES } from '../../../../server/src/rules/practice';

const ODD_PODS = [
  // Containers and lists that are not what the schema wants.
  'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [just-a-string, 42, null, {name: x, ports: "8080", env: [{name: A, value: {nested: map}}], command: [[1, 2]], args: [null]}]\n  initContainers: {not: a list}\n  volumes: [{}, {name: v}, {name: v, emptyDir: {medium: Memory}}]\n',
  // Resources with nonsense quantities, probes without handlers, annotations of the wrong type.
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  annotations: {kubectl.kubernetes.io/default-container: [x], pod-patterns.dev/roles: 5}\nspec:\n  initContainers:\n  - name: i\n    image: ""\n    restartPolicy: Always\n    resources: {requests: {cpu: lots, memory: -1Gi}, limits: [1]}\n    livenessProbe: {httpGet: {port: {}}}\n  containers:\n  - image: "   "\n    resources: {requests: {cpu: 1e400}}\n    readinessProbe: {tcpSocket: {port: 99999999}}\n    volumeMounts: [{name: v, mountPath: ""}, {mountPath: /x}]\n',
  // Empty spec, spec as a scalar, no containers at all.
  'apiVersion: batch/v1\nkind: Job\nmetadata: {name: c}\nspec:\n  template:\n    spec: nope\n',
  'apiVersion: v1\nkind: Pod\nmetadata: {name: d}\nspec: {}\n',
];

test('rules and the analysis survive odd shapes without throwing', () => {
  for (const text of ODD_PODS) {
    for (const version of ['1.27', '1.28', '1.34']) {
      const analysis = new ParsedFile(text);
      const findings = analysis.findings(resolveSettings({ kubernetesVersion: version }));
      for (const finding of findings) {
        assert.ok(
          finding.range.start >= 0 && finding.range.end <= text.length && finding.range.start <= finding.range.end,
          `range of ${finding.code}`,
        );
      }
      for (const { pod } of analysis.pods) {
        const podAnalysis = analyzePod(pod);
        assert.ok(['Guaranteed', 'Burstable', 'BestEffort'].includes(podAnalysis.qosClass));
      }
    }
  }
  assert.ok(PATTERN_RULES.length + PRACTICE_RULES.length >= 18);
});

test('odd values still give precise findings where they apply', () => {
  const findings = new ParsedFile(ODD_PODS[1]!).findings(resolveSettings({ kubernetesVersion: '1.27' }));
  const codes = new Set(findings.map((finding) => finding.code));
  // The native sidecar is reported for the old target, and the unmounted volume name is not invented.
  assert.ok(codes.has('native-sidecar-unsupported'));
  assert.ok(!codes.has('unused-volume'));
});

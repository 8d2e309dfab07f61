import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { yaml } from '../../support/text';
import { applyEdits, createLanguageService, DEFAULT_SETTINGS, THROWING_LOGGER } from '../../../server/src/service';

const service = createLanguageService({ logger: THROWING_LOGGER });

const TWO_PODS = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: first
  spec:
    containers:
      - name: web
        image: nginx:latest
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: second
  spec:
    containers:
      - name: api
        image: example/api:1.0
`;

describe('createLanguageService', () => {
  it('hands the logger it was given to its hosts', () => {
    assert.equal(service.logger, THROWING_LOGGER);
  });

  it('keeps the models of unchanged documents when given the previous parse', () => {
    const before = service.parseFile(TWO_PODS);
    const edited = TWO_PODS.replace('example/api:1.0', 'example/api:1.1');
    const after = service.parseFile(edited, before);
    assert.equal(after.documents[0]!.model, before.documents[0]!.model);
    assert.notEqual(after.documents[1]!.model, before.documents[1]!.model);
    assert.equal(service.parseFile(edited).documents[0]!.model === before.documents[0]!.model, false);
  });

  it('finds the same findings in one-shot linting as in a kept parse', () => {
    const kept = service.findings(service.parseFile(TWO_PODS), DEFAULT_SETTINGS);
    const { findings, podCount } = service.lintText(TWO_PODS, DEFAULT_SETTINGS);
    assert.deepEqual(findings, kept);
    assert.equal(podCount, 2);
    assert.ok(kept.some((finding) => finding.code === 'latest-image-tag'));
  });

  it('chooses the topology target asked for, else the pod under the offset', () => {
    const file = service.parseFile(TWO_PODS);
    const inSecond = TWO_PODS.indexOf('name: api');
    assert.equal(service.topologyTarget(file, undefined, inSecond)?.label, 'Pod second (document 2)');
    assert.equal(
      service.topologyTarget(file, { documentIndex: 0, podIndex: 0 }, inSecond)?.label,
      'Pod first (document 1)',
    );
    assert.deepEqual(
      service.topologyTargets(file).map((target) => target.documentIndex),
      [0, 1],
    );
  });

  it('inserts a pattern into the pod at an offset', () => {
    const file = service.parseFile(TWO_PODS);
    const pod = service.podAt(file, TWO_PODS.indexOf('name: api'))!;
    assert.equal(pod.pod.name, 'second');
    const result = service.insertPattern(pod, { kind: 'sidecar' }, DEFAULT_SETTINGS);
    assert.ok(result.ok);
    const inserted = service.parseFile(applyEdits(TWO_PODS, result.edits));
    assert.deepEqual(
      inserted.pods[1]!.pod.containers.map((container) => container.name),
      ['api', result.containerName],
    );
    assert.equal(service.podAnalysis(inserted.pods[1]!).roleOf(inserted.pods[1]!.pod.containers[1]!), 'sidecar');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closestNames, editDistance } from '../../../server/src/service/text/closestNames';
import { formatApiPath } from '../../../server/src/service/schema/apiPath';

describe('closestNames', () => {
  it('counts a swap of neighbours as one edit', () => {
    assert.equal(editDistance('paht', 'path'), 1);
    assert.equal(editDistance('comand', 'command'), 1);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('ranks by distance, ignoring case, and drops far names', () => {
    assert.deepEqual(closestNames('ContainerPort', ['containerPort', 'hostPort', 'name']), ['containerPort']);
    assert.deepEqual(closestNames('imagePullPolcy', ['image', 'imagePullPolicy', 'imagePullSecrets']), [
      'imagePullPolicy',
    ]);
    assert.deepEqual(closestNames('zzz', ['image', 'name']), []);
  });
});

describe('formatApiPath', () => {
  it('writes paths as the API server does', () => {
    assert.equal(
      formatApiPath(['spec', 'template', 'spec', 'containers', 0, 'ports', 1, 'containerPort']),
      'spec.template.spec.containers[0].ports[1].containerPort',
    );
    assert.equal(
      formatApiPath(['metadata', 'labels', 'app.kubernetes.io/name']),
      'metadata.labels[app.kubernetes.io/name]',
    );
    assert.equal(formatApiPath([]), '');
  });
});

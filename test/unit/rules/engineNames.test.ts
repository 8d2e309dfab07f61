import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DNS1123_LABEL_DETAIL,
  dns1123LabelErrors,
  portNameErrors,
  relaxedEnvNameErrors,
  strictEnvNameErrors,
} from '../../../server/src/rules/engine/names';

describe('API name syntax', () => {
  it('DNS-1123 labels', () => {
    for (const ok of ['a', 'web', 'web-1', '1web', 'a'.repeat(63)]) assert.deepEqual(dns1123LabelErrors(ok), [], ok);
    assert.deepEqual(dns1123LabelErrors('Web'), [DNS1123_LABEL_DETAIL]);
    assert.deepEqual(dns1123LabelErrors('-web'), [DNS1123_LABEL_DETAIL]);
    assert.deepEqual(dns1123LabelErrors('my.app'), ['must not contain dots']);
    assert.deepEqual(dns1123LabelErrors('a'.repeat(64)), ['must be no more than 63 characters']);
  });

  it('IANA service names for ports', () => {
    for (const ok of ['http', 'http-metrics', 'h2c', 'a1', 'metrics-9090'])
      assert.deepEqual(portNameErrors(ok), [], ok);
    assert.deepEqual(portNameErrors('http-metrics-endpoint'), ['must be no more than 15 characters']);
    assert.deepEqual(portNameErrors('8080'), ['must contain at least one letter (a-z)']);
    assert.deepEqual(portNameErrors('a--b'), ['must not contain consecutive hyphens']);
    assert.deepEqual(portNameErrors('-http'), ['must not begin or end with a hyphen']);
    assert.deepEqual(portNameErrors('HTTP'), [
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must contain at least one letter (a-z)',
    ]);
  });

  it('environment variable names, strict and relaxed', () => {
    for (const ok of ['HOME', 'my.env-name', '_x', 'A1']) assert.deepEqual(strictEnvNameErrors(ok), [], ok);
    assert.equal(strictEnvNameErrors('1ST').length, 1);
    assert.deepEqual(strictEnvNameErrors('.'), ["must not be '.'"]);
    assert.deepEqual(strictEnvNameErrors('..'), ["must not be '..'"]);
    assert.deepEqual(strictEnvNameErrors('..x'), ["must not start with '..'"]);
    for (const ok of ['1ST', 'with space', 'a:b', '~']) assert.deepEqual(relaxedEnvNameErrors(ok), [], ok);
    assert.equal(relaxedEnvNameErrors('A=B').length, 1);
    assert.equal(relaxedEnvNameErrors('tab\there').length, 1);
    assert.equal(relaxedEnvNameErrors('café').length, 1);
  });
});

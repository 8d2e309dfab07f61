import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { jsonValue } from '../../../server/src/service/schema/jsonValue';
import { parseYamlDocument } from '../../../server/src/service/yaml/parseYaml';
import { toJSON, type YNode } from '../../../server/src/service/yaml/nodes';

function rootOf(text: string): YNode {
  const { root } = parseYamlDocument(text);
  assert.ok(root);
  return root;
}

describe('jsonValue (what the schema validators read)', () => {
  it('equals the tree\'s toJSON, key order and duplicate keys included', () => {
    const text = 'b: 1\na: [x, {c: null, d: true}, 2.5]\nb: 2\n1: one\n~: nothing\nlist:\n  - - nested\nempty:\n';
    const root = rootOf(text);
    assert.deepEqual(jsonValue(root), toJSON(root));
    assert.deepEqual(Object.keys(jsonValue(root) as object), Object.keys(toJSON(root) as object));
    assert.equal((jsonValue(root) as Record<string, unknown>)['b'], 2);
  });

  it('keeps a __proto__ key as data and the prototype untouched', () => {
    const value = jsonValue(rootOf('__proto__:\n  polluted: true\nkind: Pod\n')) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(value, '__proto__')?.value, { polluted: true });
    assert.deepEqual(Object.keys(value), ['__proto__', 'kind']);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('refuses a tree past the node budget with a RangeError, as toJSON does', () => {
    const items = Array.from({ length: 1_000_001 }, () => ({ kind: 'scalar' as const, value: 1, style: 'plain' as const, range: { start: 0, end: 1 } }));
    const huge: YNode = { kind: 'seq', items, flow: true, range: { start: 0, end: 1 } };
    assert.throws(() => toJSON(huge), RangeError);
    assert.throws(() => jsonValue(huge), RangeError);
  });
});

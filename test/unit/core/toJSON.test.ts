import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { toJSON } from '../../../server/src/service/yaml/nodes';
import { parseYamlDocument } from '../../../server/src/service/yaml/parseYaml';

const jsonOf = (text: string) => toJSON(parseYamlDocument(text).root);

describe('toJSON: the value the schema validators see', () => {
  it('keeps a __proto__ key as data without touching the prototype', () => {
    const value = jsonOf('metadata:\n  __proto__:\n    polluted: yes\n  name: x\n') as {
      metadata: Record<string, unknown>;
    };
    assert.equal(Object.getPrototypeOf(value.metadata), Object.prototype);
    assert.deepEqual(Object.keys(value.metadata), ['__proto__', 'name']);
    assert.deepEqual(Object.getOwnPropertyDescriptor(value.metadata, '__proto__')?.value, { polluted: true });
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('gives YAML 1.1 values, null for empty values and keys as text', () => {
    assert.deepEqual(jsonOf('a: yes\nb: 0644\nc:\nd: "1"\non: [1.5, ~]\n'), {
      a: true,
      b: 420,
      c: null,
      d: '1',
      on: [1.5, null],
    });
  });

  it('keeps a plain number too large for a float64 as its text, on both parse paths; .inf has no JSON form', () => {
    const expected = { a: '1e400', b: '-1E+999', c: 'Infinity', d: '12e99999' };
    // The text scanner reads the first; an anchor sends the second through composition.
    assert.deepEqual(jsonOf('a: 1e400\nb: -1E+999\nc: .inf\nd: 12e99999\n'), expected);
    assert.deepEqual(jsonOf('a: &a 1e400\nb: -1E+999\nc: .inf\nd: 12e99999\n'), expected);
  });
});

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, type FileFinding } from '../../../server/src/service';
import { MAX_FINDINGS_PER_DOCUMENT, MAX_MESSAGE_LENGTH } from '../../../server/src/service/parsedFile';
import { checkService } from './fuzzing';

interface Outcome {
  readonly findings: readonly FileFinding[];
  readonly milliseconds: number;
  readonly heapGrowthMb: number;
}

/** Validates a text and reports time and heap growth; the properties of the fuzzing suite hold too. */
function validateHostile(text: string, msPerDocument = 10_000): Outcome {
  const heapBefore = process.memoryUsage().heapUsed;
  const { findings, milliseconds } = checkService(text, DEFAULT_SETTINGS, msPerDocument);
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  return { findings, milliseconds, heapGrowthMb };
}

const POD_HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hostile\nspec:\n';

function assertClearError(outcome: Outcome, pattern: RegExp): void {
  const errors = outcome.findings.filter((finding) => finding.severity === 'error');
  assert.ok(
    errors.some((finding) => pattern.test(finding.message)),
    `expected an error matching ${pattern}, got ${JSON.stringify(outcome.findings.map((f) => f.message))}`,
  );
  for (const finding of outcome.findings)
    assert.ok(
      finding.message.length <= MAX_MESSAGE_LENGTH + 1,
      `message too long (${finding.message.length} characters)`,
    );
}

describe('hostile inputs: bounded time and memory, a clear diagnostic, no crash', () => {
  it('an alias bomb ("billion laughs") is refused, not expanded', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const text = `${POD_HEAD}  containers:\n    - name: bomb\n      image: nginx\n      env:\n        - name: X\n          value: "1"\n  bomb:\n${levels.map((line) => `    ${line}`).join('\n')}\n`;
    const outcome = validateHostile(text);
    assertClearError(outcome, /alias/i);
    assert.ok(outcome.milliseconds < 2000, `${outcome.milliseconds} ms`);
    assert.ok(outcome.heapGrowthMb < 200, `${outcome.heapGrowthMb} MB`);
  });

  it('50,000 aliases of one anchor are resolved in linear time', () => {
    const withAliases = (count: number) =>
      `${POD_HEAD}  containers:\n    - name: app\n      image: nginx\n      env: &env []\n      args:\n${Array.from({ length: count }, () => '        - *env').join('\n')}\n`;
    // Compared with a tenth of the aliases rather than with the clock, so that a busy machine does not fail it:
    // linear work takes about ten times as long, a lookup per alias over the document a hundred times.
    const small = validateHostile(withAliases(5_000), Number.POSITIVE_INFINITY);
    const large = validateHostile(withAliases(50_000), Number.POSITIVE_INFINITY);
    assert.ok(
      large.milliseconds < 30 * small.milliseconds + 500,
      `5,000 aliases: ${small.milliseconds.toFixed(0)} ms, 50,000: ${large.milliseconds.toFixed(0)} ms`,
    );
  });

  it('1,000 levels of nesting, block and flow', () => {
    let block = '';
    for (let depth = 0; depth < 1000; depth++) block += `${' '.repeat(depth)}k${depth}:\n`;
    const flow = `${POD_HEAD}  x: ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
    for (const text of [`${POD_HEAD}  nested:\n${block.replace(/^/gm, '    ')}`, flow]) {
      const outcome = validateHostile(text);
      assertClearError(outcome, /nesting deeper than/);
      assert.ok(outcome.milliseconds < 5000, `${outcome.milliseconds} ms`);
    }
  });

  it('a 10 MB file of pods', () => {
    const pod = (i: number) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: A\n          value: "${'x'.repeat(40)}"\n`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 10 * 2 ** 20; i++) {
      parts.push(pod(i));
      size += parts[parts.length - 1]!.length + 4;
    }
    const text = parts.join('---\n');
    const outcome = validateHostile(text, 1000);
    assert.equal(outcome.findings.filter((finding) => finding.code === 'yaml-syntax').length, 0);
    assert.ok(outcome.milliseconds < 60_000, `${outcome.milliseconds} ms`);
    assert.ok(outcome.heapGrowthMb < 1500, `${outcome.heapGrowthMb} MB`);
    console.log(
      `10 MB (${parts.length} pods): ${outcome.milliseconds.toFixed(0)} ms, heap +${outcome.heapGrowthMb.toFixed(0)} MB, ${outcome.findings.length} findings`,
    );
  });

  it('a list of 100,000 containers', () => {
    const containers = Array.from({ length: 100_000 }, (_, i) => `    - name: c${i}\n      image: nginx\n`).join('');
    const outcome = validateHostile(`${POD_HEAD}  containers:\n${containers}`, 60_000);
    assert.ok(outcome.milliseconds < 30_000, `${outcome.milliseconds} ms`);
    console.log(`100,000 containers: ${outcome.milliseconds.toFixed(0)} ms, ${outcome.findings.length} findings`);
  });

  it('a key of 1 MB', () => {
    const key = 'k'.repeat(2 ** 20);
    for (const text of [
      `${POD_HEAD}  ${key}: 1\n  containers: []\n`,
      `${POD_HEAD}  containers:\n    - name: a\n      "${key}": 1\n`,
    ]) {
      const outcome = validateHostile(text);
      assertClearError(outcome, /1024/);
      assert.ok(outcome.milliseconds < 5000, `${outcome.milliseconds} ms`);
    }
  });

  it('a scalar of 5 MB', () => {
    const outcome = validateHostile(
      `${POD_HEAD}  containers:\n    - name: a\n      image: "${'i'.repeat(5 * 2 ** 20)}"\n`,
    );
    assert.ok(outcome.milliseconds < 10_000, `${outcome.milliseconds} ms`);
  });

  it('names with bidirectional and zero-width characters are shown escaped, so no message reorders itself', () => {
    // U+202E turns the rest of a line around, U+200B and U+2060 print as nothing, U+2028 breaks the line.
    const name = 'app\u202e\u200bx\u2060\u2028y';
    const outcome = validateHostile(
      `${POD_HEAD}  containers:\n    - name: "${name}"\n      image: nginx:1.27\n    - name: "${name}"\n      image: nginx:1.27\n`,
    );
    const messages = outcome.findings.flatMap((finding) => [
      finding.message,
      ...(finding.related ?? []).map((related) => related.message),
    ]);
    assert.ok(messages.length >= 3, JSON.stringify(messages));
    for (const message of messages) assert.doesNotMatch(message, /[\p{Cf}\p{Zl}\p{Zp}]/u, message);
    assert.ok(
      messages.some((message) => message.includes('"app\\u202e\\u200bx\\u2060\\u2028y"')),
      JSON.stringify(messages),
    );
  });

  it('100,000 wrong values on one line: the first 5,000 findings and a summary', () => {
    const outcome = validateHostile(
      `${POD_HEAD}  containers:\n    - name: a\n      image: nginx\n      args: [${Array.from({ length: 100_000 }, (_, i) => i).join(',')}]\n`,
      30_000,
    );
    assert.ok(outcome.milliseconds < 30_000, `${outcome.milliseconds} ms`);
    assert.equal(outcome.findings.length, MAX_FINDINGS_PER_DOCUMENT + 1);
    assert.match(
      outcome.findings[MAX_FINDINGS_PER_DOCUMENT]!.message,
      /^9\d,\d{3} more findings in this document are not shown \(only the first 5,000 are\)/,
    );
  });
});

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, ParsedFile, lintText, LineIndex, type FileFinding } from '../../../server/src/service';
import { MAX_DOCUMENTS } from '../../../server/src/service/parsedFile';
import { splitDocuments } from '../../../server/src/service/text/splitDocuments';
import { findExcessiveNesting, MAX_NESTING } from '../../../server/src/service/yaml/preScan';
import { parseYamlDocument } from '../../../server/src/service/yaml/parseYaml';
import type { YNode } from '../../../server/src/service/yaml/nodes';
import { loadSeeds } from './fuzzing';
import { checkHostileCase, runHostileShapes, UNIT_SCALE, type HostileCase } from './hostileShapes';

/**
 * The goal for any input up to the 5 MB size limit is 5 s on an idle machine. Generated cases
 * are kept small (tens of milliseconds idle) so that asserting the goal itself leaves room for
 * a machine busy with other work; an unbounded parse of the deep shapes would still fail it.
 */
const BUDGET_MS = 5000;
const FIXTURE_BUDGET_MS = 5000;
const LF = { ending: 'lf', bom: false, salt: 0 } as const;

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hostile\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n';

function heapAfter(run: () => void): number {
  const before = process.memoryUsage().heapUsed;
  run();
  return (process.memoryUsage().heapUsed - before) / 2 ** 20;
}

function lintedLines(text: string): string[] {
  const lines = new LineIndex(text);
  return lintText(text, DEFAULT_SETTINGS).findings.map((finding: FileFinding) => {
    const { line, character } = lines.positionAt(finding.range.start);
    return `${line}:${character} ${finding.code} ${finding.message}`;
  });
}

describe('hostile shapes: bounded work, a finding that names the problem, no throw', () => {
  it('holds for 200 generated shapes with every mix of line endings and a byte order mark', () => {
    const { shapes, slowest } = runHostileShapes(200, UNIT_SCALE, BUDGET_MS, 20261206);
    console.log(
      `hostile shapes: ${JSON.stringify(shapes)}; slowest ${slowest.shape} in ${slowest.milliseconds.toFixed(0)} ms`,
    );
    for (const family of [
      'flow nesting',
      'block nesting',
      'compact nesting',
      'long line',
      'many documents',
      'aliases',
      'merge keys',
      'wide map',
    ]) {
      assert.ok((shapes[family] ?? 0) >= 5, `too few ${family} cases: ${JSON.stringify(shapes)}`);
    }
  });

  for (const megabytes of [1, 5]) {
    it(`a containers value of ${megabytes} MB of "[" is refused at the first bracket too deep, not parsed`, () => {
      const text = `${POD.slice(0, POD.indexOf('  containers:'))}  containers: ${'['.repeat(megabytes * 2 ** 20)}\n`;
      let outcome!: ReturnType<typeof checkHostileCase>;
      const heapMb = heapAfter(
        () =>
          (outcome = checkHostileCase(
            { family: 'fixture', shape: `${megabytes} MB of [`, text, expect: /nesting deeper than 200 levels/ },
            LF,
            FIXTURE_BUDGET_MS,
          )),
      );
      assert.equal(outcome.findings.length, 1);
      const bracketsStart = text.indexOf('[');
      // Two block levels (the document, `spec`) and `containers` leave room for MAX_NESTING - 2 brackets.
      assert.equal(outcome.findings[0]!.range.start, bracketsStart + MAX_NESTING - 2);
      assert.equal(outcome.findings[0]!.data?.['yamlCode'], 'EXCESSIVE_NESTING');
      assert.ok(heapMb < 512, `heap grew ${heapMb.toFixed(0)} MB`);
    });
  }

  it('a single pod of 100,000 lines (2 MB) is read, not refused', () => {
    const env: string[] = [];
    for (let i = 0; env.length < 100_000; i++) env.push(`      - name: VAR_${i}`, `        value: "v${i}"`);
    const text = `${POD}    env:\n${env.join('\n')}\n`;
    const { findings } = checkHostileCase(
      { family: 'fixture', shape: '100k-line pod', text, forbid: /yaml-syntax|not read/ },
      LF,
      FIXTURE_BUDGET_MS,
    );
    assert.deepEqual(
      findings.map((finding) => finding.code),
      ['missing-resources'],
    );
  });

  it(`more than ${MAX_DOCUMENTS.toLocaleString('en-US')} documents (200,000 "---" lines) are refused with one finding; fewer are read`, () => {
    const refused = checkHostileCase(
      {
        family: 'fixture',
        shape: '200k separators',
        text: `${POD}${'---\n'.repeat(200_000)}`,
        expect: /200,001 YAML documents, more than the 100,000/,
      },
      LF,
      FIXTURE_BUDGET_MS,
    );
    assert.equal(refused.findings.length, 1);
    assert.deepEqual(refused.findings[0]!.range, { start: 0, end: 'apiVersion: v1'.length });
    const read = lintText(`${POD}${'---\n'.repeat(90_000)}`, DEFAULT_SETTINGS);
    assert.deepEqual(
      read.findings.map((finding) => finding.code),
      ['missing-resources'],
    );
    assert.equal(read.podCount, 1);
  });

  it('a byte order mark before `kind:` does not hide the document', () => {
    const text = '\uFEFFkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n';
    const { findings } = lintText(text, DEFAULT_SETTINGS);
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.severity]),
      [['schema', 'error']],
    );
    assert.match(findings[0]!.message, /Missing "apiVersion"/);
    assert.equal(splitDocuments(text)[0]!.offset, 1);
    // The editor's analysis agrees, and ranges sit on the text after the mark.
    assert.deepEqual(new ParsedFile(text).findings(DEFAULT_SETTINGS), findings);
    assert.equal(text.slice(findings[0]!.range.start, findings[0]!.range.end), 'kind');
  });

  it('a byte order mark opening a later document (files joined with `cat`) is skipped, as kubectl skips it', () => {
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n';
    const text = `${pod}---\n\uFEFF${pod.replace('name: x', 'name: second')}`;
    const { findings, podCount } = lintText(text, DEFAULT_SETTINGS);
    assert.equal(podCount, 2);
    assert.deepEqual(
      findings.filter((finding) => finding.severity === 'error'),
      [],
    );
    // Ranges after the mark sit on the text the user wrote.
    const second = new ParsedFile(text).pods[1]!;
    assert.equal(second.pod.name, 'second');
    const nameNode = second.pod.containers[0]!.nameNode!;
    const offset = second.document.offset;
    assert.equal(text.slice(offset + nameNode.range.start, offset + nameNode.range.end), 'a');
  });

  it('CR-only line endings give the lines and columns LF does', () => {
    const lf = `${POD}    bogus: 1\n---\n${POD.replace('hostile', 'second')}    ports:\n    - containerPort: 99999\n`;
    const cr = lf.replace(/\n/g, '\r');
    const crLines = lintedLines(cr);
    assert.deepEqual(crLines, lintedLines(lf));
    assert.ok(
      crLines.some((line) => line.startsWith('8:4 schema unknown field "bogus"')),
      crLines.join('\n'),
    );
    assert.ok(
      crLines.some((line) => line.startsWith('19:21 invalid-port-number')),
      'the second document is found after a `---` ended by a lone CR',
    );
    assert.deepEqual(new LineIndex('a\rb\r\nc\nd').positionAt(7), { line: 3, character: 0 });
  });

  it('a merge-key bomb is reported as one, not as "Maximum call stack size exceeded"', () => {
    const levels = ['m0: &m0 {k0: 1}'];
    for (let level = 1; level <= 40; level++)
      levels.push(`m${level}: &m${level}\n  <<: [*m${level - 1}, *m${level - 1}]\n  k${level}: 1`);
    const text = `${POD}  x:\n${levels.join('\n').replace(/^/gm, '    ')}\n`;
    const testCase: HostileCase = {
      family: 'fixture',
      shape: 'merge-key bomb',
      text,
      expect: /merge keys \(<<\) copy more than 1,000,000 fields/,
      forbid: /call stack/,
    };
    const { findings } = checkHostileCase(testCase, LF, BUDGET_MS);
    assert.equal(findings[0]!.data?.['yamlCode'], 'EXCESSIVE_MERGING');
  });

  it('merge keys keep their meaning: merged fields first, the last merge before earlier ones, explicit fields win', () => {
    const text = `${POD}    env:\n    - &a {name: A, value: "1"}\n    - &b {name: B, value: "2"}\n    - <<: *a\n      value: "3"\n      <<: *b\n`;
    const { root } = parseYamlDocument(text);
    const field = (node: YNode | null | undefined, key: string) =>
      node?.kind === 'map' ? node.pairs.find((pair) => pair.key.value === key)?.value : undefined;
    const env = field(field(root, 'spec'), 'containers');
    const merging = env?.kind === 'seq' ? field(env.items[0], 'env') : undefined;
    const third = merging?.kind === 'seq' ? merging.items[2] : undefined;
    assert.ok(third?.kind === 'map');
    assert.deepEqual(
      third.pairs.map(
        (pair) => `${String(pair.key.value)}=${String(pair.value?.kind === 'scalar' ? pair.value.value : '?')}`,
      ),
      ['name=B', 'value=2', 'name=A', 'value=1', 'value=3'],
    );
  });

  it('the pre-scan refuses no document of the seed files and the corpus', () => {
    let documents = 0;
    for (const seed of loadSeeds(() => undefined)) {
      for (const slice of splitDocuments(seed.text)) {
        documents++;
        assert.equal(
          findExcessiveNesting(slice.text.replace(/\r(?!\n)/g, '\n')),
          undefined,
          `${seed.name}, document ${slice.index}`,
        );
      }
    }
    assert.ok(documents > 10);
  });
});

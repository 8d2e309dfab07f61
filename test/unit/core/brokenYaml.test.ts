import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { createLanguageService, DEFAULT_SETTINGS, ParsedFile, THROWING_LOGGER } from '../../../server/src/service';
import { TopologyRequest } from '../../../server/src/shared/protocol';
import { cli } from '../../support/cli';
import { LspHarness } from '../../support/lspHarness';
import { lintText, yaml } from '../../support/text';

const service = createLanguageService({ logger: THROWING_LOGGER });

const SOUND_POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: sound
  spec:
    containers:
    - name: app
      image: nginx:1.27
`;

/** Every finding as `code "the text it marks": message`, in file order. */
function marked(text: string): string[] {
  return lintText(text).map((finding) => `${finding.code} ${JSON.stringify(finding.text)}: ${finding.message}`);
}

test('a tab-indented pod gets one plain syntax finding per tab-indented line and nothing computed on the misread tree', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\nspec:\n\tcontainers:\n\t- name: web\n\t  image: nginx:1\n';
  const findings = lintText(text);
  assert.deepEqual(
    findings.map((finding) => [finding.code, finding.start.line, finding.start.character, finding.message]),
    [3, 5, 6, 7].map((line) => ['yaml-syntax', line, 0, 'A tab character cannot indent YAML: use spaces.']),
  );
  // The parser's recovery reads `containers` as a key of the object and the list as another: not the author's fault.
  assert.ok(!findings.some((finding) => /unknown field|\[\{/.test(finding.message)), JSON.stringify(findings));
});

test("a tab before a list item is one finding on the tab, not the parser's three follow-on errors", () => {
  const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n\t- name: web\n';
  assert.deepEqual(marked(text), ['yaml-syntax "\\t": A tab character cannot indent YAML: use spaces.']);
});

test('an unclosed quote is marked from the quote to the end of its line', () => {
  const text = SOUND_POD.replace('name: sound', 'name: "sound');
  assert.deepEqual(marked(text), [
    'yaml-syntax "\\"sound": Unclosed quote: this double-quoted value has no closing ", so everything after it is read as part of the value.',
  ]);
});

test('a key indented unlike its siblings is marked on that key', () => {
  assert.deepEqual(marked(SOUND_POD.replace('  image: nginx', '   image: nginx')), [
    'yaml-syntax "image": This key is indented differently from its siblings: it continues the line above instead of starting a field.',
  ]);
  assert.deepEqual(marked(SOUND_POD.replace('  name: sound', '   name: sound\n  labels: {}')), [
    'yaml-syntax "labels": This key is indented differently from its siblings.',
  ]);
});

test('two typos give two plain findings and no missing-image for the container that has an image', () => {
  const text =
    SOUND_POD.replace('image: nginx:1.27', 'image nginx:1.27') +
    '  - name: side\n    image: busybox:1.36\n    command: [sh\n';
  assert.deepEqual(marked(text), [
    'yaml-syntax "image nginx": A key without a colon: write "key: value" (a space after the colon).',
    'yaml-syntax "[": This [ is never closed: add the missing ] (or indent the lines that continue it).',
  ]);
});

test('only the broken document of a file is withheld: the others keep their findings', () => {
  const broken = SOUND_POD.replace('name: sound', 'name: broken').replace('name: app', 'name: "app');
  const imageless = SOUND_POD.replace('name: sound', 'name: imageless').replace('    image: nginx:1.27\n', '');
  const findings = lintText(`${broken}---\n${imageless}`);
  const codes = findings.filter((finding) => finding.severity === 'error').map((finding) => finding.code);
  assert.deepEqual(codes, ['yaml-syntax', 'missing-image']);
  assert.ok(findings.find((finding) => finding.code === 'missing-image')!.start.line > broken.split('\n').length);
});

test('the describe, topology and add commands refuse a broken document and never write into it', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'pod-patterns-broken-'));
  try {
    const file = path.join(directory, 'pod.yaml');
    const brokenText = SOUND_POD.replace('name: sound', 'name: "sound');
    writeFileSync(file, brokenText);

    const added = cli(['add', 'sidecar', file]);
    assert.equal(added.code, 1);
    assert.match(added.stderr, /is not changed: the YAML has a syntax error \(line 4: Unclosed quote/);
    assert.equal(readFileSync(file, 'utf8'), brokenText);

    const drawn = cli(['topology', file]);
    assert.equal(drawn.code, 1);
    assert.equal(drawn.stdout, '');
    assert.match(drawn.stderr, /not drawn: the YAML has a syntax error \(line 4: Unclosed quote/);

    // In a file of two documents, the sound one is still described; the broken one is named on standard error.
    writeFileSync(file, `${SOUND_POD}---\n${brokenText.replace('"sound', '"other')}`);
    const described = cli(['describe', '--format', 'json', file]);
    assert.equal(described.code, 1);
    assert.deepEqual(
      (JSON.parse(described.stdout) as { pods: { name: string }[] }).pods.map((pod) => pod.name),
      ['sound'],
    );
    assert.match(described.stderr, /not described: the YAML has a syntax error \(document 2, line 13: Unclosed quote/);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

test('describe, topology and timeline say why a pod they could not read is missing, rather than "no pods"', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'pod-patterns-unread-'));
  try {
    const file = path.join(directory, 'pod.yaml');
    // Refused before it is parsed: nesting far deeper than any manifest, so the document yields no pod at all.
    writeFileSync(file, `${SOUND_POD}  deep: ${'['.repeat(300)}${']'.repeat(300)}\n`);
    for (const command of ['topology', 'timeline']) {
      const result = cli([command, file]);
      assert.equal(result.code, 1, command);
      assert.match(
        result.stderr,
        /its pods are not read: the YAML has a syntax error \(line \d+: This document is not read: nesting deeper/,
      );
      assert.doesNotMatch(result.stderr, /holds no pod-bearing object/);
    }
    const described = cli(['describe', file]);
    assert.equal(described.code, 1);
    assert.match(
      described.stderr,
      /not described: the YAML has a syntax error \(line \d+: This document is not read: nesting deeper/,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

test('the insert-pattern actions of a broken document are disabled with the reason, and insertPattern refuses', () => {
  const text = SOUND_POD.replace('name: app', 'name: "app');
  const file = new ParsedFile(text);
  const actions = service.codeActions(
    file,
    { start: text.indexOf('containers'), end: text.indexOf('containers'), diagnostics: [], only: ['refactor'] },
    DEFAULT_SETTINGS,
  );
  assert.ok(actions.length > 0);
  for (const action of actions) {
    assert.deepEqual(action.edits, []);
    assert.match(action.disabledReason ?? '', /syntax error \(Unclosed quote/);
  }
  const located = file.pods[0]!;
  const result = service.insertPattern(located, { kind: 'sidecar' }, DEFAULT_SETTINGS);
  assert.equal(result.ok, false);
});

test('the preview request says why a broken document is not drawn, and draws it again once fixed', async () => {
  const lsp = new LspHarness();
  try {
    await lsp.initialize();
    const uri = 'file:///work/broken.yaml';
    await lsp.open(uri, SOUND_POD.replace('\tname', 'name').replace('  containers:', '\tcontainers:'), 1);
    const broken = await lsp.client.sendRequest(TopologyRequest, { uri });
    assert.equal(broken.graph, null);
    assert.equal(broken.lifecycle, null);
    assert.match(broken.syntaxError ?? '', /^the YAML has a syntax error \(line 6: A tab character cannot indent YAML/);

    await lsp.replaceAll(uri, SOUND_POD, 2);
    const fixed = await lsp.client.sendRequest(TopologyRequest, { uri });
    assert.equal(fixed.syntaxError, null);
    assert.ok(fixed.graph?.nodes.some((node) => node.label === 'app'));
  } finally {
    lsp.dispose();
  }
});

test('an alias to an anchor that is never set is one syntax error on the alias, not a silent null', () => {
  // gopkg.in/yaml.v2 (the decoder behind kubectl and the API server) fails with "unknown anchor 'nope' referenced".
  assert.deepEqual(marked(SOUND_POD.replace('image: nginx:1.27', 'image: *nope')), [
    'yaml-syntax "*nope": Unknown anchor "nope": no "&nope" comes before this alias in the document, so kubectl rejects the file ("unknown anchor \'nope\' referenced").',
  ]);
});

test('an alias before its anchor is an unknown anchor too: the decoder reads anchors in document order', () => {
  const text = SOUND_POD.replace('name: sound', 'name: *later').replace(
    'image: nginx:1.27',
    'image: &later nginx:1.27',
  );
  assert.deepEqual(marked(text), [
    'yaml-syntax "*later": Unknown anchor "later": no "&later" comes before this alias in the document, so kubectl rejects the file ("unknown anchor \'later\' referenced").',
  ]);
});

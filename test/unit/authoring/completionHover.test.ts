import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, ParsedFile } from '../../../server/src/service';
import { completeAt } from '../../../server/src/service/completion/complete';
import { hoverAt } from '../../../server/src/service/hover/hoverAt';
import { readFixture } from './support';

const text = readFixture('editing', 'pod-for-completion.yaml');
const analysis = new ParsedFile(text);

/** The offset at the end of the `occurrence`-th line that starts (after spaces) with `linePrefix`. */
function endOfLine(linePrefix: string, occurrence = 0): number {
  const lines = text.split('\n');
  let offset = 0;
  let seen = 0;
  for (const line of lines) {
    if (line.trimStart().startsWith(linePrefix) && seen++ === occurrence) return offset + line.length;
    offset += line.length + 1;
  }
  throw new Error(`no line starting with ${linePrefix}`);
}

test('volumeMounts[].name completes with the pod volumes', () => {
  const at = endOfLine('- name: ', 5);
  const items = completeAt(analysis, at);
  assert.deepEqual(
    items.map((item) => item.label),
    ['logs', 'config'],
  );
  assert.deepEqual(items[0]!.replace, { start: at, end: at });
  assert.equal(items[1]!.detail, 'configMap');
});

test("a probe port completes with the container's own named ports", () => {
  const items = completeAt(analysis, endOfLine('port: '));
  assert.deepEqual(
    items.map((item) => item.label),
    ['http', 'admin'],
  );
  assert.equal(items[1]!.detail, '9901/TCP in web');
});

test('the default-container annotation completes with container names and roles', () => {
  const items = completeAt(analysis, endOfLine('kubectl.kubernetes.io/default-container:'));
  assert.deepEqual(
    items.map((item) => `${item.label} ${item.detail}`),
    ['log-shipper native-sidecar container', 'web main container'],
  );
});

test('image completes with the pinned images the snippets use, replacing what is typed', () => {
  const typed = text.replace('    image: \n', '    image: regis\n');
  const at = typed.indexOf('image: regis') + 'image: regis'.length;
  const items = completeAt(new ParsedFile(typed), at);
  assert.ok(items.some((item) => item.label === 'registry.k8s.io/git-sync/git-sync:v4.4.2'));
  assert.ok(items.every((item) => /:[\w.-]+$/.test(item.label) && !item.label.endsWith(':latest')));
  assert.deepEqual(items[0]!.replace, { start: at - 5, end: at });
});

test('no value completion where neither the schema nor the pod model knows values', () => {
  assert.deepEqual(completeAt(analysis, endOfLine('path: /healthz')), []);
  assert.deepEqual(completeAt(analysis, endOfLine('name: web')), []);
  assert.deepEqual(completeAt(new ParsedFile('just: text\n'), 10), []);
});

test("hover on a container name: role, sharing and the pod's effective resources", () => {
  const at = text.indexOf('log-shipper') + 2;
  const hover = hoverAt(analysis, at, DEFAULT_SETTINGS);
  assert.ok(hover);
  assert.match(hover.markdown, /\*\*log-shipper\*\*: native sidecar: starts before the app containers/);
  // The reasons for the role, one per line, the catalogue's image among them.
  assert.match(
    hover.markdown,
    /\n\nWhy:\n- init container with restartPolicy: Always[^\n]*\n- the Fluent Bit log shipper \\\(fluent\/fluent-bit\\\): ships the app's logs\n/,
  );
  assert.match(hover.markdown, /volume logs \(emptyDir\) at \/var\/log\/app/);
  assert.match(hover.markdown, /effective resources: requests .*; QoS/);
  assert.deepEqual(hover.range, {
    start: text.indexOf('log-shipper'),
    end: text.indexOf('log-shipper') + 'log-shipper'.length,
  });
});

test('hover on a volume name lists who mounts it', () => {
  const at = text.indexOf('- name: logs\n    emptyDir') + 9;
  const hover = hoverAt(analysis, at, DEFAULT_SETTINGS);
  assert.match(hover?.markdown ?? '', /\*\*Volume logs\*\* \(emptyDir\)\n\n- log-shipper at \/var\/log\/app/);
});

test('hover text from the file is escaped, never markup', () => {
  const hostile =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: "[x](javascript:alert(1))"\n    image: nginx:1.27\n';
  const hover = hoverAt(new ParsedFile(hostile), hostile.indexOf('[x]') + 1, DEFAULT_SETTINGS);
  assert.ok(hover);
  assert.ok(!hover.markdown.includes('[x](javascript'), hover.markdown);
});

test('no hover on plain keys of files without pods', () => {
  assert.equal(hoverAt(new ParsedFile('a: b\n'), 1, DEFAULT_SETTINGS), undefined);
});

const typing = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: p',
  'spec:',
  '  restartPolicy: ',
  '  containers:',
  '  - name: a',
  '    image: nginx:1.27',
  '    imagePullPolicy: ',
  '    ima',
  '  - nam',
  '  ',
].join('\n');
const typingAnalysis = new ParsedFile(typing);
const after = (needle: string) => typing.indexOf(needle) + needle.length;

test('enum values complete from the schema', () => {
  assert.deepEqual(
    completeAt(typingAnalysis, after('restartPolicy: ')).map((item) => item.label),
    ['Always', 'Never', 'OnFailure'],
  );
  assert.deepEqual(
    completeAt(typingAnalysis, after('imagePullPolicy: ')).map((item) => item.label),
    ['Always', 'IfNotPresent', 'Never'],
  );
});

test('keys complete from the schema at the right level, without those already present', () => {
  const inContainer = completeAt(typingAnalysis, after('    ima'));
  const labels = inContainer.map((item) => item.label);
  assert.ok(labels.includes('volumeMounts') && labels.includes('resources') && labels.includes('restartPolicy'));
  assert.ok(!labels.includes('image') && !labels.includes('name') && !labels.includes('containers'));
  const env = inContainer.find((item) => item.label === 'env')!;
  assert.equal(env.insertText, 'env:');
  assert.equal(env.detail, 'array');
  assert.ok(env.documentation && env.documentation.length > 10);
  assert.deepEqual(env.replace, { start: after('    ima') - 3, end: after('    ima') });
  assert.equal(
    completeAt(typingAnalysis, after('  - nam'))[0]!.label,
    'name',
    'a new container item: the required name first',
  );
  const spec = completeAt(typingAnalysis, typing.length).map((item) => item.label);
  assert.ok(
    spec.includes('initContainers') &&
      spec.includes('volumes') &&
      !spec.includes('containers') &&
      !spec.includes('restartPolicy'),
  );
});

test('hover on a key shows its schema description and allowed values', () => {
  const hover = hoverAt(typingAnalysis, typing.indexOf('restartPolicy') + 3, DEFAULT_SETTINGS);
  assert.ok(hover);
  assert.match(hover.markdown, /^\*\*restartPolicy\*\* _\(string\)_\n\nRestart policy for all containers/);
  assert.match(hover.markdown, /Allowed: `Always`, `Never`, `OnFailure`/);
  assert.deepEqual(hover.range, {
    start: typing.indexOf('restartPolicy'),
    end: typing.indexOf('restartPolicy') + 'restartPolicy'.length,
  });
});

test('hover on a finding: the rule summary and a link to its page', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: k8s.gcr.io/pause:3.9\n    resources:\n      requests: {cpu: 10m, memory: 16Mi}\n      limits: {memory: 32Mi}\n';
  const hover = hoverAt(new ParsedFile(text), text.indexOf('k8s.gcr.io') + 3, DEFAULT_SETTINGS);
  assert.ok(hover);
  assert.match(
    hover.markdown,
    /\[`deprecated-registry`\]\(https:\/\/[^)]+\/rules\/deprecated-registry\.md\) \(warning\): The image comes from the frozen k8s\.gcr\.io registry/,
  );
});

test('no key completion inside a block scalar', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n    args:\n    - |\n      line1\n      lin\n';
  const analysis = new ParsedFile(text);
  assert.deepEqual(completeAt(analysis, text.indexOf('lin\n') + 3), []);
  const outside =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n    ar\n';
  assert.ok(completeAt(new ParsedFile(outside), outside.indexOf('ar\n') + 2).some((item) => item.label === 'args'));
});

test('hostile lines complete nothing, quickly', () => {
  const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy:${' '.repeat(200_000)}#\n`;
  const started = Date.now();
  assert.deepEqual(completeAt(new ParsedFile(text), text.length - 2), []);
  assert.ok(Date.now() - started < 1000);
});

test('a value completed right after the colon gets its space', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy:\n  containers:\n  - name: a\n    image: nginx:1.27\n';
  const at = text.indexOf('restartPolicy:') + 'restartPolicy:'.length;
  const items = completeAt(new ParsedFile(text), at);
  assert.equal(items[0]!.insertText, ' Always');
  assert.equal(items[0]!.label, 'Always');
});

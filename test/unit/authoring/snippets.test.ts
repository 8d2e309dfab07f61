import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expandSnippet } from './snippetSyntax';
import { DEFAULT_SETTINGS, ParsedFile } from '../../../server/src/service';
import { analyzePod } from '../../../server/src/service/analysis/analyzePod';
import { PATTERNS } from '../../../server/src/shared/patternCatalog';
import { TOPOLOGY_AUTHORING_COMMANDS } from '../../../server/src/shared/topologyWebview';
import { REPO_ROOT } from '../../support/repo';

const repoRoot = REPO_ROOT;
const snippetFile = path.join(repoRoot, 'snippets', 'pods.code-snippets');
const snippets = JSON.parse(readFileSync(snippetFile, 'utf8')) as Record<
  string,
  { prefix: string; body: string[]; description: string }
>;

/** A pod the container-entry snippets are pasted into: it declares what they refer to. */
function hostPod(listKey: 'containers' | 'initContainers', entry: string): string {
  const indented = entry
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
  const app = [
    '  - name: app',
    '    image: nginx:1.27',
    '    ports:',
    '    - containerPort: 80',
    '    volumeMounts:',
    '    - name: logs',
    '      mountPath: /var/log/app',
    '    resources:',
    '      requests: {cpu: 100m, memory: 128Mi}',
    '      limits: {cpu: 500m, memory: 256Mi}',
  ].join('\n');
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: host',
    'spec:',
    ...(listKey === 'initContainers'
      ? ['  initContainers:', indented, '  containers:', app]
      : ['  containers:', app, indented]),
    '  volumes:',
    '  - name: logs',
    '    emptyDir: {}',
    '',
  ].join('\n');
}

const ENTRY_LISTS: Record<string, 'containers' | 'initContainers'> = {
  'init-container': 'initContainers',
  'native-sidecar': 'initContainers',
  'sidecar-container': 'containers',
  'adapter-container': 'containers',
  'ambassador-container': 'containers',
};

const WHOLE_DOCUMENTS = [
  'pod',
  'pod-init',
  'pod-sidecar',
  'pod-native-sidecar',
  'pod-adapter',
  'pod-ambassador',
  'deployment-sidecar',
  'job-native-sidecar',
];

test('the snippet file offers every pattern the product teaches', () => {
  const prefixes = Object.values(snippets)
    .map((snippet) => snippet.prefix)
    .sort();
  assert.deepEqual(prefixes, [...WHOLE_DOCUMENTS, ...Object.keys(ENTRY_LISTS)].sort());
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.ok(snippet.description.length > 20, `${name} has a description`);
    assert.ok(
      snippet.body.join('\n').includes('$0') || snippet.body.join('\n').includes('${1'),
      `${name} has tab stops`,
    );
  }
});

test('VS Code gets the snippets from the language server only: no snippet file is contributed or shipped', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  // A contributed file would offer every snippet on every line, beside the server's, which offers each where it fits.
  assert.equal(manifest.contributes.snippets, undefined);
  assert.ok(!manifest.files.some((entry: string) => entry.startsWith('snippets')), manifest.files.join(', '));
  // The client no longer tells the server to leave the snippets out.
  const client = readFileSync(path.join(repoRoot, 'client/src/extension.ts'), 'utf8');
  assert.doesNotMatch(client, /snippets\s*:/);
});

for (const [name, snippet] of Object.entries(snippets)) {
  test(`snippet "${snippet.prefix}" expanded with its defaults is a valid pod`, () => {
    const expanded = expandSnippet(snippet.body.join('\n'));
    const listKey = ENTRY_LISTS[snippet.prefix];
    const text = listKey ? hostPod(listKey, expanded) : `${expanded}\n`;
    const analysis = new ParsedFile(text);
    assert.equal(analysis.pods.length, 1, `${name} yields one pod:\n${text}`);
    const problems = analysis
      .findings(DEFAULT_SETTINGS)
      .filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
    assert.deepEqual(
      problems.map((finding) => `${finding.code}: ${finding.message}`),
      [],
      text,
    );
    // Every image is pinned to a version: no snippet teaches `:latest` or an untagged image.
    for (const container of analysis.pods[0]!.pod.containers) {
      assert.match(container.image ?? '', /:[0-9A-Za-z][\w.-]*$/, `${container.name} image is pinned`);
      assert.ok(!container.image?.endsWith(':latest'));
    }
    if (!listKey && snippet.prefix !== 'pod') {
      const pod = analysis.pods[0]!.pod;
      assert.ok(pod.containers.length >= 2, `${snippet.prefix} shows a multi-container pod`);
      const analysisOfPod = analyzePod(pod);
      assert.ok(analysisOfPod.main, 'has a main container');
    }
  });
}

test('the expander handles the snippet syntax subset', () => {
  assert.equal(
    expandSnippet('a ${1:x} $1 ${2|p,q|} \\$HOME \\} ${3:outer ${4:inner}} $4$0'),
    'a x x p $HOME } outer inner inner',
  );
  assert.throws(() => expandSnippet('${1:open'), /unterminated|not closed/);
});

test('package.json contributes the five authoring commands with a category, shown on YAML files with pods only', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const commands = manifest.contributes.commands.filter((command: { command: string }) =>
    /^podPatterns\.add[A-Za-z]+$/.test(command.command),
  );
  assert.deepEqual(
    commands.map((command: { title: string }) => command.title),
    ['Add Init Container', 'Add Sidecar', 'Add Native Sidecar', 'Add Adapter', 'Add Ambassador'],
  );
  assert.ok(commands.every((command: { category: string }) => command.category === 'Pod Patterns'));
  assert.deepEqual(
    commands.map((command: { command: string }) => command.command),
    PATTERNS.map((pattern) => pattern.command),
    'the client registers these ids',
  );
  const palette = manifest.contributes.menus.commandPalette.filter((entry: { command: string }) =>
    /^podPatterns\.add[A-Za-z]+$/.test(entry.command),
  );
  assert.ok(
    palette.length === 5 &&
      palette.every((entry: { when: string }) => entry.when === 'editorLangId == yaml && podPatterns.documentHasPods'),
  );
});

test('the topology preview calls the same add commands the client registers', () => {
  assert.deepEqual(
    TOPOLOGY_AUTHORING_COMMANDS.map((entry) => entry.command),
    PATTERNS.map((pattern) => pattern.command),
  );
});

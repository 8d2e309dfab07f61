// The authoring features inside a real VS Code (code-server driven by headless Chromium):
// "Pod Patterns: Add Sidecar" with its template quick pick inserts the container and selects
// the value to fill in; the lightbulb's refactorings insert an init container; the language
// server's snippets are offered where they fit (a document in an empty file, a container entry
// in a containers list, none at a document's root) and expand with their tab stops.
// Needs code-server and the Node it runs on (the integration tests' cache provides both):
//   CODE_SERVER_ENTRY=<…/code-server/out/node/entry.js> CODE_SERVER_NODE=<node 24> node --test test/authoring/vscodeSmoke.mjs
// Run `npm run build` first. Screenshots go to test/artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, it } from 'node:test';
import {
  pollPage,
  repoRoot as root,
  runFromCommandPalette,
  startCodeServerSession,
  waitForYamlEditorAndExtension,
} from '../support/codeServerSession.mjs';

const artifacts = path.join(root, 'test/artifacts');
let session;
let page;

const poll = (read, accept, timeoutMs) => pollPage(page, read, accept, timeoutMs);

/** Opens the lightbulb menu at the cursor and clicks an action, retrying while diagnostics settle. */
async function pickCodeAction(label) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await page.click(`.action-widget :text("${label}")`, { timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 5) throw error;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1_000);
    }
  }
}

/** Opens a file of the workspace from the explorer and puts the focus in its editor. */
async function openInEditor(name) {
  await page.click(`.explorer-viewlet >> text=${name}`, { timeout: 30_000 });
  await page.waitForSelector('.editor-instance .view-lines');
  await page.click('.editor-instance .view-lines');
}

/** The editor's visible text, with Monaco's non-breaking spaces made plain. */
async function editorText() {
  const lines = await page.$$eval('.editor-instance .view-lines .view-line', (elements) =>
    elements.map((element) => ({ top: parseFloat(element.style.top || '0'), text: element.textContent ?? '' })),
  );
  return lines
    .sort((a, b) => a.top - b.top)
    .map((line) => line.text.replace(/\u00a0/g, ' '))
    .join('\n');
}

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  session = await startCodeServerSession({
    workspaceFrom: path.join(root, 'test/fixtures/authoring/vscode'),
    viewport: { width: 1600, height: 1400 },
    tmpPrefix: 'pp-authoring-vscode-',
  });
  page = session.page;
});

after(async () => {
  await session?.close();
});

it('Add Sidecar from the palette, then an init container from the lightbulb', async () => {
  await page.click('.explorer-viewlet >> text=web-pod.yaml', { timeout: 30_000 });
  await page.waitForSelector('.editor-instance .view-lines');
  await page.click('.editor-instance .view-lines');
  await waitForYamlEditorAndExtension(page);
  await page.keyboard.press('Control+Home');

  await runFromCommandPalette(page, 'Pod Patterns: Add Sidecar', {
    beforeEachAttempt: () => page.click('.editor-instance .view-lines'),
  });
  // Our template pick has its own title; its rows carry the template labels.
  await page.waitForSelector('.quick-input-widget .quick-input-title:has-text("Pod Patterns: Add Sidecar")', {
    timeout: 15_000,
  });
  await page.click('.quick-input-list .monaco-list-row:has-text("Git sync (git-sync v4)")', { timeout: 15_000 });
  const withSidecar = await poll(editorText, (text) => text.includes('- name: git-sync'), 30_000);
  await page.screenshot({ path: path.join(artifacts, 'vscode-authoring-add-sidecar.png') });
  assert.match(withSidecar, /\n {2}- name: git-sync\n {4}image: registry\.k8s\.io\/git-sync\/git-sync:v4\.4\.2/);
  assert.match(withSidecar, /\n {4}volumeMounts:\n {4}- name: git-content\n {6}mountPath: \/srv\/git/);
  const status = await poll(
    () => page.textContent('.statusbar'),
    (text) => /\(41 selected\)/.test(text ?? ''),
  );
  assert.match(status ?? '', /\(41 selected\)/, 'the repository URL to fill in is selected');

  // The lightbulb on the containers key: the refactorings, applied with a click.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  await page.keyboard.type('containers:');
  await page.keyboard.press('Escape');
  // The find widget hands focus back to the editor asynchronously: a Ctrl+. that arrives before that is
  // lost (no menu opens at all), so it is pressed again while no menu is open, as a user would.
  await page
    .waitForSelector('.editor-instance .find-widget.visible', { state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  await page.keyboard.press('Control+.');
  let lastPress = Date.now();
  const readActions = async () => {
    const titles = await page.$$eval(
      '.action-widget .action-label, .context-view .action-label, .action-widget .title',
      (elements) => elements.map((element) => element.textContent ?? ''),
    );
    if (titles.length === 0 && Date.now() - lastPress > 3_000) {
      await page.keyboard.press('Control+.');
      lastPress = Date.now();
    }
    return titles;
  };
  const actions = await poll(
    readActions,
    (list) => list.some((title) => title.startsWith('Add init container')),
    30_000,
  );
  assert.ok(
    actions.some((title) => /^Add init container: Clone a Git repository/.test(title)),
    actions.join(' | '),
  );
  await page.screenshot({ path: path.join(artifacts, 'vscode-authoring-lightbulb.png') });
  await page.click('text=/^Add init container: /');
  const withInit = await poll(editorText, (text) => text.includes('- name: git-clone'), 30_000);
  assert.match(withInit, /\n {2}initContainers:\n {2}- name: git-clone\n/);
  assert.match(withInit, /- name: git-content-2/, 'the second shared volume does not collide with the first');
  const selected = await poll(
    () => page.textContent('.statusbar'),
    (text) => /\(41 selected\)/.test(text ?? ''),
  );
  assert.match(selected ?? '', /\(41 selected\)/, 'the code action selects the repository URL too');
});

it('a quick fix from the lightbulb on a finding', async () => {
  await openInEditor('registry-pod.yaml');
  // The warning squiggle means the server has published the diagnostics the fix reads.
  await page.waitForSelector('.editor-instance .squiggly-warning', { timeout: 30_000 });
  await page.keyboard.press('Control+F');
  await page.keyboard.type('k8s.gcr.io');
  await page.keyboard.press('Escape');
  await pickCodeAction('Use registry.k8s.io/pause:3.9');
  const fixed = await poll(editorText, (text) => text.includes('registry.k8s.io/pause:3.9'), 30_000);
  assert.match(fixed, /image: registry\.k8s\.io\/pause:3\.9 # the old registry/);
});

it('a snippet expands into a whole pod', async () => {
  await openInEditor('new-pod.yaml');
  await page.keyboard.type('pod-native-sidecar');
  await page.keyboard.press('Control+Space');
  const row = '.suggest-widget .monaco-list-row:has-text("pod-native-sidecar")';
  await page.waitForSelector(row, { timeout: 15_000 });
  // One row, from the language server, with the snippet icon: no contributed copy beside it.
  assert.equal(await page.locator(row).count(), 1);
  assert.equal(await page.locator(`${row} .codicon-symbol-snippet`).count(), 1);
  await page.click(row);
  const expanded = await poll(editorText, (text) => text.includes('restartPolicy: Always'), 15_000);
  assert.match(expanded, /^apiVersion: v1\nkind: Pod\n/);
  assert.match(expanded, /\n {2}initContainers:\n {2}- name: log-shipper\n {4}image: fluent\/fluent-bit:3\.2\.10\n/);
  await page.screenshot({ path: path.join(artifacts, 'vscode-authoring-snippet.png') });
});

/** The labels of the suggest widget's rows, once it shows rows or says it has none. */
async function suggestions() {
  await page.waitForSelector('.suggest-widget.visible', { timeout: 15_000 });
  const read = () =>
    page.$$eval('.suggest-widget .monaco-list-row .label-name', (elements) =>
      elements.map((element) => element.textContent ?? ''),
    );
  // The server's answer may replace the first rows VS Code shows: read until two reads a second apart agree.
  let previous = await read();
  for (;;) {
    await page.waitForTimeout(1_000);
    const current = await read();
    if (current.join('|') === previous.join('|')) return current;
    previous = current;
  }
}

it('container snippets in a containers list only, expanding with their tab stops', async () => {
  await openInEditor('app-pod.yaml');
  // The file ends with a line break: Ctrl+End is column 0 of the empty last line, the document's root.
  await page.keyboard.press('Control+End');
  await page.keyboard.type('sidecar');
  await page.keyboard.press('Control+Space');
  const atRoot = await suggestions();
  assert.ok(!atRoot.some((label) => label.endsWith('-container')), `no container snippet at the root: ${atRoot}`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Delete');

  // Indented under `containers:`, the line is a new item of that list.
  await page.keyboard.type('  sidecar');
  await page.keyboard.press('Control+Space');
  const inList = await suggestions();
  assert.ok(inList.includes('sidecar-container'), inList.join(', '));
  assert.ok(!inList.includes('init-container'), 'init containers belong to initContainers');
  const row = '.suggest-widget .monaco-list-row:has-text("sidecar-container")';
  assert.equal(await page.locator(`${row} .codicon-symbol-snippet`).count(), 1);
  await page.click(row);
  await poll(editorText, (text) => text.includes('- name: log-shipper'), 15_000);
  // The first tab stop is the volume name, mirrored in the comment and the mount: typing replaces both.
  await page.keyboard.type('data');
  const expanded = await poll(editorText, (text) => text.includes('  - name: data\n'), 15_000);
  await page.keyboard.press('Escape');
  assert.match(
    expanded,
    /\n {4}- containerPort: 80\n {2}# Needs a volume under spec\.volumes: - name: data \/ emptyDir: \{\}, mounted by the app too\.\n {2}- name: log-shipper\n {4}image: fluent\/fluent-bit:3\.2\.10\n/,
  );
  assert.match(expanded, /\n {4}volumeMounts:\n {4}- name: data\n {6}mountPath: \/var\/log\/app\n/);
  await page.screenshot({ path: path.join(artifacts, 'vscode-authoring-container-snippet.png') });
});

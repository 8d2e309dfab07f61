// The topology preview inside a real VS Code (code-server driven by headless Chromium):
// open a pod file, run "Open Topology Preview to the Side", read the nodes in the webview,
// click one and check the editor selects it, type and see the preview follow, right-click
// for the "Add … Here" menu, reload and see the panel restored.
// Needs code-server and the Node it runs on (the integration tests' cache provides both):
//   CODE_SERVER_ENTRY=<…/code-server/out/node/entry.js> CODE_SERVER_NODE=<node 24> node test/webview/vscodeSmoke.mjs
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

/** Polls every frame for the preview's SVG (the webview is an iframe inside an iframe). */
async function previewFrame(timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.$('svg.pp-topology')) return frame;
      } catch {
        // Frames come and go while the workbench loads.
      }
    }
    await page.waitForTimeout(300);
  }
  const tabs = await page
    .$$eval('.tabs-container .tab', (elements) =>
      elements.map((element) => element.getAttribute('aria-label') ?? element.textContent),
    )
    .catch(() => []);
  throw new Error(`no topology preview appeared; open editors: ${JSON.stringify(tabs)}`);
}

const poll = (read, accept, timeoutMs) => pollPage(page, read, accept, timeoutMs);

/** The status bar's entries as text (the bar also holds a stylesheet, whose text is left out). */
const statusBar = () =>
  page.$$eval('.statusbar-item', (items) =>
    items
      .map((item) => item.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' | '),
  );
const EDITOR_FOCUSED = '.editor-instance .monaco-editor.focused';

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  session = await startCodeServerSession({
    workspaceFrom: path.join(root, 'test/fixtures/topology'),
    viewport: { width: 1600, height: 900 },
    tmpPrefix: 'pp-topology-vscode-',
  });
  page = session.page;
});

let passed = false;

after(async () => {
  if (!passed) await page?.screenshot({ path: path.join(artifacts, 'vscode-topology-failure.png') }).catch(() => {});
  await session?.close();
});

it('opens, reveals, follows edits, offers Add … Here and survives a reload', async () => {
  await page.click('.explorer-viewlet >> text=native-sidecar-deployment.yaml', { timeout: 30_000 });
  await page.waitForSelector('.editor-instance .view-lines');
  await page.click('.editor-instance .view-lines');
  await page.waitForSelector(EDITOR_FOCUSED);
  await waitForYamlEditorAndExtension(page);
  await runFromCommandPalette(page, 'Pod Patterns: Open Topology Preview to the Side');
  const frame = await previewFrame();
  const nodes = await frame.$$eval('[data-node-id]', (elements) =>
    elements.map((element) => element.getAttribute('data-node-id')),
  );
  assert.deepEqual(nodes, [
    'pod',
    'container:0',
    'container:1',
    'container:2',
    'volume:0',
    'volume:1',
    'volume:2',
    'endpoint:0',
    'endpoint:1',
    'service:0',
  ]);
  await page.screenshot({ path: path.join(artifacts, 'vscode-topology-opened.png') });

  // Clicking the secret volume selects its three lines in the editor.
  await frame.click('[data-node-id="volume:1"] .pp-node-box');
  const status = await poll(statusBar, (text) => /\(\d+ selected\)/.test(text), 30_000);
  assert.match(status, /Ln 61, Col 7 \(75 selected\)|Ln 64, Col 1 \(75 selected\)/);
  // The reveal hands the keyboard to the editor: what is typed next goes there.
  await page.waitForSelector(EDITOR_FOCUSED);

  // Typing renames a container; the preview follows and highlights the node under the cursor.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  await page.keyboard.type('name: api');
  await page.keyboard.press('Escape');
  await page.keyboard.press('End');
  await page.keyboard.type('-v2');
  const titles = await poll(
    () => frame.$$eval('.pp-container .pp-node-title', (elements) => elements.map((element) => element.textContent)),
    (list) => list.includes('api-v2'),
  );
  assert.deepEqual(titles, ['1. migrate', '2. mesh-proxy', 'api-v2']);
  const highlighted = await poll(
    () => frame.$$eval('.pp-highlight', (elements) => elements.map((element) => element.getAttribute('data-node-id'))),
    (list) => list.length > 0,
  );
  assert.deepEqual(highlighted, ['container:2']);

  await frame.click('[data-node-id="container:2"] .pp-node-box', { button: 'right' });
  const menu = await poll(
    () => page.$$eval('.context-view .action-label', (elements) => elements.map((element) => element.textContent)),
    (list) => list.length > 0,
  );
  assert.deepEqual(menu, [
    'Add Init Container Here',
    'Add Sidecar Here',
    'Add Native Sidecar Here',
    'Add Adapter Here',
    'Add Ambassador Here',
  ]);
  await page.keyboard.press('Escape');

  // Reload the way a user does, through the workbench: it saves its editor layout (and so the preview's place)
  // before it reloads. A bare page reload can outrun that save and come back without the preview.
  const reloaded = page.waitForEvent('framenavigated', {
    predicate: (navigated) => navigated === page.mainFrame(),
    timeout: 60_000,
  });
  // From the editor: after the webview's context menu the webview takes the focus back, which closes a palette
  // opened from it.
  await runFromCommandPalette(page, 'Developer: Reload Window', {
    beforeEachAttempt: () => page.click('.editor-instance .view-lines'),
  });
  await reloaded;
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  // The workbench loads again from scratch: on a busy machine that alone can take a minute.
  const restored = await previewFrame(120_000);
  const restoredTitles = await poll(
    () => restored.$$eval('.pp-container .pp-node-title', (elements) => elements.map((element) => element.textContent)),
    (list) => list.length === 3,
  );
  assert.equal(restoredTitles.length, 3);
  await page.screenshot({ path: path.join(artifacts, 'vscode-topology-restored.png') });
  passed = true;
});

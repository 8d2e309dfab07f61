// The topology and the lifecycle of each seed pod, as a user sees them in a real VS Code
// (code-server driven by headless Chromium): each file opened in the editor, the preview beside
// it (about 650 px wide, light theme), both tabs drawn; the picture is checked (every container
// of the pod drawn, nothing wider than the panel) and saved as a PNG cropped to the preview. Then the
// six-container pod (media/screenshots/topology-narrow-light.png),
// and a YAML file without pods clears the preview, and a Helm template says it is not rendered.
//   npm run screenshots                      saves them under media/screenshots/seeds/ (for the README)
//   node test/webview/vscodeScreenshots.mjs  (part of npm run test:webview:vscode) under test/artifacts/seeds/
// Needs `npm run build` and the integration tests' cache (see test/support/codeServerSession.mjs).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, it } from 'node:test';
import { pollPage, repoRoot as root, startCodeServerSession } from '../support/codeServerSession.mjs';

const update = process.argv.includes('--update');
const out = update ? path.join(root, 'media/screenshots/seeds') : path.join(root, 'test/artifacts/seeds');
const fixtures = path.join(root, 'test/fixtures/topology');
/** The eight seed pods and the containers each must show (the topology fixtures' expected roles). */
const expected = JSON.parse(readFileSync(path.join(fixtures, 'expected.json'), 'utf8')).pods;
const SEEDS = Object.keys(expected).filter((name) => /^0\d-/.test(name));
/** The six-container pod of the README's side-panel picture (media/screenshots/topology-narrow-light.png). */
const SIX_CONTAINERS = ['wait-for-db', 'mesh-proxy', 'shop', 'metrics-exporter', 'log-shipper', 'cache'];
const narrowOut = update ? path.join(root, 'media/screenshots') : out;

const SETTINGS = {
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};
let session;
let page;

before(async () => {
  mkdirSync(out, { recursive: true });
  session = await startCodeServerSession({
    workspaceFrom: fixtures,
    // The explorer (about 300 px) and two editor groups of about 650 px each: the preview is a side panel.
    viewport: { width: 1640, height: 940 },
    tmpPrefix: 'pp-screenshots-vscode-',
    // The README's pictures are in the light theme, with no secondary side bar taking room from the editors.
    settings: SETTINGS,
  });
  page = session.page;
});

let passed = false;
after(async () => {
  // A failed run's picture goes to the test artifacts, never among the README's pictures.
  if (!passed)
    await page?.screenshot({ path: path.join(root, 'test/artifacts/vscode-screenshots-failure.png') }).catch(() => {});
  await session?.close();
});

/** The preview's content frame: the frame that holds the page's tab list. */
async function previewFrame() {
  const frame = await pollPage(
    page,
    async () => {
      for (const candidate of page.frames()) {
        try {
          if (await candidate.$('#tab-lifecycle')) return candidate;
        } catch {
          // Frames come and go while the workbench loads.
        }
      }
      return undefined;
    },
    (found) => found !== undefined,
    30_000,
  );
  assert.ok(frame, 'the topology preview opened');
  return frame;
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row.focused >> text=${title.replace(/^.*: /, '')}`, {
    timeout: 15_000,
  });
  await page.keyboard.press('Enter');
}

/** Opens a file from the explorer in the first editor group (the preview keeps the second). */
async function openInFirstGroup(name) {
  await page.keyboard.press('Control+1');
  await page.click(`.explorer-viewlet >> text=${name}`, { timeout: 30_000 });
  await page.waitForFunction(
    (file) => document.querySelector('.editor-group-container.active .tab.active')?.textContent?.includes(file),
    name,
    { timeout: 15_000 },
  );
}

/** The picture in the preview, checked and saved: the panel's visible part down to the end of the picture. */
async function capture(frame, name, tab, containers, folder = out, saveAs = `${name.replace(/\.yaml$/, '')}-${tab}`) {
  await frame.click(`#tab-${tab}`);
  const selector = tab === 'lifecycle' ? 'svg.pp-lifecycle' : 'svg.pp-topology:not(.pp-lifecycle)';
  const drawn = await pollPage(
    page,
    () =>
      frame
        .$$eval(`${selector} ${tab === 'lifecycle' ? '.pp-lc-label' : '.pp-container .pp-node-title'}`, (texts) =>
          texts.map((text) => text.textContent.replace(/^\d+\. /, '')),
        )
        .catch(() => []),
    (texts) => containers.every((container) => texts.includes(container)),
    30_000,
  );
  assert.deepEqual([...drawn].sort(), [...containers].sort(), `${name} ${tab}: the containers drawn`);
  const sizes = await frame.$eval(selector, (svg) => ({
    natural: Number(svg.getAttribute('width')),
    shown: svg.getBoundingClientRect().width,
    panel: document.documentElement.clientWidth,
    bottom: svg.getBoundingClientRect().bottom + window.scrollY,
  }));
  assert.ok(sizes.shown <= sizes.panel, `${name} ${tab}: ${sizes.shown} px in a ${sizes.panel} px panel`);
  assert.equal(Math.round(sizes.shown), sizes.natural, `${name} ${tab}: drawn at its natural size, not shrunk`);
  const webview = await page.$('.editor-group-container:not(.active) iframe.webview, iframe.webview.ready');
  const box = await webview.boundingBox();
  const file = path.join(folder, `${saveAs}.png`);
  await page.screenshot({
    path: file,
    clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, sizes.bottom + 12) },
  });
  return file;
}

it('shows the topology and the lifecycle of each seed pod beside its file, and clears them for a file without pods', async () => {
  await openInFirstGroup(SEEDS[0]);
  await page.waitForFunction(
    () => document.getElementById('status.editor.mode')?.textContent?.trim() === 'YAML',
    undefined,
    {
      timeout: 60_000,
    },
  );
  await runCommand('Pod Patterns: Open Topology Preview to the Side');
  for (const name of SEEDS) {
    if (name !== SEEDS[0]) await openInFirstGroup(name);
    const frame = await previewFrame();
    // The preview follows the active editor: wait for this file's pod before the pictures.
    const containers = Object.keys(expected[name].roles);
    for (const tab of ['topology', 'lifecycle']) console.log(`saved ${await capture(frame, name, tab, containers)}`);
  }

  // The six-container pod in a side panel (the README's picture).
  const six = 'six-containers.yaml';
  await openInFirstGroup(six);
  console.log(
    `saved ${await capture(await previewFrame(), six, 'topology', SIX_CONTAINERS, narrowOut, 'topology-narrow-light')}`,
  );

  // Switching to a YAML file without pods clears the picture; a Helm template says it is not rendered.
  for (const [file, text, says] of [
    ['values.yaml', 'replicaCount: 2\nimage:\n  repository: nginx\n', 'holds no Pod'],
    [
      'deployment-template.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n',
      'template: not rendered',
    ],
  ]) {
    writeFileSync(path.join(session.workspace, file), text);
    await openInFirstGroup(file);
    const frame = await previewFrame();
    const shown = await pollPage(
      page,
      async () => ({
        status: await frame.textContent('#status').catch(() => ''),
        pictures: await frame
          .locator('svg')
          .count()
          .catch(() => -1),
      }),
      (seen) => seen.status.includes(says),
      30_000,
    );
    assert.ok(shown.status.includes(says), `${file}: ${JSON.stringify(shown)}`);
    assert.equal(shown.pictures, 0, `${file}: the previous pod is no longer drawn`);
  }
  passed = true;
});

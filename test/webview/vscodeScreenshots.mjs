// The topology and the lifecycle of each seed pod, as a user sees them in a real VS Code
// (code-server driven by headless Chromium), in the light, dark and high-contrast themes: each
// theme in a code-server of its own whose settings.json names the colour theme before it starts,
// and the run fails unless the workbench and the webview both show that theme (class names and
// the page's background). Each file is opened in the editor with the preview beside it (a side
// panel about 650 px wide), both tabs drawn and checked (every container of the pod drawn,
// nothing wider than the panel) and saved as a PNG cropped to the preview. Then the six-container
// pod, checked whole in view (every node, edge label, caption and legend entry inside the panel,
// no text under 11 px, the toolbar one row, its Add container menu opening); in the light theme a YAML file without pods clears the preview, and a
// Helm template says it is not rendered.
//   node test/webview/vscodeScreenshots.mjs  (part of npm run test:webview:vscode) under test/artifacts/vscode/
//   npm run screenshots                      the README's share of them under media/screenshots/ (compressed
//                                            with pngquant when it is installed: apt-get install pngquant)
// Needs `npm run build` and the integration tests' cache (see test/support/codeServerSession.mjs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  pollPage,
  repoRoot as root,
  runFromCommandPalette,
  startCodeServerSession,
  waitForYamlEditorAndExtension,
} from '../support/codeServerSession.mjs';

const update = process.argv.includes('--update');
const fixtures = path.join(root, 'test/fixtures/topology');
/** The eight seed pods and the containers each must show (the topology fixtures' expected roles). */
const expected = JSON.parse(readFileSync(path.join(fixtures, 'expected.json'), 'utf8')).pods;
const SEEDS = Object.keys(expected).filter((name) => /^0\d-/.test(name));
const SIX = 'six-containers.yaml';
const SIX_CONTAINERS = ['wait-for-db', 'mesh-proxy', 'shop', 'metrics-exporter', 'log-shipper', 'cache'];

/**
 * The built-in themes and how each shows: the workbench's class, the class VS Code gives the webview's
 * body, and the editor background the page takes from the theme (VS Code 1.139's theme files).
 */
const THEMES = [
  {
    name: 'light',
    colorTheme: 'Default Light Modern',
    workbenchClass: 'vs',
    bodyClass: 'vscode-light',
    background: 'rgb(255, 255, 255)',
  },
  {
    name: 'dark',
    colorTheme: 'Default Dark Modern',
    workbenchClass: 'vs-dark',
    bodyClass: 'vscode-dark',
    background: 'rgb(31, 31, 31)',
  },
  {
    name: 'high-contrast',
    colorTheme: 'Default High Contrast',
    workbenchClass: 'hc-black',
    bodyClass: 'vscode-high-contrast',
    background: 'rgb(0, 0, 0)',
  },
];
const BODY_CLASSES = ['vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light'];

/**
 * Where a picture goes: every one to the test artifacts; with --update, the README's share to media/screenshots/:
 * every seed pod's topology and lifecycle in the light theme, the lifecycles in the other two, the six-container
 * pod in all three.
 */
function destination(theme, file) {
  if (!update) return path.join(root, 'test/artifacts/vscode', theme, file);
  if (file.startsWith('six-containers')) return path.join(root, 'media/screenshots', `topology-narrow-${theme}.png`);
  if (theme === 'light' || file.endsWith('-lifecycle.png'))
    return path.join(root, 'media/screenshots/seeds', file.replace(/\.png$/, `-${theme}.png`));
  return undefined;
}

/** Makes a README picture smaller (256 colours, what anti-aliased text on flat colours needs), when pngquant is there. */
function compress(file) {
  try {
    execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality', '80-100', '--output', file, file]);
  } catch (error) {
    // Exit 98/99: the result would not be smaller or better; ENOENT: pngquant is not installed.
    if (error.code !== 'ENOENT' && error.status !== 98 && error.status !== 99) throw error;
  }
}

for (const theme of THEMES) {
  describe(`the preview in a real VS Code, ${theme.name} theme (${theme.colorTheme})`, () => {
    let session;
    let page;
    let passed = false;

    before(async () => {
      session = await startCodeServerSession({
        workspaceFrom: fixtures,
        // The explorer (about 300 px) and two editor groups of about 650 px each: the preview is a side panel.
        viewport: { width: 1660, height: 940 },
        tmpPrefix: `pp-screenshots-vscode-${theme.name}-`,
        // A user-data dir of its own per theme, the theme set before the workbench starts; no secondary side
        // bar taking room from the editors.
        settings: {
          'workbench.colorTheme': theme.colorTheme,
          'workbench.startupEditor': 'none',
          'workbench.secondarySideBar.defaultVisibility': 'hidden',
        },
      });
      page = session.page;
    });

    after(async () => {
      if (!passed)
        await page
          ?.screenshot({ path: path.join(root, `test/artifacts/vscode-screenshots-failure-${theme.name}.png`) })
          .catch(() => {});
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

    /** Waits until the tab shows every container of `name`, checks the picture fits the panel, and saves it. */
    async function capture(frame, name, tab, containers) {
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
      const file = destination(theme.name, `${name.replace(/\.yaml$/, '')}-${tab}.png`);
      if (!file) return undefined;
      mkdirSync(path.dirname(file), { recursive: true });
      const webview = await page.$('.editor-group-container:not(.active) iframe.webview, iframe.webview.ready');
      const box = await webview.boundingBox();
      await page.screenshot({
        path: file,
        clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, sizes.bottom + 12) },
      });
      if (update) compress(file);
      console.log(`saved ${path.relative(root, file)} (${Math.round(statSync(file).size / 1024)} KB)`);
      return file;
    }

    it('shows the theme asked for, in the workbench and in the preview', async () => {
      await openInFirstGroup(SEEDS[0]);
      await waitForYamlEditorAndExtension(page);
      await runFromCommandPalette(page, 'Pod Patterns: Open Topology Preview to the Side');
      const frame = await previewFrame();
      const workbench = await page.$eval('.monaco-workbench', (element) => [...element.classList]);
      assert.ok(workbench.includes(theme.workbenchClass), `workbench classes ${workbench.join(' ')}`);
      const seen = await pollPage(
        page,
        () =>
          frame.evaluate(
            (classes) => ({
              bodyClasses: classes.filter((name) => document.body.classList.contains(name)),
              background: getComputedStyle(document.body).backgroundColor,
            }),
            BODY_CLASSES,
          ),
        (value) => value.bodyClasses.length === 1 && value.bodyClasses[0] === theme.bodyClass,
        15_000,
      );
      assert.deepEqual(seen, { bodyClasses: [theme.bodyClass], background: theme.background });
    });

    it('shows the topology and the lifecycle of each seed pod beside its file', async () => {
      for (const name of SEEDS) {
        if (name !== SEEDS[0]) await openInFirstGroup(name);
        const frame = await previewFrame();
        // The preview follows the active editor: wait for this file's pod before the pictures.
        const containers = Object.keys(expected[name].roles);
        for (const tab of ['topology', 'lifecycle']) await capture(frame, name, tab, containers);
      }
    });

    it('shows a six-container pod whole in the side panel: every node, edge label, caption and legend entry in view, no text under 11 px', async () => {
      await openInFirstGroup(SIX);
      const frame = await previewFrame();
      await capture(frame, SIX, 'topology', SIX_CONTAINERS);
      const seen = await frame.evaluate(() => {
        const svg = document.querySelector('svg.pp-topology');
        const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
        const outside = [...svg.querySelectorAll('[data-node-id], .pp-edge-label, .pp-lane-label, .pp-legend-entry')]
          .filter((element) => {
            const box = element.getBoundingClientRect();
            return box.left < -0.5 || box.top < -0.5 || box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5;
          })
          .map((element) => element.getAttribute('data-node-id') ?? element.textContent);
        // The toolbar's rows: its shown controls' distinct middles (a row centres its controls).
        const toolbarRows = new Set(
          [...document.querySelectorAll('#toolbar > :not([hidden])')].map((control) => {
            const box = control.getBoundingClientRect();
            return Math.round(box.top + box.height / 2);
          }),
        ).size;
        return {
          panel: { width: innerWidth, height: innerHeight },
          toolbarRows,
          scrollsDown: document.documentElement.scrollHeight > innerHeight,
          nodes: svg.querySelectorAll('[data-node-id]').length,
          legendEntries: svg.querySelectorAll('.pp-legend-entry').length,
          outside,
          smallest: Math.min(
            ...[...svg.querySelectorAll('text')]
              .filter((text) => text.textContent.trim() !== '')
              .map((text) => parseFloat(getComputedStyle(text).fontSize) * scale),
          ),
        };
      });
      console.log(`six-container pod in a ${seen.panel.width} × ${seen.panel.height} px panel`);
      assert.ok(
        seen.panel.width >= 620 && seen.panel.width <= 680,
        `a side panel about 650 px wide: ${seen.panel.width}`,
      );
      // The pod, its six containers, two volumes, the Service and the outside endpoint; six roles and six kinds of line.
      assert.equal(seen.nodes, 11);
      assert.equal(seen.legendEntries, 12);
      assert.deepEqual(seen.outside, [], 'out of view');
      assert.ok(seen.smallest >= 11, `smallest text ${seen.smallest} px`);
      // With VS Code's own font the toolbar is one row, and the page does not scroll.
      assert.equal(seen.toolbarRows, 1, 'toolbar rows');
      assert.equal(seen.scrollsDown, false, 'the page scrolls down');
      // The Add container menu opens over the picture with the five patterns, inside the panel, and closes again.
      await frame.click('#add-menu-button');
      const menu = await frame.evaluate(() => ({
        expanded: document.getElementById('add-menu-button').getAttribute('aria-expanded'),
        items: [...document.querySelectorAll('#add-menu [role="menuitem"]')].map((item) => item.textContent),
        inside: document.getElementById('add-menu').getBoundingClientRect().right <= innerWidth,
      }));
      assert.deepEqual(menu, {
        expanded: 'true',
        items: ['Add init container', 'Add sidecar', 'Add native sidecar', 'Add adapter', 'Add ambassador'],
        inside: true,
      });
      await frame.click('#add-menu-button');
      assert.equal(await frame.getAttribute('#add-menu-button', 'aria-expanded'), 'false');
      if (theme.name !== 'light') passed = true;
    });

    if (theme.name === 'light') {
      it('clears the preview for a file without pods, and says a template is not rendered', async () => {
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
            (value) => value.status.includes(says),
            30_000,
          );
          assert.ok(shown.status.includes(says), `${file}: ${JSON.stringify(shown)}`);
          assert.equal(shown.pictures, 0, `${file}: the previous pod is no longer drawn`);
        }
        passed = true;
      });
    }
  });
}

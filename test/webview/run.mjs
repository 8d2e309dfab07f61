// Renders the topology preview page in headless Chromium from recorded messages and checks
// what a user would see and do: nodes and edges, click and keyboard reveal, cursor
// highlight, stale answers dropped, hostile text shown verbatim without running, and
// screenshots in light, dark and high-contrast themes under test/artifacts/.
// Needs `npm run build` and /usr/bin/chromium (Debian `chromium`). Run: npm run test:webview
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { THEMES } from './themes.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { topologyPageHtml } = require(path.join(root, 'build/client/src/preview/html.js'));
const messagesDir = path.join(root, 'test/fixtures/topology/messages');
const artifacts = path.join(root, 'test/artifacts');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromiumPath)) {
  throw new Error(
    `Chromium not found at ${chromiumPath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
}
const recorded = readdirSync(messagesDir)
  .filter((file) => file.endsWith('.json'))
  .sort();
assert.ok(recorded.length > 0, `no recorded messages in ${messagesDir}: run node test/webview/record.mjs`);
const message = (name) => JSON.parse(readFileSync(path.join(messagesDir, name), 'utf8'));

let server;
let origin;
let browser;

/** Serves the bundle (like asWebviewUri) and the page shell the extension would set as webview.html. */
function startServer() {
  return new Promise((resolve) => {
    server = createServer((request, response) => {
      const url = new URL(request.url, 'http://localhost');
      if (url.pathname === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      if (url.pathname === '/page.html') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
          topologyPageHtml({
            cspSource: origin,
            scriptUri: `${origin}/webview/out/main.js`,
            styleUri: `${origin}/webview/media/topology.css`,
            nonce: 'dGVzdC1ub25jZS1yYW5kb20',
          }),
        );
        return;
      }
      const allowed = ['/webview/out/main.js', '/webview/media/topology.css'];
      if (!allowed.includes(url.pathname)) {
        response.writeHead(404).end();
        return;
      }
      const type = url.pathname.endsWith('.js') ? 'text/javascript' : 'text/css';
      response.writeHead(200, { 'content-type': type });
      response.end(readFileSync(path.join(root, url.pathname)));
    });
    server.listen(0, '127.0.0.1', () => {
      origin = `http://127.0.0.1:${server.address().port}`;
      resolve();
    });
  });
}

/** A page with the VS Code webview API stubbed: posted messages collect in window.__posted. */
async function openPage(theme = 'light') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (entry) => {
    if (entry.type() === 'error') problems.push(`console error: ${entry.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(({ vars, bodyClass }) => {
    window.__posted = [];
    window.__violations = [];
    let state;
    window.acquireVsCodeApi = () => ({
      postMessage: (posted) => window.__posted.push(posted),
      getState: () => state,
      setState: (next) => {
        state = next;
      },
    });
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
    // VS Code puts the theme on <html> as custom properties and on <body> as a class.
    document.addEventListener('DOMContentLoaded', () => {
      for (const [name, value] of Object.entries(vars)) document.documentElement.style.setProperty(name, value);
      document.body.classList.add(bodyClass);
    });
  }, THEMES[theme]);
  await page.goto(`${origin}/page.html`);
  await page.waitForFunction(() => window.__posted.some((posted) => posted.type === 'ready'));
  return { page, problems };
}

async function post(page, data) {
  await page.evaluate((payload) => window.postMessage(payload, '*'), data);
}

/** A page showing the recorded answer `name`, drawn. */
async function pageShowing(name) {
  const data = message(name);
  const { page, problems } = await openPage('light');
  await post(page, data);
  await page.waitForSelector('svg.pp-topology');
  return { page, problems, data };
}

const revealsPosted = (page) => page.evaluate(() => window.__posted.filter((posted) => posted.type === 'reveal'));

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  await startServer();
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

describe('topology webview', () => {
  it('serves a page whose policy allows nothing but its own script, styles and images', () => {
    const html = topologyPageHtml({
      cspSource: 'https://self.example',
      scriptUri: 'https://self.example/main.js',
      styleUri: 'https://self.example/topology.css',
      nonce: 'abc123',
    });
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)[1];
    assert.equal(
      policy,
      "default-src 'none'; style-src https://self.example; img-src https://self.example; font-src https://self.example; script-src 'nonce-abc123'",
    );
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="abc123" src="https:\/\/self.example\/main.js"><\/script>/);
  });

  for (const name of recorded) {
    it(`draws every node and edge of ${name}`, async () => {
      const data = message(name);
      const { page, problems } = await openPage('light');
      await post(page, data);
      if (!data.graph) {
        await page.waitForSelector('#status:not(:empty)');
        assert.equal(await page.locator('svg').count(), 0);
      } else {
        await page.waitForSelector('svg.pp-topology');
        const nodeIds = await page.$$eval('[data-node-id]', (nodes) =>
          nodes.map((node) => node.getAttribute('data-node-id')),
        );
        assert.deepEqual([...nodeIds].sort(), data.graph.nodes.map((node) => node.id).sort());
        const edges = await page.$$eval('[data-edge-id]', (nodes) =>
          nodes.map((node) => `${node.getAttribute('data-from')}>${node.getAttribute('data-to')}`),
        );
        assert.deepEqual([...edges].sort(), data.graph.edges.map((edge) => `${edge.from}>${edge.to}`).sort());
        // The theme's stylesheet applied: boxes are filled with the theme's widget colour, not SVG's default black.
        const fill = await page.$eval('.pp-node-box', (box) => getComputedStyle(box).fill);
        assert.equal(fill, 'rgb(255, 255, 255)');
      }
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  it('reveals a node on click and on Enter, and moves between nodes with the arrow keys', async () => {
    const data = message('06-ambassador-forward-proxy.json');
    const { page, problems } = await openPage('light');
    await post(page, data);
    await page.waitForSelector('svg.pp-topology');
    const container = data.graph.nodes.find(
      (node) => node.kind === 'container' && node.label === 'ambassador-container',
    );
    await page.click(`[data-node-id="${container.id}"] .pp-node-box`);
    assert.deepEqual(await page.evaluate(() => window.__posted.at(-1)), { type: 'reveal', nodeId: container.id });

    const first = data.graph.nodes.find((node) => node.kind === 'container' && node.label === 'app-container-poller');
    await page.focus(`[data-node-id="${first.id}"]`);
    await page.keyboard.press('Enter');
    assert.deepEqual(await page.evaluate(() => window.__posted.at(-1)), { type: 'reveal', nodeId: first.id });
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-node-id'));
    assert.notEqual(focused, first.id);
    assert.equal(data.graph.nodes.find((node) => node.id === focused)?.kind, 'container');
    await page.keyboard.press('ArrowDown');
    const below = await page.evaluate(() => document.activeElement?.getAttribute('data-node-id'));
    assert.equal(data.graph.nodes.find((node) => node.id === below)?.kind, 'volume');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('reveals a node when the picture is redrawn between the press and the release', async () => {
    const { page, problems, data } = await pageShowing('native-sidecar-deployment.json');
    const box = await page.locator('[data-node-id="volume:1"] .pp-node-box').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.evaluate(() => {
      window.__pressedSvg = document.querySelector('svg.pp-topology');
    });
    await page.mouse.down();
    // A newer answer (an edit, or the answer to the page's "ready") replaces the SVG under the pressed button.
    await post(page, { ...data, version: data.version + 1 });
    await page.waitForFunction(() => document.querySelector('svg.pp-topology') !== window.__pressedSvg);
    await page.mouse.up();
    assert.deepEqual(await revealsPosted(page), [{ type: 'reveal', nodeId: 'volume:1' }]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('leaves the focus where it was on a click on a node (the reveal gives it to the editor)', async () => {
    const { page } = await pageShowing('native-sidecar-deployment.json');
    await page.click('[data-node-id="container:1"] .pp-node-box');
    assert.deepEqual(await revealsPosted(page), [{ type: 'reveal', nodeId: 'container:1' }]);
    assert.equal(
      await page.evaluate(
        () => document.activeElement?.getAttribute('data-node-id') ?? document.activeElement?.tagName,
      ),
      'BODY',
    );
    // The nodes still take the keyboard focus: Enter on one reveals it.
    await page.focus('[data-node-id="container:1"]');
    await page.keyboard.press('Enter');
    assert.deepEqual((await revealsPosted(page)).at(-1), { type: 'reveal', nodeId: 'container:1' });
    await page.close();
  });

  it('does not redraw for an answer identical to the one shown', async () => {
    const { page, data } = await pageShowing('native-sidecar-deployment.json');
    await page.evaluate(() => {
      window.__shownSvg = document.querySelector('svg.pp-topology');
    });
    await post(page, structuredClone(data));
    // Messages are handled in order: once the highlight of this later message shows, the copy above was handled.
    await post(page, { type: 'highlight', nodeId: 'volume:0' });
    await page.waitForSelector('.pp-highlight');
    assert.equal(await page.evaluate(() => document.querySelector('svg.pp-topology') === window.__shownSvg), true);
    await post(page, { ...data, version: data.version + 1 });
    await post(page, { type: 'highlight', nodeId: 'volume:1' });
    await page.waitForSelector('[data-node-id="volume:1"].pp-highlight');
    assert.equal(
      await page.evaluate(() => document.querySelector('svg.pp-topology') === window.__shownSvg),
      false,
      'a newer version is drawn',
    );
    await page.close();
  });

  it('highlights the node under the editor cursor and keeps it across redraws', async () => {
    const data = message('01-init-git-sync.json');
    const { page } = await openPage('light');
    await post(page, data);
    await page.waitForSelector('svg.pp-topology');
    await post(page, { type: 'highlight', nodeId: 'volume:0' });
    assert.deepEqual(
      await page.$$eval('.pp-highlight', (nodes) => nodes.map((node) => node.getAttribute('data-node-id'))),
      ['volume:0'],
    );
    await post(page, { ...data, version: 2 });
    assert.deepEqual(
      await page.$$eval('.pp-highlight', (nodes) => nodes.map((node) => node.getAttribute('data-node-id'))),
      ['volume:0'],
    );
    await post(page, { type: 'highlight', nodeId: null });
    assert.equal(await page.locator('.pp-highlight').count(), 0);
    await page.close();
  });

  it('says so when the file holds no pod, and disables the pod actions', async () => {
    const { page, problems } = await openPage('dark');
    await post(page, {
      type: 'topology',
      uri: 'file:///workspace/values.yaml',
      fileName: 'values.yaml',
      version: 1,
      targets: [],
      graph: null,
      lifecycle: null,
      template: false,
      locked: false,
    });
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('no Pod'));
    assert.equal(await page.locator('svg').count(), 0);
    assert.equal(await page.textContent('#heading'), 'Topology · values.yaml');
    assert.deepEqual(
      await page.$$eval('#toolbar button', (buttons) =>
        buttons.filter((button) => button.disabled).map((button) => button.id),
      ),
      ['add-menu-button', 'export'],
    );
    // The disabled menu button opens no menu, by mouse or keyboard, and nothing is sent.
    await page.click('#add-menu-button', { force: true });
    await page.focus('#add-menu-button');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.isHidden('#add-menu'), true);
    assert.deepEqual(await page.evaluate(() => window.__posted.filter((posted) => posted.type === 'runCommand')), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('clears the picture for a file without pods, and says a template is not rendered', async () => {
    const { page, problems, data } = await pageShowing('01-init-git-sync.json');
    await post(page, {
      ...data,
      uri: 'file:///workspace/chart/templates/deployment.yaml',
      fileName: 'deployment.yaml',
      targets: [],
      graph: null,
      lifecycle: null,
      template: true,
    });
    await page.waitForFunction(() =>
      document.getElementById('status').textContent.startsWith('template: not rendered'),
    );
    assert.equal(await page.locator('svg').count(), 0);
    await post(page, {
      ...data,
      uri: 'file:///workspace/values.yaml',
      fileName: 'values.yaml',
      targets: [],
      graph: null,
      lifecycle: null,
      template: false,
    });
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('no Pod'));
    assert.equal(await page.locator('svg').count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shows the lifecycle in its own tab: one row per container, keyboard tabs, the tab kept in the state and exported', async () => {
    const { page, problems, data } = await pageShowing('native-sidecar-deployment.json');
    assert.equal(await page.getAttribute('#tab-topology', 'aria-selected'), 'true');
    await page.click('#tab-lifecycle');
    await page.waitForSelector('svg.pp-lifecycle');
    assert.equal(await page.locator('svg.pp-lifecycle').count(), 1);
    assert.equal(await page.locator('[data-node-id]').count(), 0);
    const rows = await page.$$eval('.pp-lc-row', (nodes) => nodes.map((node) => node.getAttribute('aria-label')));
    assert.deepEqual(
      rows.map((label) => label.split(':')[0]),
      data.lifecycle.containers.map((container) => `${container.name} (${container.role})`),
    );
    assert.ok(rows[0].includes('started at 0s'), rows[0]);
    assert.equal(await page.textContent('#heading'), `Lifecycle · ${data.fileName}`);
    assert.equal(await page.getAttribute('#canvas', 'aria-label'), 'Pod lifecycle');
    assert.equal(await page.evaluate(() => window.acquireVsCodeApi().getState().tab), 'lifecycle');
    await page.click('#export');
    const exported = await page.evaluate(() => window.__posted.at(-1));
    assert.deepEqual(
      { ...exported, width: typeof exported.width, height: typeof exported.height },
      { type: 'exportSvg', tab: 'lifecycle', width: 'number', height: 'number' },
    );
    await page.focus('#tab-lifecycle');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('svg.pp-topology:not(.pp-lifecycle)');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-topology');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('fits the width by default and zooms with Ctrl +/−, the buttons and Ctrl+wheel; Ctrl 0 fits again', async () => {
    const { page, problems } = await pageShowing('native-sidecar-deployment.json');
    await page.setViewportSize({ width: 700, height: 760 });
    // The panel got narrower: the pod is laid out again for it.
    await page.waitForFunction(() => Number(document.querySelector('svg.pp-topology').getAttribute('width')) <= 700);
    const width = () => page.$eval('svg.pp-topology', (svg) => Math.round(svg.getBoundingClientRect().width));
    const natural = await page.$eval('svg.pp-topology', (svg) => Number(svg.getAttribute('width')));
    const fitted = await width();
    assert.ok(fitted <= 700, `fits: ${fitted}`);
    await page.keyboard.press('Control+Equal');
    const zoomed = await width();
    assert.ok(zoomed > fitted, `${zoomed} > ${fitted}`);
    assert.equal(await page.textContent('#zoom-level'), `${Math.round((zoomed / natural) * 100)}%`);
    // Zoomed in, the picture is wider than the panel: dragging the background pans it.
    const corner = await page.$eval('svg.pp-topology', (svg) => {
      const box = svg.getBoundingClientRect();
      return { x: box.left + 4, y: box.top + 4 };
    });
    await page.mouse.move(corner.x + 100, corner.y);
    await page.mouse.down();
    await page.mouse.move(corner.x + 40, corner.y, { steps: 4 });
    await page.mouse.up();
    assert.equal(await page.$eval('#canvas', (canvas) => canvas.scrollLeft), 60);
    assert.deepEqual(await revealsPosted(page), [], 'a drag on the background reveals nothing');
    await page.click('#zoom-in');
    assert.ok((await width()) > zoomed);
    await page.click('#zoom-out');
    assert.equal(await width(), zoomed);
    await page.mouse.move(300, 300);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, 100);
    await page.keyboard.up('Control');
    assert.ok((await width()) < zoomed);
    await page.keyboard.press('Control+0');
    assert.equal(await width(), fitted);
    assert.equal(await page.textContent('#zoom-level'), 'Fit');
    assert.deepEqual(problems, []);
    await page.close();
  });

  /** How many rows the toolbar's shown controls take (their distinct middles: a row centres its controls). */
  const toolbarRows = (page) =>
    page.$$eval('#toolbar > :not([hidden])', (controls) => {
      const middles = controls.map((control) => {
        const box = control.getBoundingClientRect();
        return Math.round(box.top + box.height / 2);
      });
      return new Set(middles).size;
    });

  /** The texts of a picture (badge numbers aside) drawn on each other: their boxes overlap by more than a pixel each way. */
  const textsOnEachOther = (page, selector) =>
    page.evaluate((selector) => {
      const texts = [...document.querySelector(selector).querySelectorAll('text')]
        .filter((text) => text.textContent.trim() !== '' && !text.closest('.pp-badge'))
        .map((text) => ({ text: text.textContent, box: text.getBoundingClientRect() }));
      return texts.flatMap((a, index) =>
        texts
          .slice(index + 1)
          .filter(({ box }) => {
            const x = Math.min(a.box.right, box.right) - Math.max(a.box.left, box.left);
            const y = Math.min(a.box.bottom, box.bottom) - Math.max(a.box.top, box.top);
            return x > 1 && y > 1;
          })
          .map((b) => `${a.text} / ${b.text}`),
      );
    }, selector);

  /** What of the topology lies outside the window, and the smallest text, as the user sees them. */
  const topologyInView = (page) =>
    page.evaluate(() => {
      const svg = document.querySelector('svg.pp-topology');
      const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
      const outside = (element) => {
        const box = element.getBoundingClientRect();
        return (
          box.left < -0.5 ||
          box.top < -0.5 ||
          box.right > window.innerWidth + 0.5 ||
          box.bottom > window.innerHeight + 0.5
        );
      };
      const named = (selector, name) =>
        [...svg.querySelectorAll(selector)]
          .filter(outside)
          .map((element) => `${name(element)} ${JSON.stringify(element.getBoundingClientRect())}`);
      const texts = [...svg.querySelectorAll('text')].filter((text) => text.textContent.trim() !== '');
      return {
        scale,
        nodes: svg.querySelectorAll('[data-node-id]').length,
        edgeLabels: svg.querySelectorAll('.pp-edge-label').length,
        legendEntries: svg.querySelectorAll('.pp-legend [role="listitem"]').length,
        outside: [
          ...named('[data-node-id]', (node) => node.getAttribute('data-node-id')),
          ...named('.pp-edge-label, .pp-lane-label', (text) => text.textContent),
          ...named('.pp-legend-entry', (entry) => `legend ${entry.textContent}`),
        ],
        small: texts
          .map((text) => ({ text: text.textContent, size: parseFloat(getComputedStyle(text).fontSize) * scale }))
          .filter(({ size }) => size < 11)
          .map(({ text, size }) => `${text} (${size.toFixed(1)} px)`),
        unlabelled: [...svg.querySelectorAll('[data-node-id]')]
          .filter((node) => !node.getAttribute('aria-label') || node.getAttribute('tabindex') !== '0')
          .map((node) => node.getAttribute('data-node-id')),
        scrolls: {
          sideways: document.documentElement.scrollWidth > window.innerWidth,
          down: document.documentElement.scrollHeight > window.innerHeight,
        },
      };
    });

  // 600 to 680 px is a laptop's window with a terminal open below the editor: the picture is drawn compact.
  it('shows a six-container pod whole in a 650 px side panel, 600 to 800 px high: every node, edge label and legend entry in view, no text under 11 px or on another, the toolbar one row', async () => {
    const data = message('six-containers.json');
    const edgeLabels = data.graph.edges.filter((edge) => edge.label).length;
    for (const theme of Object.keys(THEMES)) {
      for (const height of [600, 620, 640, 660, 680, 700, 720, 740, 760, 800]) {
        const { page, problems } = await openPage(theme);
        await page.setViewportSize({ width: 650, height });
        await post(page, data);
        await page.waitForSelector('svg.pp-topology');
        const seen = await topologyInView(page);
        const where = `${theme} at 650 × ${height} px`;
        assert.equal(seen.nodes, data.graph.nodes.length, `${where}: every node drawn`);
        assert.equal(seen.edgeLabels, edgeLabels, `${where}: every edge label drawn`);
        // Six roles and six kinds of line: the legend lists each (and only what the picture shows).
        assert.equal(seen.legendEntries, 12, `${where}: legend entries`);
        assert.deepEqual(seen.outside, [], `${where}: out of view`);
        assert.deepEqual(seen.small, [], `${where}: text under 11 px`);
        assert.deepEqual(await textsOnEachOther(page, 'svg.pp-topology'), [], `${where}: text on text`);
        assert.deepEqual(seen.unlabelled, [], `${where}: nodes without a label or out of the tab order`);
        assert.deepEqual(seen.scrolls, { sideways: false, down: false }, where);
        assert.equal(seen.scale, 1, `${where}: drawn at its natural size`);
        assert.equal(await toolbarRows(page), 1, `${where}: toolbar rows`);
        if (height === 800)
          await page.screenshot({ path: path.join(artifacts, `topology-six-containers-650x800-${theme}.png`) });
        assert.deepEqual(problems, []);
        await page.close();
      }
    }
  });

  it('keeps zoom, pan and the keyboard working on the six-container pod fitted to a 650 × 800 px panel', async () => {
    const data = message('six-containers.json');
    const { page, problems } = await openPage('light');
    await page.setViewportSize({ width: 650, height: 800 });
    await post(page, data);
    await page.waitForSelector('svg.pp-topology');
    const shown = () =>
      page.$eval('svg.pp-topology', (svg) => ({
        width: Math.round(svg.getBoundingClientRect().width),
        height: Math.round(svg.getBoundingClientRect().height),
      }));
    const fitted = await shown();
    // Two steps in: at 150% the compact picture is taller than the panel too, so a drag pans both ways.
    await page.keyboard.press('Control+Equal');
    assert.equal(await page.textContent('#zoom-level'), '125%');
    await page.keyboard.press('Control+Equal');
    const zoomed = await shown();
    assert.ok(zoomed.width > 650 && zoomed.height > 800, JSON.stringify({ fitted, zoomed }));
    assert.equal(await page.textContent('#zoom-level'), '150%');
    // Dragging pans both ways, from anywhere: this drag starts on the pod's frame, and reveals nothing.
    const start = await page.$eval('svg.pp-topology', (svg) => {
      const box = svg.getBoundingClientRect();
      return { x: box.left + 6, y: box.top + 60 };
    });
    assert.equal(
      await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-node-id]')?.getAttribute('data-node-id'),
        { x: start.x + 80, y: start.y + 60 },
      ),
      'pod',
    );
    await page.mouse.move(start.x + 80, start.y + 60);
    await page.mouse.down();
    await page.mouse.move(start.x + 30, start.y + 20, { steps: 4 });
    await page.mouse.up();
    assert.deepEqual(
      await page.evaluate(() => ({
        left: document.getElementById('canvas').scrollLeft,
        top: document.scrollingElement.scrollTop,
      })),
      { left: 50, top: 40 },
    );
    assert.deepEqual(await revealsPosted(page), []);
    await page.mouse.move(300, 400);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, 100);
    await page.keyboard.up('Control');
    assert.equal(await page.textContent('#zoom-level'), '125%');
    await page.keyboard.press('Control+0');
    await page.evaluate(() => window.scrollTo(0, 0));
    assert.deepEqual(await shown(), fitted);
    assert.deepEqual((await topologyInView(page)).outside, []);
    // The keyboard walks the nodes: from the first init container down to the app lane, Enter reveals.
    const waitForDb = data.graph.nodes.find((node) => node.label === 'wait-for-db');
    await page.focus(`[data-node-id="${waitForDb.id}"]`);
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-node-id'));
    const below = data.graph.nodes.find((node) => node.id === focused);
    assert.equal(below?.kind, 'container');
    assert.equal(below?.order, undefined, 'an app container, below the init lane');
    await page.keyboard.press('Enter');
    assert.deepEqual((await revealsPosted(page)).at(-1), { type: 'reveal', nodeId: below.id });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('fits the lifecycle and the topology of every recorded pod at 350, 650 and 1200 px: no text cut off, none under 11 px, no labels on each other', async () => {
    const { page, problems } = await openPage('light');
    for (const name of recorded) {
      const data = message(name);
      if (!data.graph) continue;
      for (const width of [350, 650, 1200]) {
        await page.setViewportSize({ width, height: 900 });
        await post(page, { ...data, version: (data.version ?? 1) + width });
        for (const tab of ['lifecycle', 'topology']) {
          if (tab === 'lifecycle' && !data.lifecycle) continue;
          await page.click(`#tab-${tab}`);
          const selector = tab === 'lifecycle' ? 'svg.pp-lifecycle' : 'svg.pp-topology:not(.pp-lifecycle)';
          await page.waitForFunction(
            ({ selector, width }) => {
              const svg = document.querySelector(selector);
              return !!svg && Number(svg.getAttribute('width')) <= width;
            },
            { selector, width },
          );
          const seen = await page.evaluate((selector) => {
            const svg = document.querySelector(selector);
            const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
            const texts = [...svg.querySelectorAll('text')]
              .filter((text) => text.textContent.trim() !== '' && !text.closest('.pp-badge'))
              .map((text) => ({
                text: text.textContent,
                box: text.getBoundingClientRect(),
                size: parseFloat(getComputedStyle(text).fontSize) * scale,
              }));
            return {
              outside: texts
                .filter(({ box }) => box.left < -0.5 || box.right > window.innerWidth + 0.5)
                .map(({ text }) => text),
              small: texts.filter(({ size }) => size < 11).map(({ text, size }) => `${text} (${size.toFixed(1)} px)`),
              scrollsSideways: document.documentElement.scrollWidth > window.innerWidth,
            };
          }, selector);
          const where = `${name} ${tab} at ${width} px`;
          assert.deepEqual(seen.outside, [], `${where}: text outside the panel`);
          assert.deepEqual(seen.small, [], `${where}: text under 11 px`);
          assert.deepEqual(await textsOnEachOther(page, selector), [], `${where}: overlapping labels`);
          assert.equal(seen.scrollsSideways, false, `${where}: scrolls sideways`);
          if (width === 350 && tab === 'lifecycle' && name === 'six-containers.json')
            await page.screenshot({
              path: path.join(artifacts, 'lifecycle-six-containers-350px-light.png'),
              fullPage: true,
            });
        }
      }
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('drops an answer older than the one shown', async () => {
    const newer = message('04-sidecar-log-writer.json');
    const older = { ...message('04-sidecar-log-writer.json'), version: 1 };
    newer.version = 5;
    newer.graph = { ...newer.graph, pod: { ...newer.graph.pod, name: 'newer-pod' } };
    const { page } = await openPage('light');
    await post(page, newer);
    await post(page, older);
    await page.waitForSelector('svg.pp-topology');
    assert.match(await page.textContent('.pp-frame-title'), /newer-pod/);
    await page.close();
  });

  it('sends toolbar actions and the document choice to the extension', async () => {
    const data = message('01-init-git-sync.json');
    const twoPods = {
      ...data,
      targets: [...data.targets, { ...data.targets[0], documentIndex: 2, label: 'Pod other (document 3)' }],
    };
    const { page } = await openPage('light');
    await post(page, twoPods);
    await page.waitForSelector('svg.pp-topology');
    await page.click('#add-menu-button');
    await page.click('[role="menuitem"][data-command="podPatterns.addSidecar"]');
    await page.click('#export');
    await page.click('#lock');
    await page.selectOption('#target', '2:0');
    const posted = await page.evaluate(() => window.__posted.filter((entry) => entry.type !== 'ready'));
    // The export carries the room the page laid the picture out for: the page's canvas (1280 px less the body's
    // padding), and the window's height below the canvas's top less the body's bottom padding (4 px).
    const canvasTop = await page.$eval('#canvas', (canvas) => canvas.offsetTop);
    assert.deepEqual(posted, [
      { type: 'runCommand', command: 'podPatterns.addSidecar' },
      { type: 'exportSvg', tab: 'topology', width: 1256, height: 760 - canvasTop - 4 },
      { type: 'toggleLock' },
      { type: 'selectTarget', documentIndex: 2, podIndex: 0 },
    ]);
    await post(page, { type: 'locked', locked: true });
    assert.equal(await page.getAttribute('#lock', 'aria-pressed'), 'true');
    await page.close();
  });

  it('offers the authoring commands in one menu button, by keyboard and by mouse, each item posting its command', async () => {
    const { page, problems } = await pageShowing('six-containers.json');
    const commands = () =>
      page.evaluate(() =>
        window.__posted.filter((posted) => posted.type === 'runCommand').map((posted) => posted.command),
      );
    const focusedItem = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-command') ?? document.activeElement?.id);
    const expanded = () => page.getAttribute('#add-menu-button', 'aria-expanded');
    assert.equal(await page.getAttribute('#add-menu-button', 'aria-haspopup'), 'menu');
    assert.equal(await page.textContent('#add-menu-button'), 'Add container▾');
    // Its accessible name is the words only, without the arrow.
    assert.equal(await page.getByRole('button', { name: 'Add container', exact: true }).count(), 1);
    assert.equal(await expanded(), 'false');
    assert.equal(await page.isHidden('#add-menu'), true);
    const items = await page.$$eval('#add-menu [role="menuitem"]', (nodes) =>
      nodes.map((node) => ({ command: node.getAttribute('data-command'), text: node.textContent })),
    );
    assert.deepEqual(items, [
      { command: 'podPatterns.addInitContainer', text: 'Add init container' },
      { command: 'podPatterns.addSidecar', text: 'Add sidecar' },
      { command: 'podPatterns.addNativeSidecar', text: 'Add native sidecar' },
      { command: 'podPatterns.addAdapter', text: 'Add adapter' },
      { command: 'podPatterns.addAmbassador', text: 'Add ambassador' },
    ]);
    assert.equal(await page.getAttribute('#add-menu', 'role'), 'menu');

    // Keyboard: each of Enter, Space and ArrowDown opens the menu on its first item; ArrowUp on its last.
    for (const key of ['Enter', 'Space', 'ArrowDown']) {
      await page.focus('#add-menu-button');
      await page.keyboard.press(key);
      assert.equal(await expanded(), 'true', key);
      assert.equal(await page.isVisible('#add-menu'), true, key);
      assert.equal(await focusedItem(), 'podPatterns.addInitContainer', key);
      await page.keyboard.press('Escape');
      assert.equal(await expanded(), 'false', `${key}, then Escape`);
      assert.equal(await page.isHidden('#add-menu'), true);
      assert.equal(await focusedItem(), 'add-menu-button', 'Escape gives the focus back');
    }
    await page.keyboard.press('ArrowUp');
    assert.equal(await focusedItem(), 'podPatterns.addAmbassador');
    // The arrows wrap around; Home and End jump.
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedItem(), 'podPatterns.addInitContainer');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focusedItem(), 'podPatterns.addAmbassador');
    await page.keyboard.press('Home');
    assert.equal(await focusedItem(), 'podPatterns.addInitContainer');
    await page.keyboard.press('End');
    assert.equal(await focusedItem(), 'podPatterns.addAmbassador');
    await page.keyboard.press('Escape');
    assert.deepEqual(await commands(), [], 'opening, moving and closing run nothing');
    // Every item by keyboard: open, move down to it, Enter (the last by Space); the menu closes on the button.
    for (const [index, { command }] of items.entries()) {
      await page.focus('#add-menu-button');
      await page.keyboard.press('ArrowDown');
      for (let step = 0; step < index; step++) await page.keyboard.press('ArrowDown');
      assert.equal(await focusedItem(), command);
      await page.keyboard.press(index === items.length - 1 ? 'Space' : 'Enter');
      assert.equal(await expanded(), 'false');
      assert.equal(await page.isHidden('#add-menu'), true);
      assert.equal(await focusedItem(), 'add-menu-button');
      assert.equal((await commands()).at(-1), command);
    }
    assert.deepEqual(
      await commands(),
      items.map((item) => item.command),
    );
    // Tab leaves the open menu for the control after the button, and closes it.
    await page.focus('#add-menu-button');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    assert.equal(await expanded(), 'false');
    assert.equal(await focusedItem(), 'zoom-out');

    // Mouse: a click opens and closes it, a click on an item runs it, a click outside closes it.
    await page.evaluate(() => (window.__posted.length = 0));
    for (const { command } of items) {
      await page.click('#add-menu-button');
      assert.equal(await expanded(), 'true');
      await page.click(`#add-menu [data-command="${command}"]`);
      assert.equal(await page.isHidden('#add-menu'), true);
    }
    assert.deepEqual(
      await commands(),
      items.map((item) => item.command),
    );
    await page.click('#add-menu-button');
    await page.click('#add-menu-button');
    assert.equal(await expanded(), 'false', 'a second click closes it');
    await page.click('#add-menu-button');
    await page.mouse.click(600, 700);
    assert.equal(await expanded(), 'false', 'a click outside closes it');
    assert.equal(await page.isHidden('#add-menu'), true);
    // A click outside the page (in the editor) takes the page's focus: the menu closes.
    await page.click('#add-menu-button');
    await page.evaluate(() => window.dispatchEvent(new FocusEvent('blur')));
    assert.equal(await expanded(), 'false', 'the page losing the focus closes it');
    // The open menu is drawn over the picture, in the theme's menu colours, and nothing more was sent.
    await page.click('#add-menu-button');
    const first = await page.locator('#add-menu [role="menuitem"]').first().boundingBox();
    assert.equal(
      await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('data-command'), {
        x: first.x + first.width / 2,
        y: first.y + first.height / 2,
      }),
      'podPatterns.addInitContainer',
    );
    assert.deepEqual(
      await commands(),
      items.map((item) => item.command),
    );
    // A file without pods while the menu is open: the menu closes and its button is disabled.
    const data = message('six-containers.json');
    await post(page, { ...data, version: data.version + 1, targets: [], graph: null, lifecycle: null });
    await page.waitForFunction(() => document.getElementById('add-menu-button').disabled);
    assert.equal(await page.isHidden('#add-menu'), true);
    assert.equal(await expanded(), 'false');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('keeps the toolbar one row at 650 px with the pod selector shown, and wraps it without overflow when narrower', async () => {
    const data = message('six-containers.json');
    const twoPods = {
      ...data,
      targets: [
        ...data.targets,
        { ...data.targets[0], documentIndex: 1, label: 'Deployment storefront-canary-with-a-long-name' },
      ],
    };
    for (const theme of Object.keys(THEMES)) {
      const { page, problems } = await openPage(theme);
      await page.setViewportSize({ width: 650, height: 720 });
      await post(page, twoPods);
      await page.waitForSelector('svg.pp-topology');
      assert.equal(await page.isVisible('#target'), true);
      assert.equal(await toolbarRows(page), 1, `${theme}: toolbar rows at 650 px`);
      await page.click('#add-menu-button');
      await page.screenshot({
        path: path.join(artifacts, `toolbar-menu-650px-${theme}.png`),
        clip: { x: 0, y: 0, width: 650, height: 220 },
      });
      // The open menu has the theme's menu colours: its text readable on it, the item with the focus marked by a
      // background of clear contrast (WCAG ratio, 3 for a UI component) or, in high contrast, by a visible border.
      const seen = await page.evaluate(() => {
        const luminance = (colour) => {
          const [r, g, b] = colour
            .match(/[\d.]+/g)
            .slice(0, 3)
            .map((value) => {
              const channel = Number(value) / 255;
              return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
            });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const contrast = (a, b) => {
          const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
          return (light + 0.05) / (dark + 0.05);
        };
        const menu = getComputedStyle(document.getElementById('add-menu'));
        const focused = getComputedStyle(document.activeElement);
        return {
          focusedItem: document.activeElement.getAttribute('data-command'),
          textContrast: contrast(menu.color, menu.backgroundColor),
          focusContrast: contrast(focused.backgroundColor, menu.backgroundColor),
          focusOutline: focused.outlineColor !== 'rgba(0, 0, 0, 0)' && focused.outlineStyle !== 'none',
        };
      });
      assert.equal(seen.focusedItem, 'podPatterns.addInitContainer');
      assert.ok(seen.textContrast >= 4.5, `${theme}: ${JSON.stringify(seen)}`);
      assert.ok(seen.focusContrast >= 3 || seen.focusOutline, `${theme}: ${JSON.stringify(seen)}`);
      await page.keyboard.press('Escape');
      for (const width of [480, 350]) {
        await page.setViewportSize({ width, height: 720 });
        const seen = await page.evaluate(() => ({
          overflows: document.documentElement.scrollWidth > window.innerWidth,
          cut: [...document.querySelectorAll('#toolbar > :not([hidden])')]
            .filter((control) => control.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map((control) => control.id),
        }));
        assert.deepEqual(seen, { overflows: false, cut: [] }, `${theme} at ${width} px`);
        assert.ok((await toolbarRows(page)) <= 2, `${theme} at ${width} px: at most two rows`);
      }
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  it('shows hostile names verbatim and runs none of them', async () => {
    const data = message('hostile-names.json');
    const { page, problems } = await openPage('light');
    await post(page, data);
    await page.waitForSelector('svg.pp-topology');
    await page.hover('.pp-volume .pp-node-box');
    await page.click('.pp-container .pp-node-box');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(problems, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    // No element came from the text: one script (ours), no img, iframe, b or foreign svg.
    assert.equal(await page.locator('script').count(), 1);
    assert.equal(await page.locator('img, iframe, b, svg svg').count(), 0);
    const titles = await page.$$eval('svg title', (nodes) => nodes.map((node) => node.textContent));
    const container = data.graph.nodes.find((node) => node.kind === 'container');
    assert.ok(
      titles.some((title) => title.includes(container.label)),
      'the container name appears as text',
    );
    assert.ok(
      titles.some((title) => title.includes(container.image)),
      'the image appears as text',
    );
    assert.match(await page.textContent('.pp-frame-title'), /<img src=x onerror=alert\(1\)>/);
    // The policy is really in force: an inline script injected now is blocked and reported.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = 2';
      document.body.append(script);
    });
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.ok((await page.evaluate(() => window.__violations)).some((violation) => violation.startsWith('script-src')));
    await page.screenshot({ path: path.join(artifacts, 'topology-hostile-light.png'), fullPage: true });
    await page.close();
  });

  for (const theme of Object.keys(THEMES)) {
    it(`takes screenshots in the ${theme} theme`, async () => {
      for (const name of recorded) {
        const data = message(name);
        if (!data.graph) continue;
        const { page, problems } = await openPage(theme);
        await post(page, data);
        await page.waitForSelector('svg.pp-topology');
        await page.screenshot({
          path: path.join(artifacts, `topology-${name.replace(/\.json$/, '')}-${theme}.png`),
          fullPage: true,
        });
        if (data.lifecycle) {
          await page.click('#tab-lifecycle');
          await page.waitForSelector('svg.pp-lifecycle');
          await page.screenshot({
            path: path.join(artifacts, `lifecycle-${name.replace(/\.json$/, '')}-${theme}.png`),
            fullPage: true,
          });
          await page.click('#tab-topology');
          await page.waitForSelector('svg.pp-topology:not(.pp-lifecycle)');
        }
        if (theme === 'light' && name === 'native-sidecar-deployment.json') {
          // The README's picture (media/screenshots/topology.png is a reviewed copy of it): page cropped to its content.
          const box = await page.evaluate(() => {
            const svg = document.querySelector('svg.pp-topology').getBoundingClientRect();
            return { x: 0, y: 0, width: Math.ceil(svg.right + 12), height: Math.ceil(svg.bottom + 4) };
          });
          await page.screenshot({ path: path.join(artifacts, 'readme-topology.png'), clip: box });
        }
        assert.deepEqual(problems, []);
        await page.close();
      }
    });
  }
});

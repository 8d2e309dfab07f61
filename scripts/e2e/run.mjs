// `npm run test:integration`: runs the integration suite (test/integration) inside a real VS Code
// workbench, code-server driven by headless Chromium, against the packaged VSIX.
//   1. installs the tools once into ~/.cache/pod-patterns-e2e (see tools.mjs)
//   2. `npm run package` (production bundles + type-checked, compiled suite) → build/pod-patterns-<version>.vsix
//   3. installs that VSIX into a fresh code-server and opens a copy of the fixture workspace with the
//      installed extension as the development extension and the suite as extensionTestsPath
//   4. answers the suite's page requests (status bar text, webview text, screenshots)
// Exit code: 0 all checks passed, 1 a check failed (or the run could not start), 2 timed out.
// Options: --skip-package (reuse the VSIX in build/), --update-screenshots (copy the
// screenshots into media/screenshots), --timeout=SECONDS (default 300), --keep (keep the run dir).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { ensureTools } from './tools.mjs';
import { installExtension, startCodeServer } from './codeServer.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const flag = (name) => args.includes(`--${name}`);
const timeoutMs = Number(option('timeout') ?? process.env.POD_PATTERNS_E2E_TIMEOUT ?? 300) * 1000;
const artifacts = join(repo, 'test', 'artifacts');
const UI_REQUEST = '[pod-patterns-e2e-ui] ';
// Workbench chatter and offline noise, not from the product or the suite; the full transcript
// still goes to test/artifacts/integration-transcript.log.
const NOISE = [
  /open-vsx\.org/,
  /ENOTFOUND/,
  /telemetry/i,
  /github.*auth/i,
  /code-server-ipc\.sock/,
  /vscode-unpkg|marketplace/i,
  /^\[(ChatModelSelection|AgentHost[^\]]*|AccountPolicyGate|Service Worker|reconnection-grace-time)\]/,
  /No signed-in session/,
  /^(Creating a socket|Resolving connection token|Resolved connection token|Creation of workbench contribution|Updating additional builtin)/,
  /^\d{4}-\d\d-\d\d [\d:.]+ \[(info|trace|debug)\]/,
  // The suite is not inside an extension folder, so VS Code hands it the default API and says so.
  /Could not identify extension for 'vscode' require call/,
  /Accessing a resource scoped configuration without providing a resource/,
];

const log = (message) => console.log(`[e2e] ${message}`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function timed(label, timings, action) {
  const started = Date.now();
  const result = action();
  timings[label] = Date.now() - started;
  return result;
}

function packageVsix() {
  const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const vsix = join(repo, 'build', `pod-patterns-${version}.vsix`);
  if (flag('skip-package') && existsSync(vsix)) return vsix;
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(vsix)) throw new Error('npm run package failed');
  log(`packaged ${vsix} (${Math.round(statSync(vsix).size / 1024)} KiB)`);
  return vsix;
}

function findFiles(dir, accept, found = []) {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) findFiles(path, accept, found);
    else if (accept(entry.name, path)) found.push(path);
  }
  return found;
}

function tail(path, lines) {
  return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
}

/** Answers one request of test/integration/support/ui.ts by acting on the page. */
async function answerUi(page, request, dirs) {
  switch (request.action) {
    case 'screenshot': {
      const target = join(artifacts, 'screenshots', `${request.name}.png`);
      mkdirSync(dirname(target), { recursive: true });
      // Let the hover and problems panel finish painting before the picture.
      await page.waitForTimeout(300);
      await page.screenshot({ path: target });
      if (flag('update-screenshots')) {
        mkdirSync(join(repo, 'media', 'screenshots'), { recursive: true });
        copyFileSync(target, join(repo, 'media', 'screenshots', `${request.name}.png`));
      }
      return target;
    }
    case 'texts':
      return page.locator(request.selector).allInnerTexts();
    case 'frameTexts': {
      const texts = [];
      for (const frame of page.frames()) {
        // textContent, not innerText: webviews draw with SVG, whose elements have no innerText.
        try {
          texts.push(...(await frame.locator(request.selector).allTextContents()));
        } catch {
          /* frame navigated away */
        }
      }
      return texts;
    }
    default:
      throw new Error(`unknown action ${request.action} (run dir ${dirs.run})`);
  }
}

async function respond(page, line, dirs) {
  const request = JSON.parse(line.slice(UI_REQUEST.length));
  let answer;
  try {
    answer = { ok: true, value: await answerUi(page, request, dirs) };
  } catch (error) {
    answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const file = join(dirs.ui, `${request.id}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(answer));
  renameSync(`${file}.tmp`, file);
}

async function main() {
  const started = Date.now();
  const timings = {};
  const tools = timed('tools', timings, ensureTools);
  log(`node ${tools.node.version}, code-server ${tools.codeServer.version}, ${tools.chromium}`);
  const vsix = timed('package', timings, packageVsix);

  const run = mkdtempSync(join(tmpdir(), 'pod-patterns-e2e-'));
  const dirs = {
    run,
    userData: join(run, 'user-data'),
    extensions: join(run, 'extensions'),
    ui: join(run, 'ui'),
    workspace: join(run, 'workspace'),
  };
  mkdirSync(dirs.ui, { recursive: true });
  // A copy, so the suite's edits and settings never touch the repository.
  cpSync(join(repo, 'test', 'integration', 'workspace'), dirs.workspace, { recursive: true });
  const extensionDir = timed('install', timings, () => installExtension(tools, dirs, vsix));
  log(`installed the VSIX into ${extensionDir}`);

  const suiteStarted = Date.now();
  const server = await startCodeServer(tools, dirs);
  let browser;
  let outcome = { code: 2, reason: `timed out after ${seconds(timeoutMs)}` };
  const transcript = [];
  try {
    browser = await chromium.launch({
      executablePath: tools.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let finish;
    const finished = new Promise((resolveFinished) => {
      finish = resolveFinished;
    });
    const pending = [];
    await page.exposeFunction('codeAutomationExit', (code) =>
      finish({ code: code === 0 ? 0 : 1, reason: `the suite exited with ${code}` }),
    );
    await page.exposeFunction('codeAutomationLog', (_level, logArgs) => {
      // The extension host forwards console calls as printf-style argument lists.
      const line = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      if (line.startsWith(UI_REQUEST)) {
        pending.push(respond(page, line, dirs));
        return;
      }
      transcript.push(line);
      if (!NOISE.some((pattern) => pattern.test(line))) process.stdout.write(`${line.replace(/\n$/, '')}\n`);
    });
    const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionDir)],
      ['extensionTestsPath', remote(join(repo, 'build', 'test', 'integration', 'index.js'))],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
      ['extensionEnvironment', JSON.stringify({ POD_PATTERNS_E2E_UI_DIR: dirs.ui })],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { timeout: 120_000 });
    let timer;
    outcome = await Promise.race([
      finished,
      new Promise((resolveTimeout) => {
        timer = setTimeout(() => resolveTimeout(outcome), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    await Promise.allSettled(pending);
    if (outcome.code !== 0) {
      const shot = join(artifacts, `failure-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: shot }).then(
        () => log(`screenshot of the failed run: ${shot}`),
        (error) => log(`no screenshot: ${error.message}`),
      );
    }
  } catch (error) {
    outcome = { code: 1, reason: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
  timings.suite = Date.now() - suiteStarted;

  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, 'integration-transcript.log'), `${transcript.join('\n')}\n`);

  // The extension host log is flushed lazily: read it only after code-server is gone.
  const hostLogs = findFiles(join(dirs.userData, 'logs'), (name) => name === 'remoteexthost.log');
  const channelLogs = findFiles(join(dirs.userData, 'logs'), (name) => name.includes('Pod Patterns'));
  // "No errors in the log": the extension's own channel, and the host's errors that name the extension. Both logs are
  // read as entries (a timestamped line and the lines that continue it, such as an error's message or stack).
  const entriesOf = (file) => readFileSync(file, 'utf8').split(/\n(?=\d{4}-)/);
  const channelErrors = [
    ...channelLogs.flatMap((file) => entriesOf(file).filter((entry) => /^\S+ \S+ \[error\]/.test(entry))),
    ...hostLogs.flatMap((file) =>
      entriesOf(file).filter((entry) => /\[error\]/.test(entry) && /pod-patterns/i.test(entry)),
    ),
  ];
  // The restart check kills the server with SIGKILL on purpose (and asserts that it comes back): the client logs each
  // kill, and every request in flight at that moment (code actions, and the outline, folding and highlight requests
  // VS Code sends on its own) fails with "Connection is disposed", in the channel and in the host's log. A write to the
  // dead process can fail (EPIPE) a few milliseconds before the client notices the exit. Those are expected from 1 s
  // before to 2 s after a kill; any other error, or a failed request with no kill beside it, fails the run.
  const at = (entry) => Date.parse(entry.slice(0, 23).replace(' ', 'T'));
  const isKill = (entry) => /\[error\] Server process exited with signal SIGKILL\.\s*$/.test(entry);
  const killTimes = channelErrors.filter(isKill).map(at);
  const expectedAtKill = (entry) =>
    (/Request textDocument\/\w+ failed\.\s+Error: Connection is disposed\./.test(entry) ||
      /\] provider FAILED\s*$/.test(entry) ||
      /^\S+ \S+ \[error\] Error: Connection is disposed\./.test(entry) ||
      /connection to server is erroring\.\s+(write EPIPE|read ECONNRESET)/.test(entry)) &&
    killTimes.some((killedAt) => at(entry) - killedAt >= -1000 && at(entry) - killedAt < 2000);
  const unexpectedErrors = channelErrors.filter((entry) => !isKill(entry) && !expectedAtKill(entry));
  if (outcome.code === 0 && unexpectedErrors.length > 0) {
    outcome = { code: 1, reason: `the extension logged errors:\n${unexpectedErrors.join('\n')}` };
  }
  if (outcome.code === 0 && channelLogs.length === 0) {
    outcome = { code: 1, reason: 'the Pod Patterns output channel log was not found' };
  }
  if (outcome.code !== 0) {
    for (const file of hostLogs) console.log(`--- tail of ${file}\n${tail(file, 80)}`);
    for (const file of channelLogs) console.log(`--- tail of ${file}\n${tail(file, 40)}`);
    console.log(`--- tail of code-server output\n${server.output.join('').split('\n').slice(-20).join('\n')}`);
  }

  const summary = (pattern) => Number(transcript.map((line) => pattern.exec(line)?.[1]).find(Boolean) ?? 0);
  const passing = summary(/(\d+) passing/);
  const failing = summary(/(\d+) failing/);
  const pending = summary(/(\d+) pending/);
  const took = Object.entries(timings)
    .map(([label, ms]) => `${label} ${seconds(ms)}`)
    .join(', ');
  log(
    `${outcome.code === 0 ? 'PASS' : outcome.code === 2 ? 'TIMEOUT' : 'FAIL'}: ${outcome.reason}; checks: ${passing} passed, ${failing} failed, ${pending} skipped; ${seconds(Date.now() - started)} (${took})`,
  );
  if (outcome.code === 0 && !flag('keep')) rmSync(run, { recursive: true, force: true });
  else log(`run directory kept: ${run}`);
  return outcome.code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[e2e] could not run the integration suite: ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);

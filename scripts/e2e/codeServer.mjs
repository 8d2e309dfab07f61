// Starts and stops code-server for one integration run: a fresh user-data and extensions
// directory, the packaged VSIX installed through code-server's own CLI, and the flag that
// lets the workbench honour the `payload` URL parameter (extension development + tests).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LISTENING = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))\//;

export function installExtension(tools, dirs, vsixPath) {
  const result = spawnSync(
    tools.node.binary,
    [
      tools.codeServer.entry,
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
      '--install-extension',
      vsixPath,
    ],
    { encoding: 'utf8' },
  );
  const installed = existsSync(dirs.extensions)
    ? readdirSync(dirs.extensions).filter((name) => name.startsWith('pod-patterns.pod-patterns-'))
    : [];
  if (result.status !== 0 || installed.length !== 1) {
    throw new Error(
      `code-server --install-extension ${vsixPath} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return join(dirs.extensions, installed[0]);
}

/** Resolves with `{ url, port, stop, output }` once code-server listens. */
export function startCodeServer(tools, dirs, { startTimeoutMs = 120_000 } = {}) {
  const config = join(dirs.run, 'config.yaml');
  writeFileSync(config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const child = spawn(
    tools.node.binary,
    [
      tools.codeServer.entry,
      '--bind-addr',
      '127.0.0.1:0',
      '--auth',
      'none',
      '--config',
      config,
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      // Without this the workbench silently ignores extensionDevelopmentPath/extensionTestsPath.
      '--vscode-option',
      'enable-smoke-test-driver',
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  const output = [];
  let exited = false;
  const exitedPromise = new Promise((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );

  async function stop() {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5_000);
    await exitedPromise;
    clearTimeout(timer);
  }

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`code-server did not start within ${startTimeoutMs} ms:\n${output.join('')}`));
    }, startTimeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      output.push(text);
      const match = LISTENING.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], port: Number(match[2]), stop, output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code} before listening:\n${output.join('')}`));
    });
  });
}

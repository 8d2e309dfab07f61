// `npm run test:electron`: the same integration suite (test/integration) in desktop VS Code
// through @vscode/test-electron, for machines that can download VS Code. Point
// VSCODE_EXECUTABLE_PATH at a local VS Code to skip the download; VSCODE_VERSION picks one
// ("stable", "insiders", "1.91.0"). The extension runs from the repository's bundles.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const run = mkdtempSync(join(tmpdir(), 'pod-patterns-electron-'));
const workspace = join(run, 'workspace');
// A copy, so the suite's edits and settings never touch the repository.
cpSync(join(repo, 'test', 'integration', 'workspace'), workspace, { recursive: true });

try {
  await runTests({
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(repo, 'build', 'test', 'integration', 'index.js'),
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
    version: process.env.VSCODE_VERSION || undefined,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      join(run, 'user-data'),
    ],
  });
  rmSync(run, { recursive: true, force: true });
} catch (error) {
  console.error(`integration suite failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { waitFor } from './support/wait';
import { closeAllEditors, openFixture, replaceText, waitForDiagnostics, waitForFindings } from './support/workspace';

/** The language server processes this extension host started (children running server/out/server.js). */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/PID/stat is the parent pid (after the command in parentheses).
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (parent === process.pid && command.includes('server/out/server.js')) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

describe('the language server comes back', () => {
  afterEach(closeAllEditors);

  it('after it is killed while the user types, again and again', async function () {
    this.timeout(180_000);
    const { document } = await openFixture('pods/web-with-sidecar.yaml');
    await waitForFindings(document, [], 'a clean start');
    // More crashes than vscode-languageclient's default handler tolerates (it gives up after 4 in 3 minutes).
    for (let crash = 0; crash < 6; crash++) {
      const [pid] = await waitFor(
        'a running language server',
        () => {
          const pids = serverPids();
          return pids.length > 0 ? pids : undefined;
        },
        60_000,
      );
      process.kill(pid!, 'SIGKILL');
      // Typing while the server is down: a duplicate key the restarted server must report.
      await replaceText(document, 'kind: Pod', 'kind: Pod\nkind: Pod');
      const [diagnostic] = await waitForDiagnostics(
        document.uri,
        `the duplicate key reported after crash ${crash + 1}`,
        (d) => d.some((x) => String(typeof x.code === 'object' ? x.code.value : x.code) === 'duplicate-key'),
        60_000,
      );
      assert.ok(diagnostic);
      const restarted = serverPids();
      assert.ok(restarted.length > 0 && !restarted.includes(pid!), `a new server process after crash ${crash + 1}`);
      await replaceText(document, 'kind: Pod\nkind: Pod', 'kind: Pod');
      await waitForFindings(document, [], `the file clean again after crash ${crash + 1}`);
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});

import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/**
 * Entry point VS Code calls in the extension host (`extensionTestsPath`), both under
 * `@vscode/test-electron` and in the browser-driven code-server run. Runs every
 * `*.test.js` next to this file, in name order, and rejects when a test fails.
 */
export async function run(): Promise<void> {
  // Edits must stay unsaved until a test restores them (code-server saves after a delay by default).
  await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, slow: 5_000 });
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration check(s) failed`);
}

import * as vscode from 'vscode';
import { waitFor } from './wait';

export const EXTENSION_ID = 'pod-patterns.pod-patterns';
export const DIAGNOSTIC_SOURCE = 'pod-patterns';

/** The fixture workspace (a temporary copy of test/integration/workspace, so edits and settings stay there). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The integration run must open the fixture workspace folder');
  return folder.uri;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * Closes every editor and puts edited fixtures back as they are on disk, so each test starts
 * from the same text. Documents are restored through an edit rather than the revert command,
 * which acts on whatever editor has focus.
 */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.uri.scheme !== 'file') continue;
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)),
      onDisk,
    );
    if (!(await vscode.workspace.applyEdit(edit)) || !(await document.save())) {
      throw new Error(`Could not restore ${document.uri.fsPath}`);
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
}

/** Waits until our diagnostics for `uri` satisfy `accept`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs?: number,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `${what} (${vscode.workspace.asRelativePath(uri)})`,
    () => {
      const diagnostics = ourDiagnostics(uri);
      return accept(diagnostics) ? diagnostics : undefined;
    },
    timeoutMs,
  );
}

/** The range of the `occurrence`-th (0-based) appearance of `needle` in the document. */
export function rangeOfText(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = document.getText();
  let at = -1;
  for (let index = 0; index <= occurrence; index++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not found in ${document.uri.fsPath}`);
  }
  return new vscode.Range(document.positionAt(at), document.positionAt(at + needle.length));
}

/** Replaces one piece of text through a WorkspaceEdit, as an extension or refactoring would. */
export async function replaceText(document: vscode.TextDocument, needle: string, replacement: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, rangeOfText(document, needle), replacement);
  if (!(await vscode.workspace.applyEdit(edit)))
    throw new Error(`Could not replace "${needle}" in ${document.uri.fsPath}`);
}

export function describeRange(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** Sets a `podPatterns.*` user setting for the rest of the test; `undefined` removes it. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('podPatterns').update(key, value, vscode.ConfigurationTarget.Global);
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  await extension.activate();
  return extension;
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** `code@covered text` for each diagnostic: what it says and exactly where it points. */
export function findingsOf(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${codeOf(diagnostic)}@${document.getText(diagnostic.range)}`).sort();
}

/**
 * Waits until the document's diagnostics are exactly `expected` (as `code@covered text`), which
 * also rules out stale diagnostics from an earlier version of the document.
 */
export async function waitForFindings(
  document: vscode.TextDocument,
  expected: readonly string[],
  what = 'the expected diagnostics',
): Promise<vscode.Diagnostic[]> {
  const wanted = JSON.stringify([...expected].sort());
  try {
    return await waitForDiagnostics(
      document.uri,
      what,
      (diagnostics) => JSON.stringify(findingsOf(document, diagnostics)) === wanted,
    );
  } catch (error) {
    const seen = findingsOf(document, ourDiagnostics(document.uri));
    throw new Error(`${(error as Error).message}\n  expected ${wanted}\n  last seen ${JSON.stringify(seen)}`, {
      cause: error,
    });
  }
}

/**
 * The server's verdict on the document's current text, even when that verdict is "nothing": an empty
 * list is also what a document the server has not validated yet shows. Duplicates the `kind:` line,
 * waits for the server to report it, restores the text and waits for that report to go.
 */
export async function settledDiagnostics(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const kindLine = /^kind: \w+$/m.exec(document.getText())?.[0];
  if (!kindLine) throw new Error(`No "kind:" line in ${document.uri.toString()}`);
  await replaceText(document, kindLine, `${kindLine}\n${kindLine}`);
  await waitForDiagnostics(document.uri, 'the deliberate duplicate "kind" to be reported', (d) =>
    d.some((x) => codeOf(x) === 'duplicate-key'),
  );
  await replaceText(document, `${kindLine}\n${kindLine}`, kindLine);
  return waitForDiagnostics(
    document.uri,
    'the deliberate duplicate to go',
    (d) => !d.some((x) => codeOf(x) === 'duplicate-key'),
  );
}

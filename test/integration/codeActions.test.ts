import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  findingsOf,
  fixtureUri,
  openFixture,
  settledDiagnostics,
  waitForDiagnostics,
  waitForFindings,
} from './support/workspace';

const LATEST_CACHE = 'latest-image-tag@registry.example.com/cache:latest';
/** Expected texts after an edit, next to the sources (this file runs from build/test/integration). */
const EXPECTED = path.resolve(__dirname, '..', '..', '..', 'test', 'integration', 'expected');

async function codeActions(
  document: vscode.TextDocument,
  range: vscode.Range,
  kind?: vscode.CodeActionKind,
): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    range,
    kind?.value,
  );
  return (actions ?? []).filter((action): action is vscode.CodeAction => 'kind' in action || 'edit' in action);
}

async function fixtureText(relativePath: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(relativePath)));
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" carries an edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" applies`);
}

describe('code actions', () => {
  afterEach(closeAllEditors);

  it('offers the preferred quick fix for a removed apiVersion, and applying it fixes exactly that value', async () => {
    const { document } = await openFixture('workloads/legacy-deployment.yaml');
    const original = await fixtureText('workloads/legacy-deployment.yaml');
    const [diagnostic] = await waitForFindings(document, ['schema@extensions/v1beta1']);
    const fixes = await codeActions(document, diagnostic!.range, vscode.CodeActionKind.QuickFix);
    const fix = fixes.find((action) => action.title === 'Change "extensions/v1beta1" to "apps/v1"');
    assert.ok(fix, `quick fixes offered: ${JSON.stringify(fixes.map((action) => action.title))}`);
    assert.equal(fix.isPreferred, true);
    await apply(fix);
    assert.equal(document.getText(), original.replace('apiVersion: extensions/v1beta1', 'apiVersion: apps/v1'));
    await waitForFindings(document, [], 'no findings once fixed');
  });

  it('fixes a misspelt field from the lightbulb', async () => {
    const { document } = await openFixture('pods/schema-errors.yaml');
    const original = await fixtureText('pods/schema-errors.yaml');
    const diagnostics = await waitForFindings(document, ['schema@Sometimes', 'schema@periodSecond', LATEST_CACHE]);
    const unknownField = diagnostics.find((d) => document.getText(d.range) === 'periodSecond')!;
    const fixes = await codeActions(document, unknownField.range, vscode.CodeActionKind.QuickFix);
    const rename = fixes.find((action) => action.title === 'Change "periodSecond" to "periodSeconds"');
    assert.ok(rename, `quick fixes offered: ${JSON.stringify(fixes.map((action) => action.title))}`);
    await apply(rename);
    assert.equal(document.getText(), original.replace('periodSecond: 10', 'periodSeconds: 10'));
    await waitForFindings(document, ['schema@Sometimes', LATEST_CACHE], 'the unknown-field error to clear');
  });

  it('offers the five insert-pattern refactorings inside a pod; the native sidecar one inserts exactly the expected text', async () => {
    const { document } = await openFixture('pods/log-tailer.yaml');
    await waitForDiagnostics(document.uri, 'the log-tailer findings', (d) => d.length === 2);
    const inside = document.positionAt(document.getText().indexOf('- name: shop'));
    const refactorings = await codeActions(
      document,
      new vscode.Range(inside, inside),
      vscode.CodeActionKind.RefactorRewrite,
    );
    const titles = refactorings.map((action) => action.title);
    assert.deepEqual(
      titles.map((title) => title.split(':')[0]),
      [
        'Add init container',
        'Add sidecar',
        'Add native sidecar',
        'Add adapter',
        // Called by the main container from its start, it is started first.
        'Add ambassador as a native sidecar',
      ],
    );
    assert.ok(
      titles.every((title) => title.endsWith(' to Pod shop')),
      JSON.stringify(titles),
    );
    const nativeSidecar = refactorings.find(
      (action) => action.title === 'Add native sidecar: Log shipper (Fluent Bit) to Pod shop',
    );
    assert.ok(
      nativeSidecar && !nativeSidecar.disabled,
      `the native sidecar refactoring among ${JSON.stringify(titles)}`,
    );
    await apply(nativeSidecar);
    // The whole file: the sidecar as an init container with restartPolicy: Always, its shared
    // emptyDir declared and mounted in the main container, nothing else touched.
    assert.equal(document.getText(), readFileSync(path.join(EXPECTED, 'log-tailer.native-sidecar.yaml'), 'utf8'));
    // No new finding: the two the file had, now on their moved lines, and the new sidecar among the containers not sharing "logs".
    const findings = await waitForFindings(
      document,
      ['latest-image-tag@registry.example.com/shop:latest', 'unshared-volume@logs'],
      'the same two findings after the insertion',
    );
    assert.match(findings.find((d) => document.getText(d.range) === 'logs')!.message, /"log-shipper", "log-tailer"/);
  });

  it('Add Init Container from the palette, given a template, inserts it into the pod at the cursor', async () => {
    const { document } = await openFixture('pods/web-with-sidecar.yaml');
    await waitForFindings(document, [], 'a clean start');
    const position = document.positionAt(document.getText().indexOf('- name: web'));
    await vscode.commands.executeCommand('podPatterns.addInitContainer', {
      uri: document.uri.toString(),
      position: { line: position.line, character: position.character },
      template: 'wait-for-service',
    });
    // The command resolves once its edit is applied; the init container goes after the native sidecar.
    assert.equal(
      document.getText(),
      readFileSync(path.join(EXPECTED, 'web-with-sidecar.wait-for-service.yaml'), 'utf8'),
    );
    assert.deepEqual(
      findingsOf(document, await settledDiagnostics(document)),
      [],
      'still no findings with the init container',
    );
  });
});

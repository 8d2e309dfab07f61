import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CompletionRequest,
  ExecuteCommandRequest,
  HoverRequest,
  ApplyWorkspaceEditRequest,
  type CodeAction,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { LspHarness } from '../../support/lspHarness';
import {
  INSERT_PATTERN_COMMAND,
  InsertPatternRequest,
  SELECTION_DATA_KEY,
  type InsertPatternResponse,
} from '../../../server/src/shared/protocol';
import { readFixture } from './support';

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 1, text), [...edits]);
}

test('code actions over LSP: a quick fix from diagnostic data, and insert-pattern refactorings', async () => {
  const lsp = new LspHarness();
  try {
    await lsp.initialize();
    const uri = 'file:///work/ds.yaml';
    const text = 'apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata: {name: d}\n';
    const published = lsp.nextDiagnostics(uri);
    await lsp.open(uri, text);
    const { diagnostics } = await published;
    const removed = diagnostics.find((diagnostic) => String(diagnostic.message).includes('no matches for kind'))!;
    const actions = (await lsp.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: removed.range,
      context: { diagnostics: [removed], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((action) => action.isPreferred)!;
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.diagnostics, [removed]);
    assert.equal(apply(text, fix.edit!.changes![uri]!), text.replace('extensions/v1beta1', 'apps/v1'));
  } finally {
    lsp.dispose();
  }
});

test('insert request: edits plus the value to fill in, in the edited text', async () => {
  const lsp = new LspHarness();
  try {
    await lsp.initialize();
    const uri = 'file:///work/pod.yaml';
    const text = readFixture('insert', 'pod-kubectl-style.yaml');
    const published = lsp.nextDiagnostics(uri);
    await lsp.open(uri, text);
    await published;
    const refactorings = (await lsp.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 9, character: 2 }, end: { line: 9, character: 2 } },
      context: { diagnostics: [], only: ['refactor'] },
    })) as CodeAction[];
    assert.deepEqual(
      refactorings.map((action) => action.title.replace(/:.*/, '')),
      [
        'Add init container',
        'Add sidecar',
        'Add native sidecar',
        'Add adapter',
        // Called by the main container from its start, it is started first.
        'Add ambassador as a native sidecar',
      ],
    );
    const edited = TextDocument.create(uri, 'yaml', 2, apply(text, refactorings[0]!.edit!.changes![uri]!));
    assert.equal(
      edited.getText((refactorings[0]!.data as Record<string, Range>)[SELECTION_DATA_KEY]),
      'https://github.com/example/repository.git',
    );

    const response = await lsp.client.sendRequest(InsertPatternRequest, {
      uri,
      position: { line: 9, character: 2 },
      kind: 'ambassador',
      template: 'cloud-sql-proxy',
    });
    assert.ok(response.ok);
    const after = apply(text, response.edits as TextEdit[]);
    const document = TextDocument.create(uri, 'yaml', 2, after);
    assert.equal(document.getText(response.selection), 'my-project:my-region:my-instance');
    const refused = await lsp.client.sendRequest(InsertPatternRequest, {
      uri,
      position: { line: 0, character: 0 },
      kind: 'nope',
    });
    assert.deepEqual(refused, { ok: false, reason: 'unknown pattern "nope"' });
  } finally {
    lsp.dispose();
  }
});

test('executeCommand inserts through workspace/applyEdit for editors without our client', async () => {
  const lsp = new LspHarness();
  try {
    await lsp.initialize();
    const uri = 'file:///work/pod.yaml';
    const text = readFixture('insert', 'pod-kubectl-style.yaml');
    await lsp.open(uri, text);
    let applied: TextEdit[] | undefined;
    lsp.client.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      applied = params.edit.changes![uri];
      return { applied: true };
    });
    const result = (await lsp.client.sendRequest(ExecuteCommandRequest.type, {
      command: INSERT_PATTERN_COMMAND,
      arguments: [{ uri, position: { line: 3, character: 0 }, kind: 'init', template: 'wait-for-service' }],
    })) as InsertPatternResponse;
    assert.ok(result.ok);
    assert.ok(applied && apply(text, applied).includes('- name: wait-for-service'));
  } finally {
    lsp.dispose();
  }
});

test('completion and hover over LSP', async () => {
  const lsp = new LspHarness();
  try {
    await lsp.initialize();
    const uri = 'file:///work/completion.yaml';
    const text = readFixture('editing', 'pod-for-completion.yaml');
    await lsp.open(uri, text);
    const lines = text.split('\n');
    const portLine = lines.findIndex((line) => line.trim() === 'port:');
    const completion = await lsp.client.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: portLine, character: lines[portLine]!.length },
    });
    const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
    assert.deepEqual(
      items.map((item) => item.label),
      ['http', 'admin'],
    );
    const webLine = lines.findIndex((line) => line.trim() === '- name: web');
    const hover = await lsp.client.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: webLine, character: 11 },
    });
    assert.match(JSON.stringify(hover?.contents), /main container/);
  } finally {
    lsp.dispose();
  }
});

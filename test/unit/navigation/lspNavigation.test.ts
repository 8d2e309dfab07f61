import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DefinitionRequest,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  FoldingRangeRequest,
  InitializeRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  SelectionRangeRequest,
  type DocumentSymbol,
  type Location,
  type Position,
  type Range,
  type SymbolInformation,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { LspHarness } from '../../support/lspHarness';
import { offsetOfMarker, yaml } from '../../support/text';

const URI = 'file:///work/nav.yaml';

/** A pod whose lines hold multi-byte characters before the names, so UTF-16 columns matter. */
const TEXT = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: wéb # 🚀 café
  spec:
    containers:
      - name: app # 🚀
        image: nginx:1.27
        ports:
          - {name: http, containerPort: 8080} # ünïcode
        readinessProbe: {httpGet: {path: /🚀, port: http}}
        volumeMounts:
          - name: logs
            mountPath: /logs
    volumes:
      - name: logs
        emptyDir: {}
`;

function positionOf(text: string, marked: string): Position {
  const offset = offsetOfMarker(text, marked);
  const document = TextDocument.create(URI, 'yaml', 1, text);
  return document.positionAt(offset);
}

function textOf(text: string, range: Range): string {
  const document = TextDocument.create(URI, 'yaml', 1, text);
  return document.getText(range);
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, text), [...edits]);
}

async function openedHarness(capabilities = {}): Promise<LspHarness> {
  const lsp = new LspHarness();
  await lsp.initialize({ debounceMs: 0 }, capabilities);
  const published = lsp.nextDiagnostics(URI);
  await lsp.open(URI, TEXT);
  await published;
  return lsp;
}

test('definition, references and highlights over LSP, in UTF-16 positions', async () => {
  const lsp = await openedHarness();
  try {
    const definition = (await lsp.client.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: URI },
      position: positionOf(TEXT, 'port: h|ttp'),
    })) as Location[];
    assert.equal(definition.length, 1);
    assert.equal(definition[0]!.uri, URI);
    assert.deepEqual(definition[0]!.range, {
      start: positionOf(TEXT, '{name: |http'),
      end: positionOf(TEXT, '{name: http|'),
    });

    const references = (await lsp.client.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: URI },
      position: positionOf(TEXT, '- name: l|ogs'),
      context: { includeDeclaration: true },
    }))!;
    assert.deepEqual(
      references.map((location) => `${location.range.start.line}:${textOf(TEXT, location.range)}`),
      ['12:logs', '15:logs'],
    );

    const highlights = (await lsp.client.sendRequest(DocumentHighlightRequest.type, {
      textDocument: { uri: URI },
      position: positionOf(TEXT, '{name: h|ttp'),
    }))!;
    assert.deepEqual(
      highlights.map((highlight) => `${textOf(TEXT, highlight.range)}:${highlight.kind}`),
      ['http:3', 'http:2'],
    );

    const nothing = await lsp.client.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: URI },
      position: { line: 999, character: 999 },
    });
    assert.equal(nothing, null);
  } finally {
    lsp.dispose();
  }
});

test('prepareRename and rename over LSP: the exact range, the edit applied, refusals as errors', async () => {
  const lsp = await openedHarness({ workspace: { workspaceEdit: { documentChanges: true } } });
  try {
    const position = positionOf(TEXT, '{name: ht|tp');
    const prepared = (await lsp.client.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri: URI },
      position,
    })) as { range: Range; placeholder: string };
    assert.equal(textOf(TEXT, prepared.range), 'http');
    assert.equal(prepared.placeholder, 'http');

    const edit = (await lsp.client.sendRequest(RenameRequest.type, {
      textDocument: { uri: URI },
      position,
      newName: 'web',
    })) as WorkspaceEdit;
    const change = edit.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: URI, version: 1 });
    assert.equal(
      apply(TEXT, change.edits as TextEdit[]),
      TEXT.replace('{name: http', '{name: web').replace('port: http}', 'port: web}'),
    );

    await assert.rejects(
      lsp.client.sendRequest(RenameRequest.type, { textDocument: { uri: URI }, position, newName: 'Web_Port' }),
      (error: unknown) =>
        error instanceof ResponseError &&
        /"Web_Port" is not a valid port name: must contain only alpha-numeric/.test(error.message),
    );
    // A client that sends no text as the new name gets told so, instead of an answer of nothing.
    for (const newName of [42, null, { name: 'web' }]) {
      await assert.rejects(
        lsp.client.sendRequest(RenameRequest.type, {
          textDocument: { uri: URI },
          position,
          newName: newName as unknown as string,
        }),
        (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams,
        JSON.stringify(newName),
      );
    }
  } finally {
    lsp.dispose();
  }
});

test('capabilities: navigation announced, prepare rename only to a client that supports it', async () => {
  for (const prepareSupport of [true, false]) {
    const lsp = new LspHarness();
    try {
      const result = await lsp.client.sendRequest(InitializeRequest.type, {
        processId: null,
        rootUri: null,
        capabilities: { textDocument: { rename: { prepareSupport } } },
      });
      const capabilities = result.capabilities;
      assert.deepEqual(capabilities.renameProvider, prepareSupport ? { prepareProvider: true } : true);
      assert.equal(capabilities.definitionProvider, true);
      assert.equal(capabilities.referencesProvider, true);
      assert.equal(capabilities.documentHighlightProvider, true);
      assert.ok(capabilities.documentSymbolProvider);
      assert.equal(capabilities.foldingRangeProvider, true);
      assert.equal(capabilities.selectionRangeProvider, true);
    } finally {
      lsp.dispose();
    }
  }
});

test('symbols (hierarchical or flat, as the client declares), folding and selection ranges over LSP', async () => {
  for (const hierarchical of [true, false]) {
    const lsp = await openedHarness({
      textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: hierarchical },
        foldingRange: { rangeLimit: 2 },
      },
    });
    try {
      const symbols = (await lsp.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } }))!;
      if (hierarchical) {
        const [pod] = symbols as DocumentSymbol[];
        assert.equal(pod!.name, 'Pod wéb');
        assert.equal(textOf(TEXT, pod!.selectionRange), 'wéb');
        assert.deepEqual(
          pod!.children!.map(
            (child) => `${child.name}: ${child.children!.map((leaf) => `${leaf.name} (${leaf.detail})`).join(', ')}`,
          ),
          ['containers: app (main container)', 'volumes: logs (emptyDir)'],
        );
      } else {
        assert.deepEqual(
          (symbols as SymbolInformation[]).map((symbol) => `${symbol.containerName ?? ''}/${symbol.name}`),
          ['/Pod wéb', 'Pod wéb/containers', 'containers/app', 'Pod wéb/volumes', 'volumes/logs'],
        );
      }
      const folds = (await lsp.client.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } }))!;
      assert.equal(folds.length, 2, "the client's range limit");
      const [selection] = (await lsp.client.sendRequest(SelectionRangeRequest.type, {
        textDocument: { uri: URI },
        positions: [positionOf(TEXT, 'image: ng|inx')],
      }))!;
      assert.equal(textOf(TEXT, selection!.range), 'nginx:1.27');
      assert.equal(textOf(TEXT, selection!.parent!.range), 'image: nginx:1.27');
    } finally {
      lsp.dispose();
    }
  }
});

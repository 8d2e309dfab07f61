import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { utf16ToUtf8Column, utf8ToUtf16Column } from '../../../server/src/lsp/positionEncoding';
import { LspHarness } from '../../support/lspHarness';
import { yaml } from '../../support/text';

type Encoding = 'utf-8' | 'utf-16';

// Keys and values with characters of two (é), three (CJK) and four (emoji, a surrogate pair in UTF-16) UTF-8 bytes,
// before the findings on the same line.
const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: cafe
    annotations:
      説明: "café 🚀 配達"
  spec:
    containers:
    - {name: web, image: "nginx:1.27", env: [{name: NOTE, value: "é🚀中"}], imagePullPolicy: Sometimes}
    - name: side
      image: busybox:1.36
      imagePullPolicy: &é🚀 Some
`;

/** The UTF-16 offset a position names in a text, counted the way the encoding counts (written apart from the server's code). */
function offsetOf(text: string, position: Position, encoding: Encoding): number {
  const lines = text.split('\n');
  const before = lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0);
  const line = lines[position.line] ?? '';
  if (encoding === 'utf-16') return before + position.character;
  return before + Buffer.from(line, 'utf8').subarray(0, position.character).toString('utf8').length;
}

function positionOf(text: string, offset: number, encoding: Encoding): Position {
  const before = text.slice(0, offset).split('\n');
  const column = before[before.length - 1]!;
  return {
    line: before.length - 1,
    character: encoding === 'utf-16' ? column.length : Buffer.byteLength(column, 'utf8'),
  };
}

const textAt = (text: string, range: Range, encoding: Encoding) =>
  text.slice(offsetOf(text, range.start, encoding), offsetOf(text, range.end, encoding));

/** Applies LSP text edits as a client in that encoding would. */
function applyTextEdits(text: string, edits: readonly TextEdit[], encoding: Encoding): string {
  const located = edits
    .map((edit) => ({
      start: offsetOf(text, edit.range.start, encoding),
      end: offsetOf(text, edit.range.end, encoding),
      newText: edit.newText,
    }))
    .sort((a, b) => b.start - a.start);
  return located.reduce((out, edit) => out.slice(0, edit.start) + edit.newText + out.slice(edit.end), text);
}

async function serverIn(encoding: Encoding | 'none'): Promise<{ lsp: LspHarness; negotiated: unknown }> {
  const lsp = new LspHarness();
  const result = await lsp.client.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: null,
    capabilities:
      encoding === 'none'
        ? {}
        : { general: { positionEncodings: encoding === 'utf-8' ? ['utf-8', 'utf-16'] : ['utf-16'] } },
    initializationOptions: { debounceMs: 0 },
  });
  await lsp.client.sendNotification(InitializedNotification.type, {});
  return { lsp, negotiated: result.capabilities.positionEncoding };
}

test('columns convert between UTF-16 and UTF-8 across é, CJK and surrogate pairs, and never into a character', () => {
  const line = 'a é 中 🚀 z';
  for (let column = 0; column <= line.length; column++) {
    if (column > 0 && line.charCodeAt(column - 1) >= 0xd800 && line.charCodeAt(column - 1) <= 0xdbff) continue;
    assert.equal(utf16ToUtf8Column(line, column), Buffer.byteLength(line.slice(0, column), 'utf8'));
    assert.equal(utf8ToUtf16Column(line, utf16ToUtf8Column(line, column)), column);
  }
  // Byte 6 is inside 中 (bytes 5–7): it names the character's start.
  assert.equal(utf8ToUtf16Column(line, 6), 4);
  assert.equal(utf8ToUtf16Column(line, 10), 6); // inside 🚀 (bytes 9–12)
});

test('the server speaks UTF-8 to a client that offers it, and UTF-16 otherwise', async () => {
  for (const [offered, expected] of [
    ['utf-8', 'utf-8'],
    ['utf-16', 'utf-16'],
    ['none', 'utf-16'],
  ] as const) {
    const { lsp, negotiated } = await serverIn(offered);
    lsp.dispose();
    assert.equal(negotiated, expected, `offered ${offered}`);
  }
});

for (const encoding of ['utf-8', 'utf-16'] as const) {
  test(`in ${encoding}: diagnostics, hover, completion, a code action and an incremental change all name the right characters`, async () => {
    const { lsp } = await serverIn(encoding);
    try {
      const uri = `file:///work/multibyte-${encoding}.yaml`;
      const published = lsp.nextDiagnostics(uri);
      await lsp.open(uri, POD);
      const { diagnostics } = await published;
      const policy = diagnostics.find((diagnostic) => textAt(POD, diagnostic.range, encoding) === 'Sometimes');
      assert.ok(
        policy,
        `a diagnostic on "Sometimes": ${JSON.stringify(diagnostics.map((d) => [d.code, textAt(POD, d.range, encoding)]))}`,
      );

      const hover = await lsp.client.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: positionOf(POD, POD.indexOf('imagePullPolicy') + 3, encoding),
      });
      assert.equal(textAt(POD, hover!.range!, encoding), 'imagePullPolicy');

      const completion = (await lsp.client.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: positionOf(POD, POD.indexOf('é🚀 Some') + 'é🚀 Some'.length, encoding),
      })) as CompletionItem[];
      const always = completion.find((item) => item.label === 'Always');
      assert.ok(always?.textEdit && 'range' in always.textEdit, JSON.stringify(completion.map((item) => item.label)));
      // The value replaced runs from its start (the anchor) to the cursor, across the multi-byte characters.
      assert.equal(textAt(POD, always.textEdit.range, encoding), '&é🚀 Some');

      const actions = (await lsp.client.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: policy.range,
        context: { diagnostics: [policy], only: ['quickfix'] },
      })) as CodeAction[];
      const fix = actions.find((action) => action.isPreferred) ?? actions[0];
      assert.ok(fix?.edit?.changes?.[uri], JSON.stringify(actions.map((action) => action.title)));
      const fixed = applyTextEdits(POD, fix.edit.changes[uri]!, encoding);
      const replacement = fixed.slice(POD.indexOf('Sometimes')).match(/^\w+/)![0];
      assert.equal(fixed, POD.replace('Sometimes', replacement));
      assert.match(replacement, /^(Always|IfNotPresent|Never)$/);

      // An incremental change at a position after multi-byte characters, in the client's encoding.
      const changed = lsp.nextDiagnostics(uri);
      const start = POD.indexOf('Sometimes');
      await lsp.client.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [
          {
            range: {
              start: positionOf(POD, start, encoding),
              end: positionOf(POD, start + 'Sometimes'.length, encoding),
            },
            text: 'Never',
          },
        ],
      });
      const after: Diagnostic[] = (await changed).diagnostics;
      const newText = POD.replace('Sometimes', 'Never');
      const marks = after.map((diagnostic) => textAt(newText, diagnostic.range, encoding));
      assert.ok(!marks.includes('Never') && !marks.includes('Sometimes'), JSON.stringify(marks));
      assert.ok(marks.includes('Some'), JSON.stringify(marks));
      // Every range still lands on whole characters of the text the server now holds.
      for (const diagnostic of after) {
        const marked = textAt(newText, diagnostic.range, encoding);
        assert.ok(!/[\ud800-\udbff]$|^[\udc00-\udfff]/.test(marked), JSON.stringify(marked));
      }
    } finally {
      lsp.dispose();
    }
  });
}

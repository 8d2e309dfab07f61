import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DidSaveTextDocumentNotification,
  HoverRequest,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { LspHarness } from '../../support/lspHarness';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';
/** Line 6 holds `    - name: web`: a hover there describes the container. */
const CONTAINER_NAME = { line: 6, character: 13 };

function manyPods(count: number): string {
  return Array.from({ length: count }, (_, i) => POD.replace('name: web\n', `name: web-${i}\n`)).join('---\n');
}

/** A fresh server for one test, initialised with `options`, disposed afterwards. */
async function withServer(options: unknown, body: (lsp: LspHarness) => Promise<void>): Promise<void> {
  const lsp = new LspHarness();
  try {
    await lsp.initialize(options);
    await body(lsp);
  } finally {
    lsp.dispose();
  }
}

async function openAndWait(lsp: LspHarness, uri: string, text: string): Promise<void> {
  const published = lsp.nextDiagnostics(uri);
  await lsp.open(uri, text);
  await published;
}

async function errorOf(promise: Promise<unknown>): Promise<{ code: number; message: string } | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error as { code: number; message: string };
  }
}

describe('requests on files above podPatterns.maxFileSize', () => {
  it('get no analysis while the file is edited, and read the parse made on save', async () => {
    const lsp = new LspHarness();
    try {
      const limit = 4096;
      await lsp.initialize({ debounceMs: 0, settings: { maxFileSize: limit } });
      const uri = 'file:///bounded/large.yaml';
      const text = `${POD}---\n${manyPods(60)}`;
      assert.ok(Buffer.byteLength(text) > limit);
      const notice = lsp.nextDiagnostics(uri);
      await lsp.open(uri, text);
      assert.deepEqual(
        (await notice).diagnostics.map((d) => d.code),
        ['large-file'],
      );

      const params = { textDocument: { uri }, position: CONTAINER_NAME };
      assert.equal(await lsp.client.sendRequest(HoverRequest.type, params), null);
      assert.deepEqual(await lsp.client.sendRequest(CompletionRequest.type, params), []);
      const range = { start: CONTAINER_NAME, end: CONTAINER_NAME };
      assert.deepEqual(
        await lsp.client.sendRequest(CodeActionRequest.type, {
          textDocument: { uri },
          range,
          context: { diagnostics: [] },
        }),
        [],
      );

      const validated = lsp.nextDiagnostics(uri);
      await lsp.client.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
      await validated;
      const hover = await lsp.client.sendRequest(HoverRequest.type, params);
      assert.match(JSON.stringify(hover?.contents), /main container/);

      // An edit after the save (the saved result stays published): the saved parse no longer
      // matches the text, so no answer again. Messages are handled in order: the hover sees the edit.
      await lsp.replaceAll(uri, `${text}# more\n`, 2);
      assert.equal(await lsp.client.sendRequest(HoverRequest.type, params), null);
    } finally {
      lsp.dispose();
    }
  });
});

describe('cancellation and time slices', () => {
  it('answers a request cancelled while it waits with RequestCancelled, without running it', async () => {
    await withServer({ debounceMs: 0 }, async (lsp) => {
      const uri = 'file:///bounded/pods.yaml';
      await openAndWait(lsp, uri, manyPods(5));
      const source = new CancellationTokenSource();
      const hover = lsp.client.sendRequest(
        HoverRequest.type,
        { textDocument: { uri }, position: CONTAINER_NAME },
        source.token,
      );
      source.cancel();
      assert.equal((await errorOf(hover))?.code, -32800);
    });
  });

  it('answers a hover on a small file while a large file is still being validated', async () => {
    await withServer({ debounceMs: 0 }, async (lsp) => {
      const small = 'file:///bounded/small.yaml';
      await openAndWait(lsp, small, POD);

      const large = 'file:///bounded/large.yaml';
      const events: string[] = [];
      const largeDone = lsp.nextDiagnostics(large, 60_000).then(() => events.push('large validated'));
      const startedAt = performance.now();
      await lsp.open(large, manyPods(3000));
      const hover = await lsp.client.sendRequest(HoverRequest.type, {
        textDocument: { uri: small },
        position: CONTAINER_NAME,
      });
      events.push('hover answered');
      const hoverMs = performance.now() - startedAt;
      await largeDone;
      const largeMs = performance.now() - startedAt;
      assert.match(JSON.stringify(hover?.contents), /main container/);
      assert.deepEqual(
        events,
        ['hover answered', 'large validated'],
        `hover after ${hoverMs.toFixed(0)} ms, large file after ${largeMs.toFixed(0)} ms`,
      );
      assert.ok(
        hoverMs < largeMs / 2,
        `hover after ${hoverMs.toFixed(0)} ms, large file after ${largeMs.toFixed(0)} ms`,
      );
    });
  });
});

describe('shutdown', () => {
  it('refuses requests after shutdown with InvalidRequest', async () => {
    await withServer({ debounceMs: 0 }, async (lsp) => {
      const uri = 'file:///bounded/pod.yaml';
      await openAndWait(lsp, uri, POD);
      await lsp.client.sendRequest(ShutdownRequest.type);
      const refused = await errorOf(
        lsp.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: CONTAINER_NAME }),
      );
      assert.equal(refused?.code, -32600);
      assert.match(refused!.message, /shutting down/);
    });
  });
});

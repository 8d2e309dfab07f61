import { strict as assert } from 'node:assert';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';

interface PublishDiagnosticsParams {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: Diagnostic[];
}

const SERVER = path.resolve(__dirname, '../../../../server/out/server.js');
const TIMEOUT_MS = 10_000;

/** The shipped server bundle over stdio, with a client that records what it publishes. */
class StdioServer {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  exitCode: number | null | undefined;
  private readonly waiters = new Map<string, ((params: PublishDiagnosticsParams) => void)[]>();

  constructor() {
    this.child = spawn(process.execPath, [SERVER, '--stdio']);
    this.child.on('exit', (code) => (this.exitCode = code));
    this.child.stderr.resume();
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const waiters = this.waiters.get(params.uri) ?? [];
      this.waiters.delete(params.uri);
      waiters.forEach((resolve) => resolve(params));
    });
    this.connection.onRequest(() => null);
    this.connection.listen();
  }

  async initialize(initializationOptions: unknown): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {},
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
  }

  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return withTimeout(
      new Promise((resolve) => this.waiters.set(uri, [...(this.waiters.get(uri) ?? []), resolve])),
      `diagnostics for ${uri}`,
    );
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    return (await published).diagnostics;
  }

  /** Sends a request and returns its outcome: a result or an error, never a hang. */
  async outcome(
    method: string,
    params: unknown,
  ): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
    try {
      return { result: await withTimeout(this.connection.sendRequest(method, params), method) };
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('timed out')) throw error;
      return { error: error as { code: number; message: string } };
    }
  }

  stop(): void {
    this.connection.dispose();
    this.child.kill();
  }
}

/** The codes among `wanted` that the diagnostics carry (other rules may add findings of their own). */
function codes(diagnostics: readonly Diagnostic[], ...wanted: string[]): string[] {
  return diagnostics.map((d) => String(d.code)).filter((code) => wanted.includes(code));
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), TIMEOUT_MS)),
    ),
  ]);
}

const VALID_POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';
const BROKEN_POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  name: web2\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';

describe('language server under garbage requests (stdio, shipped bundle)', () => {
  let server: StdioServer;
  before(async () => {
    server = new StdioServer();
    await server.initialize({ debounceMs: 0 });
  });
  after(() => server.stop());

  it('answers an unknown request method with MethodNotFound', async () => {
    const { error } = await server.outcome('podPatterns/noSuchMethod', { anything: 1 });
    assert.equal(error?.code, -32601);
  });

  it('answers every standard request on an unknown document or an out-of-range position without dying', async () => {
    const uri = 'file:///robustness/known.yaml';
    await server.open(uri, VALID_POD);
    const positions = [
      { line: 0, character: 0 },
      { line: 10_000, character: 10_000 },
      { line: -1, character: -5 },
      { line: 3, character: 2 ** 31 },
    ];
    const methods = [
      'textDocument/hover',
      'textDocument/completion',
      'textDocument/definition',
      'textDocument/references',
      'textDocument/documentHighlight',
      'textDocument/signatureHelp',
    ];
    let answered = 0;
    for (const target of [uri, 'file:///robustness/never-opened.yaml']) {
      for (const position of positions) {
        for (const method of methods) {
          const { result, error } = await server.outcome(method, {
            textDocument: { uri: target },
            position,
            context: { includeDeclaration: true },
          });
          assert.ok(error !== undefined || result !== undefined, `${method} gave neither a result nor an error`);
          answered++;
        }
        const range = { start: position, end: { line: position.line + 1, character: 0 } };
        for (const [method, params] of [
          ['textDocument/codeAction', { textDocument: { uri: target }, range, context: { diagnostics: [] } }],
          ['textDocument/documentSymbol', { textDocument: { uri: target } }],
          ['textDocument/codeLens', { textDocument: { uri: target } }],
          ['textDocument/foldingRange', { textDocument: { uri: target } }],
          ['textDocument/formatting', { textDocument: { uri: target }, options: { tabSize: 2, insertSpaces: true } }],
        ] as const) {
          const { result, error } = await server.outcome(method, params);
          assert.ok(error !== undefined || result !== undefined, `${method} gave neither a result nor an error`);
          answered++;
        }
      }
    }
    // Malformed parameters: missing, of the wrong type, or null.
    for (const params of [null, {}, { textDocument: 42 }, { textDocument: { uri: uri }, position: 'top' }]) {
      for (const method of ['textDocument/hover', 'textDocument/codeAction', 'textDocument/completion']) {
        await server.outcome(method, params);
        answered++;
      }
    }
    assert.equal(server.exitCode, undefined, 'the server exited');
    console.log(`garbage requests answered: ${answered}`);
  });

  it('ignores edits, saves and closes of documents it never opened, and still validates afterwards', async () => {
    const ghost = 'file:///robustness/ghost.yaml';
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: ghost, version: 7 },
      contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 9, character: 0 } }, text: 'x' }],
    });
    await server.connection.sendNotification('textDocument/didSave', { textDocument: { uri: ghost } });
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: ghost } });
    await server.connection.sendNotification('podPatterns/unknownNotification', { x: 1 });
    const uri = 'file:///robustness/after-ghosts.yaml';
    const diagnostics = await server.open(uri, BROKEN_POD);
    assert.deepEqual(codes(diagnostics, 'duplicate-key'), ['duplicate-key']);
    assert.equal(server.exitCode, undefined, 'the server exited');
  });

  it('clamps an edit whose range lies outside the document and keeps validating its text', async () => {
    const uri = 'file:///robustness/out-of-range-edit.yaml';
    await server.open(uri, VALID_POD);
    const published = server.nextDiagnostics(uri);
    // Appended past the end: the duplicate `name` lands under `metadata` as its last line would.
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 500, character: 80 }, end: { line: 900, character: 0 } }, text: 'metadata: {}\n' },
      ],
    });
    const { diagnostics, version } = await published;
    assert.equal(version, 2);
    const duplicates = diagnostics.filter((d) => d.code === 'duplicate-key');
    assert.equal(duplicates.length, 1);
    assert.equal(duplicates[0]!.range.start.line, 8);
  });

  it('survives a document whose text is not a string', async () => {
    const uri = 'file:///robustness/not-text.yaml';
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: 42 },
    });
    const diagnostics = await server.open('file:///robustness/after-not-text.yaml', BROKEN_POD);
    assert.deepEqual(codes(diagnostics, 'duplicate-key'), ['duplicate-key']);
    assert.equal(server.exitCode, undefined, 'the server exited');
  });

  it('still shuts down cleanly when asked', async () => {
    const { error } = await server.outcome('shutdown', undefined);
    assert.equal(error, undefined);
  });
});

describe('files above podPatterns.maxFileSize', () => {
  let server: StdioServer;
  const limit = 4096;
  // A duplicate key in the first document and padding pods after it, just above the limit.
  const padding = Array.from({ length: 40 }, (_, i) => VALID_POD.replace('name: web\n', `name: web-${i}\n`)).join(
    '---\n',
  );
  const text = `${BROKEN_POD}---\n${padding}`;
  before(async () => {
    server = new StdioServer();
    await server.initialize({ debounceMs: 0, settings: { maxFileSize: limit } });
  });
  after(() => server.stop());

  it('shows only a one-line notice on open and while typing, and validates on save', async () => {
    assert.ok(Buffer.byteLength(text) > limit);
    const uri = 'file:///robustness/large.yaml';
    const onOpen = await server.open(uri, text);
    assert.deepEqual(
      onOpen.map((d) => d.code),
      ['large-file'],
    );
    assert.equal(onOpen[0]!.range.start.line, 0);
    assert.equal(onOpen[0]!.range.end.line, 0);
    assert.match(String(onOpen[0]!.message), /save it to validate it/);

    const afterTyping = server.nextDiagnostics(uri);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 9 } }, text: 'W' }],
    });
    const typed = await afterTyping;
    assert.equal(typed.version, 2);
    assert.deepEqual(
      typed.diagnostics.map((d) => d.code),
      ['large-file'],
    );

    const published = server.nextDiagnostics(uri);
    await server.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const onSave = (await published).diagnostics;
    // The notice first, then the full validation (rules add their own findings on the padding pods).
    assert.equal(onSave[0]!.code, 'large-file');
    const duplicates = onSave.filter((d) => d.code === 'duplicate-key');
    assert.equal(duplicates.length, 1);
    assert.equal(duplicates[0]!.range.start.line, 4);
  });

  it('validates a file below the limit on every change, without a notice', async () => {
    const diagnostics = await server.open('file:///robustness/small.yaml', BROKEN_POD);
    assert.deepEqual(codes(diagnostics, 'duplicate-key', 'large-file'), ['duplicate-key']);
  });
});

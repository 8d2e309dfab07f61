import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DidCloseTextDocumentNotification,
  HoverRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, DEFAULT_SETTINGS, THROWING_LOGGER } from '../../../server/src/service';
import { LspHarness } from '../../support/lspHarness';
import { Choices, type Seed } from './fuzzing';

export interface SoakOptions {
  readonly documents: number;
  readonly edits: number;
  readonly seed: number;
}

export interface SoakResult {
  readonly edits: number;
  readonly requests: number;
  readonly cancelled: number;
  readonly errors: string[];
  /** Documents whose last published diagnostics differ from a fresh analysis of their final text. */
  readonly mismatches: string[];
  readonly milliseconds: number;
}

const POSITION_REQUESTS = [HoverRequest.method, CompletionRequest.method] as const;
/** Error codes a soak accepts: RequestCancelled (the client cancelled) and ServerCancelled. */
const CANCELLED = new Set([-32800, -32802]);

/**
 * Random edits, requests and cancellations over many open documents on an in-memory LSP
 * connection; at the end each document's last published diagnostics must equal those a fresh
 * service computes from its final text. Any error response other than a cancellation is a failure.
 */
export async function runSoak(seeds: readonly Seed[], options: SoakOptions): Promise<SoakResult> {
  const started = performance.now();
  const random = new Choices(options.seed);
  const lsp = new LspHarness();
  const errors: string[] = [];
  const pending: Promise<unknown>[] = [];
  let requests = 0;
  let cancelled = 0;
  try {
    await lsp.initialize({ debounceMs: 0 });
    const documents: TextDocument[] = [];
    for (let i = 0; i < options.documents; i++) {
      const seed = seeds[random.nextInt(0, seeds.length - 1)]!;
      const document = TextDocument.create(`file:///soak/${i}.yaml`, 'yaml', 1, seed.text);
      documents.push(document);
      await lsp.open(document.uri, document.getText(), 1);
    }
    for (let edit = 0; edit < options.edits; edit++) {
      const index = random.nextInt(0, documents.length - 1);
      const document = documents[index]!;
      const text = document.getText();
      const start = random.nextInt(0, text.length);
      const end = Math.min(text.length, start + random.nextInt(0, 12));
      const insert = [
        '',
        'x',
        '\n',
        ': ',
        '- ',
        '  ',
        '"',
        '---\n',
        'name: a\n',
        seeds[0]!.text.slice(0, random.nextInt(0, 40)),
      ][random.nextInt(0, 9)]!;
      const range = { start: document.positionAt(start), end: document.positionAt(end) };
      const next = TextDocument.update(document, [{ range, text: insert }], document.version + 1);
      documents[index] = next;
      void lsp.client.sendNotification('textDocument/didChange', {
        textDocument: { uri: next.uri, version: next.version },
        contentChanges: [{ range, text: insert }],
      });
      if (random.nextInt(0, 2) === 0) {
        const target = documents[random.nextInt(0, documents.length - 1)]!;
        const position = target.positionAt(random.nextInt(0, target.getText().length));
        const source = new CancellationTokenSource();
        const type = random.nextInt(0, 2);
        const request =
          type === 2
            ? lsp.client.sendRequest(
                CodeActionRequest.method,
                {
                  textDocument: { uri: target.uri },
                  range: { start: position, end: position },
                  context: { diagnostics: [] },
                },
                source.token,
              )
            : lsp.client.sendRequest(
                POSITION_REQUESTS[type]!,
                { textDocument: { uri: target.uri }, position },
                source.token,
              );
        requests++;
        if (random.nextBoolean()) source.cancel();
        pending.push(
          request.then(
            () => undefined,
            (error: { code?: number; message?: string }) => {
              if (CANCELLED.has(error.code ?? 0)) cancelled++;
              else errors.push(`${error.code}: ${error.message}`);
            },
          ),
        );
      }
      // Let the server read now and then, as an editor's typing would.
      if (edit % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(pending);
    const mismatches = await settle(documents, () => {
      const latest = new Map<string, PublishDiagnosticsParams>();
      for (const params of lsp.published) latest.set(params.uri, params);
      return latest;
    });
    // Closing clears what was published.
    for (const document of documents)
      void lsp.client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: document.uri } });
    return { edits: options.edits, requests, cancelled, errors, mismatches, milliseconds: performance.now() - started };
  } finally {
    lsp.dispose();
  }
}

/** Waits (at most 60 s) until every document shows what a fresh analysis of its final text gives; returns those that never do. */
async function settle(
  documents: readonly TextDocument[],
  published: () => ReadonlyMap<string, PublishDiagnosticsParams>,
): Promise<string[]> {
  const service = createLanguageService({ logger: THROWING_LOGGER });
  const deadline = performance.now() + 60_000;
  const fresh = (document: TextDocument) => {
    const file = service.parseFile(document.getText());
    return file.isRelevant ? service.diagnostics(file, DEFAULT_SETTINGS, document.uri) : [];
  };
  for (;;) {
    // What the user sees: the last published diagnostics (none if never published: a file without pods).
    const latest = published();
    const mismatches = documents
      .filter(
        (document) => JSON.stringify(latest.get(document.uri)?.diagnostics ?? []) !== JSON.stringify(fresh(document)),
      )
      .map((document) => document.uri);
    if (mismatches.length === 0 || performance.now() > deadline) return mismatches;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

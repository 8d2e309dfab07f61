import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol/node';
import { LspHarness } from '../../support/lspHarness';

const removedApi = 'apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata: {name: d}\n';

test('settings from initializationOptions switch validation off, and a pushed section is merged over them field by field', async () => {
  const lsp = new LspHarness();
  try {
    await lsp.initialize({ debounceMs: 0, settings: { validate: { enable: false } } });
    const uri = 'file:///work/pod.yaml';
    const opened = lsp.nextDiagnostics(uri);
    await lsp.open(uri, removedApi);
    assert.deepEqual((await opened).diagnostics, []);
    // Pushing only `rules` must not switch validation back on.
    const revalidated = lsp.nextDiagnostics(uri);
    await lsp.client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { podPatterns: { rules: { 'missing-resources': 'off' } } },
    });
    assert.deepEqual((await revalidated).diagnostics, []);
    // A push that names the field changes it.
    const enabled = lsp.nextDiagnostics(uri);
    await lsp.client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { podPatterns: { validate: { enable: true } } },
    });
    assert.equal((await enabled).diagnostics.length, 1);
  } finally {
    lsp.dispose();
  }
});

async function registrationsWith(dynamicRegistration: boolean | undefined): Promise<string[]> {
  const lsp = new LspHarness();
  const registered: string[] = [];
  try {
    lsp.client.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string }> }) => {
      registered.push(...params.registrations.map((registration) => registration.method));
      return null;
    });
    lsp.client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    await lsp.initialize(
      { debounceMs: 0 },
      {
        workspace: {
          configuration: true,
          ...(dynamicRegistration === undefined ? {} : { didChangeConfiguration: { dynamicRegistration } }),
        },
      },
    );
    const uri = 'file:///work/pod.yaml';
    const opened = lsp.nextDiagnostics(uri);
    await lsp.open(uri, removedApi);
    await opened;
    return registered;
  } finally {
    lsp.dispose();
  }
}

test('client/registerCapability goes only to a client that declared dynamic registration', async () => {
  assert.deepEqual(await registrationsWith(undefined), []);
  assert.deepEqual(await registrationsWith(false), []);
  assert.deepEqual(await registrationsWith(true), ['workspace/didChangeConfiguration']);
});

async function summariesWith(initializationOptions: object): Promise<number> {
  const lsp = new LspHarness();
  let summaries = 0;
  try {
    lsp.client.onNotification('podPatterns/documentSummary', () => {
      summaries++;
    });
    await lsp.initialize(initializationOptions);
    const first = lsp.nextDiagnostics('file:///work/a.yaml');
    await lsp.open('file:///work/a.yaml', removedApi);
    await first;
    // The summary of a.yaml follows its diagnostics: it has arrived once b.yaml's diagnostics do.
    const second = lsp.nextDiagnostics('file:///work/b.yaml');
    await lsp.open('file:///work/b.yaml', removedApi);
    await second;
    return summaries;
  } finally {
    lsp.dispose();
  }
}

test('podPatterns/documentSummary goes only to a client that opted in', async () => {
  assert.equal(await summariesWith({ debounceMs: 0 }), 0);
  assert.ok((await summariesWith({ debounceMs: 0, documentSummary: true })) >= 1);
});

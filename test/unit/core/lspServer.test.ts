import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspHarness } from '../../support/lspHarness';

const removedApi = 'apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata: {name: d}\n';
const fixed = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\n';

test('publishes diagnostics on open, updates them on change and clears them when fixed', async () => {
  const lsp = new LspHarness();
  try {
    await lsp.initialize();
    const uri = 'file:///work/pod.yaml';
    const opened = lsp.nextDiagnostics(uri);
    await lsp.open(uri, removedApi);
    const first = await opened;
    assert.equal(first.diagnostics.length, 1);
    assert.equal(first.diagnostics[0]!.source, 'pod-patterns');
    assert.deepEqual(first.diagnostics[0]!.range, {
      start: { line: 0, character: 12 },
      end: { line: 0, character: 30 },
    });

    const changed = lsp.nextDiagnostics(uri);
    await lsp.replaceAll(uri, fixed, 2);
    const second = await changed;
    assert.equal(second.version, 2);
    assert.ok(second.diagnostics.every((d) => !String(d.message).includes('no matches for kind')));
  } finally {
    lsp.dispose();
  }
});

test('never publishes for YAML files without pods', async () => {
  const lsp = new LspHarness();
  try {
    await lsp.initialize();
    const pod = 'file:///work/pod.yaml';
    const other = 'file:///work/workflow.yaml';
    await lsp.open(other, 'on: [push\njobs: {}\n');
    const podDiagnostics = lsp.nextDiagnostics(pod);
    await lsp.open(pod, removedApi);
    await podDiagnostics;
    // Both opens were handled in order, so anything for the other file would have arrived first.
    assert.deepEqual(
      lsp.published.map((p) => p.uri),
      [pod],
    );
  } finally {
    lsp.dispose();
  }
});

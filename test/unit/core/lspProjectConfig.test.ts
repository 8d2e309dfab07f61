import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { LspHarness } from '../../support/lspHarness';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:latest\n';

function project(config: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pod-patterns-lsp-config-'));
  writeFileSync(path.join(dir, '.pod-patterns.yaml'), config);
  mkdirSync(path.join(dir, 'k8s'));
  return dir;
}

async function codesFor(dir: string, file: string, settings: Record<string, unknown> = {}): Promise<string[]> {
  const lsp = new LspHarness();
  try {
    await lsp.initialize({ debounceMs: 0, settings });
    const uri = pathToFileURL(path.join(dir, file)).href;
    const published = lsp.nextDiagnostics(uri);
    await lsp.open(uri, POD);
    return (await published).diagnostics.map((diagnostic) => String(diagnostic.code)).sort();
  } finally {
    lsp.dispose();
  }
}

test('the language server reads .pod-patterns.yaml above a document; editor rule levels override it', async () => {
  const dir = project('rules:\n  latest-image-tag: "off"\n  missing-resources: error\n');
  assert.deepEqual(await codesFor(dir, 'k8s/web.yaml'), ['missing-resources']);
  assert.deepEqual(await codesFor(dir, 'k8s/web.yaml', { rules: { 'latest-image-tag': 'warning' } }), [
    'latest-image-tag',
    'missing-resources',
  ]);
});

test('a document the config ignores gets no diagnostics; a broken config leaves the editor settings in force', async () => {
  assert.deepEqual(await codesFor(project('ignore:\n  - k8s/\n'), 'k8s/web.yaml'), []);
  assert.deepEqual(await codesFor(project('rules:\n  nosuch: "off"\n'), 'k8s/web.yaml'), [
    'latest-image-tag',
    'missing-resources',
  ]);
});

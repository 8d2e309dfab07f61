import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const repoRoot = join(__dirname, '..', '..', '..', '..');
const DATA = join('server', 'src', 'service', 'versions', 'generated', 'apiVersions.json');

describe('npm run gen:api-versions', () => {
  it('regenerates the committed API data byte for byte, twice', () => {
    const outputs = [
      mkdtempSync(join(tmpdir(), 'pod-patterns-api-')),
      mkdtempSync(join(tmpdir(), 'pod-patterns-api-')),
    ];
    try {
      for (const out of outputs) {
        // The pinned packages come from the cache under node_modules/.cache (npm pack on the first run, integrity-checked).
        execFileSync(process.execPath, [join(repoRoot, 'scripts', 'gen-api-versions.mjs'), '--out', out], {
          cwd: repoRoot,
          stdio: 'pipe',
          timeout: 300_000,
        });
      }
      const committed = readFileSync(join(repoRoot, DATA));
      for (const out of outputs) {
        assert.ok(
          readFileSync(join(out, DATA)).equals(committed),
          `${DATA} differs from a fresh generation: run npm run gen:api-versions and commit the result`,
        );
      }
    } finally {
      for (const out of outputs) rmSync(out, { recursive: true, force: true });
    }
  });
});

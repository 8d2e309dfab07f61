import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/repo';

const repoRoot = REPO_ROOT;
const GENERATED_DIRS = ['schemas', join('server', 'src', 'service', 'schema', 'generated')];
/** Written from our own code by scripts/gen-config-schema.mjs, not from kubernetes-models (test/unit/cli/configSchema.test.ts). */
const OUR_SCHEMAS = new Set(['pod-patterns-config.schema.json']);
const generated = (names: string[]) => names.filter((name) => !OUR_SCHEMAS.has(name));

describe('npm run gen:schemas', () => {
  it('regenerates the committed schemas and compiled validators byte for byte, offline', () => {
    const out = mkdtempSync(join(tmpdir(), 'pod-patterns-schemas-'));
    try {
      execFileSync(process.execPath, [join(repoRoot, 'scripts', 'gen-schemas.mjs'), '--out', out], {
        cwd: repoRoot,
        stdio: 'pipe',
        timeout: 60_000,
      });
      for (const dir of GENERATED_DIRS) {
        const committed = generated(readdirSync(join(repoRoot, dir))).sort();
        const regenerated = readdirSync(join(out, dir)).sort();
        assert.deepEqual(regenerated, committed, `files in ${dir}`);
        for (const name of committed) {
          const same = readFileSync(join(out, dir, name)).equals(readFileSync(join(repoRoot, dir, name)));
          assert.ok(
            same,
            `${join(dir, name)} differs from a fresh generation: run npm run gen:schemas and commit the result`,
          );
        }
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('records the source package and generator versions in every schema file', () => {
    for (const name of generated(readdirSync(join(repoRoot, 'schemas')))) {
      const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', name), 'utf8')) as { $comment?: string };
      assert.match(
        schema.$comment ?? '',
        /kubernetes-models@\d+\.\d+\.\d+ .*ts-json-schema-generator@\d+\.\d+\.\d+/,
        name,
      );
    }
  });
});

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Repository root, from build/test/unit. */
const repo = path.resolve(__dirname, '..', '..', '..');
const MAX_VSIX_BYTES = 2 * 1024 * 1024;

interface VsceModule {
  pack(options: { cwd: string; packagePath: string; dependencies: boolean }): Promise<{ packagePath: string }>;
}

/** Entry names of a zip archive, read from its central directory. */
function zipEntryNames(archive: Buffer): string[] {
  const endOfDirectory = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(endOfDirectory >= 0, 'the VSIX is a zip archive');
  const entryCount = archive.readUInt16LE(endOfDirectory + 10);
  let offset = archive.readUInt32LE(endOfDirectory + 16);
  const names: string[] = [];
  for (let index = 0; index < entryCount; index++) {
    assert.equal(archive.readUInt32LE(offset), 0x02014b50, 'central directory entry signature');
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    names.push(archive.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** What the extension may ship: its bundles and what they read at run time, plus the listing files. */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/(readme|changelog)\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/client\/out\/extension\.js$/,
  /^extension\/server\/out\/(server|cli|cliMain)\.js$/,
  /^extension\/webview\/out\/[\w.-]+\.(js|css)$/,
  /^extension\/webview\/media\/[\w./-]+\.(css|svg|png)$/,
  /^extension\/schemas\/[\w./-]+\.json$/,
  /^extension\/media\/[\w./-]+\.(png|svg|css)$/,
  // The walkthrough's pages and examples, and the documentation it and the links open offline.
  /^extension\/media\/walkthrough\/[\w-]+\.md$/,
  /^extension\/examples\/[\w-]+\.yaml$/,
  /^extension\/docs\/(rules|patterns)\/[\w-]+\.md$/,
  /^extension\/docs\/lifecycle\.md$/,
];

test('the packaged VSIX holds the bundles and nothing from development', async () => {
  // A deep import: @vscode/vsce has no typed programmatic API for packaging.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vsce = require('@vscode/vsce/out/package') as VsceModule;
  const scratch = mkdtempSync(path.join(tmpdir(), 'pod-patterns-vsix-'));
  try {
    // `pack` skips the prepublish step: it packages the bundles `npm test` just built.
    const { packagePath } = await vsce.pack({
      cwd: repo,
      packagePath: path.join(scratch, 'test.vsix'),
      dependencies: false,
    });
    const archive = readFileSync(packagePath);
    const names = zipEntryNames(archive);
    for (const required of [
      'extension/package.json',
      'extension/client/out/extension.js',
      'extension/server/out/server.js',
      'extension/server/out/cli.js',
      'extension/media/icon.png',
      'extension/LICENSE.txt',
      'extension/changelog.md',
    ]) {
      assert.ok(names.includes(required), `the VSIX contains ${required}`);
    }
    assert.deepEqual(
      names.filter((name) => !ALLOWED.some((pattern) => pattern.test(name))),
      [],
      'files outside the allow-list',
    );
    // Every rule and pattern page ships (diagnostics and hovers open them inside VS Code), and what the walkthrough opens.
    const pages = ['rules', 'patterns'].flatMap((folder) =>
      readdirSync(path.join(repo, 'docs', folder)).map((name) => `extension/docs/${folder}/${name}`),
    );
    const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
      contributes: { walkthroughs: { steps: { description: string; media: { markdown: string } }[] }[] };
    };
    const steps = manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps);
    const walkthroughFiles = steps.flatMap((step) => [
      `extension/${step.media.markdown}`,
      ...[...step.description.matchAll(/openExample\?([^)]+)\)/g)].map(
        (match) => `extension/examples/${(JSON.parse(decodeURIComponent(match[1]!)) as string[])[0]}`,
      ),
    ]);
    assert.deepEqual(
      [...pages, ...walkthroughFiles, 'extension/docs/lifecycle.md'].filter((name) => !names.includes(name)),
      [],
      'shipped documentation and walkthrough files',
    );
    assert.equal(steps.length, 5);
    assert.deepEqual(
      names.filter((name) => /node_modules|\/src\/|\/test\/|\.map$|\.ts$|tsbuildinfo/.test(name)),
      [],
      'development files',
    );
    const size = statSync(packagePath).size;
    assert.ok(size < MAX_VSIX_BYTES, `VSIX is ${size} bytes, above the ${MAX_VSIX_BYTES} byte budget`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

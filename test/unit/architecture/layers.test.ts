import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

/**
 * The layer table of docs/ARCHITECTURE.md, checked on every import of every source file.
 * A layer is the longest matching path prefix (a folder ends in `/`, a file in `.ts`); each
 * lists the layers it may import besides itself, and the packages it may import.
 */
interface Layer {
  readonly name: string;
  readonly paths: readonly string[];
  readonly mayImport: readonly string[];
  readonly packages: readonly string[];
}

/** The pod model with its YAML tree, findings, settings and shared words: what every feature above the model reads. */
const THE_MODEL_WITHOUT_TEXT = ['service/model', 'service/yaml', 'service/findings', 'service/base', 'shared'] as const;
/** The same with line arithmetic, for the layers that also work on the text. */
const THE_MODEL_AND_BELOW = [...THE_MODEL_WITHOUT_TEXT, 'service/text'] as const;

/** Packages a pure layer may use: no transport, no editor, no file system. */
const PURE_PACKAGES = ['vscode-languageserver-types'];

const LAYERS: readonly Layer[] = [
  // Client-safe: what the extension client and the webview share with the server.
  { name: 'shared', paths: ['server/src/shared/'], mayImport: [], packages: [] },
  // The custom LSP messages are `RequestType`s; the webview must not import this file.
  {
    name: 'shared/protocol',
    paths: ['server/src/shared/protocol.ts'],
    mayImport: ['shared'],
    packages: ['vscode-languageserver-protocol'],
  },
  // The per-version API model is data with its readers: the settings take the newest version from it.
  {
    name: 'service/base',
    paths: [
      'server/src/service/settings.ts',
      'server/src/service/slots.ts',
      'server/src/service/logger.ts',
      'server/src/service/docsLinks.ts',
      'server/src/service/versions/',
    ],
    mayImport: ['shared'],
    packages: [],
  },
  { name: 'service/text', paths: ['server/src/service/text/'], mayImport: ['shared'], packages: [] },
  // A finding has a Range of the YAML tree, and parsing reports findings: the two know each other's types.
  {
    name: 'service/findings',
    paths: ['server/src/service/findings/'],
    mayImport: ['service/yaml', 'shared'],
    packages: [],
  },
  {
    name: 'service/yaml',
    paths: ['server/src/service/yaml/'],
    mayImport: ['service/text', 'service/findings', 'shared'],
    packages: ['yaml'],
  },
  {
    name: 'service/model',
    paths: ['server/src/service/model/'],
    mayImport: ['service/yaml', 'service/text', 'service/findings', 'service/base', 'shared'],
    packages: [],
  },
  {
    name: 'service/analysis',
    paths: ['server/src/service/analysis/'],
    mayImport: ['service/model', 'service/yaml', 'service/base', 'shared'],
    packages: [],
  },
  // The rules read the model and its analysis; the service's validation runs them and its hover
  // names them: rules/ sits between the two halves of service/, and imports only the lower one.
  {
    name: 'rules',
    paths: ['server/src/rules/'],
    // A rule declares its quick fixers in its file (ESLint's meta.fixable + fix), written with the
    // edit helpers and the fix contract of service/actions/fixes/ (a fixer several rules share
    // lives there); latest-image-tag pins to the insert templates' images.
    mayImport: [
      'service/actions/fixes',
      'service/actions/templates',
      'service/edits',
      'service/analysis',
      ...THE_MODEL_AND_BELOW,
    ],
    packages: [],
  },
  {
    name: 'service/actions/fixes',
    // The fix contract, the shared fixers and edit helpers: a fix context names the parsed file it
    // edits and a finding's ContainerRef (types only, both).
    paths: ['server/src/service/actions/fixes/'],
    mayImport: ['rules', 'service/parsedFile', 'service/edits', 'service/analysis', ...THE_MODEL_AND_BELOW],
    packages: [],
  },
  {
    name: 'service/schema',
    paths: ['server/src/service/schema/'],
    mayImport: [...THE_MODEL_AND_BELOW],
    packages: [],
  },
  {
    name: 'service/validation',
    paths: ['server/src/service/validation/'],
    mayImport: ['rules', 'service/schema', ...THE_MODEL_WITHOUT_TEXT],
    packages: [],
  },
  {
    name: 'service/parsedFile',
    paths: ['server/src/service/parsedFile.ts'],
    mayImport: ['service/validation', 'service/model', 'service/text', 'service/findings', 'service/base', 'shared'],
    packages: [],
  },
  {
    name: 'service/config',
    paths: ['server/src/service/config/'],
    mayImport: ['service/yaml', 'service/text', 'service/base'],
    packages: [],
  },
  {
    name: 'service/edits',
    paths: ['server/src/service/edits/'],
    mayImport: ['service/yaml', 'service/text', 'shared'],
    packages: [],
  },
  // The insert templates' pinned images and resources: data the insert actions, completion and a rule's fix share.
  {
    name: 'service/actions/templates',
    paths: ['server/src/service/actions/insert/template.ts'],
    mayImport: ['service/edits', 'service/model', 'shared'],
    packages: [],
  },
  {
    name: 'service/actions',
    // Quick fixes may name the rule they fix.
    paths: ['server/src/service/actions/'],
    mayImport: [
      'rules',
      'service/actions/fixes',
      'service/actions/templates',
      'service/parsedFile',
      'service/edits',
      'service/schema',
      'service/analysis',
      ...THE_MODEL_AND_BELOW,
    ],
    packages: [],
  },
  {
    name: 'service/completion',
    // Completion offers the insert templates' pinned images.
    paths: ['server/src/service/completion/'],
    mayImport: [
      'service/actions',
      'service/actions/templates',
      'service/parsedFile',
      'service/schema',
      'service/analysis',
      'service/model',
      'service/yaml',
      'service/text',
      'service/base',
      'shared',
    ],
    packages: PURE_PACKAGES,
  },
  {
    name: 'service/hover',
    // Hover reads the cursor helpers of completion and the rules catalogue.
    paths: ['server/src/service/hover/'],
    mayImport: [
      'rules',
      'service/completion',
      'service/parsedFile',
      'service/schema',
      'service/analysis',
      'service/model',
      'service/yaml',
      'service/base',
      'shared',
    ],
    packages: [],
  },
  {
    name: 'service/topology',
    paths: ['server/src/service/topology/'],
    mayImport: ['service/parsedFile', 'service/analysis', ...THE_MODEL_AND_BELOW],
    packages: [],
  },
  {
    // The simulated lifecycle reads the model, its analysis and the document's rule findings.
    name: 'service/lifecycle',
    paths: ['server/src/service/lifecycle/'],
    mayImport: ['service/parsedFile', 'service/analysis', ...THE_MODEL_WITHOUT_TEXT],
    packages: [],
  },
  {
    // Navigation (definition, references, rename, outline, folding, selection) reads the models
    // and their ranges; rename checks new names with the rules' name syntax and quotes with edits.
    name: 'service/navigation',
    paths: ['server/src/service/navigation/'],
    mayImport: [
      'rules',
      'service/parsedFile',
      'service/edits',
      'service/analysis',
      'service/model',
      'service/yaml',
      'service/text',
      'service/base',
      'shared',
    ],
    packages: [],
  },
  {
    name: 'service/diagnostics',
    paths: ['server/src/service/diagnostics.ts'],
    mayImport: ['service/parsedFile', 'service/findings', 'service/base', 'shared'],
    packages: PURE_PACKAGES,
  },
  {
    name: 'service/facade',
    paths: [
      'server/src/service/languageService.ts',
      'server/src/service/index.ts',
      'server/src/service/brokenDocument.ts',
    ],
    mayImport: [
      'rules',
      'service/diagnostics',
      'service/topology',
      'service/lifecycle',
      'service/hover',
      'service/completion',
      'service/navigation',
      'service/actions',
      'service/edits',
      'service/config',
      'service/parsedFile',
      'service/analysis',
      'service/model',
      'service/text',
      'service/findings',
      'service/base',
      'shared',
    ],
    packages: PURE_PACKAGES,
  },
  // The hosts reach the service through its facade only.
  {
    name: 'lsp',
    paths: ['server/src/lsp/'],
    mayImport: ['service/facade', 'shared', 'shared/protocol'],
    packages: [
      'vscode-languageserver',
      'vscode-languageserver/node',
      'vscode-languageserver-textdocument',
      'vscode-languageserver-protocol',
      'vscode-languageserver-types',
      'node:*',
    ],
  },
  {
    name: 'server entry',
    paths: ['server/src/server.ts'],
    mayImport: ['lsp'],
    packages: ['vscode-languageserver/node'],
  },
  { name: 'cli', paths: ['server/src/cli/'], mayImport: ['service/facade', 'shared', 'launch'], packages: ['node:*'] },
  // The start-up scripts of the CLI and the server: Node built-ins only, loaded before the bundles they run.
  { name: 'launch', paths: ['server/src/launch/'], mayImport: [], packages: ['node:*'] },
  {
    name: 'client',
    paths: ['client/src/'],
    mayImport: ['shared', 'shared/protocol'],
    packages: ['vscode', 'vscode-languageclient/node', 'node:*'],
  },
  { name: 'webview', paths: ['webview/src/'], mayImport: ['shared'], packages: [] },
];

export interface SourceFile {
  /** Relative to the repository, with `/`. */
  readonly path: string;
  readonly text: string;
}

function layerOf(file: string): Layer | undefined {
  let best: Layer | undefined;
  let bestLength = -1;
  for (const layer of LAYERS) {
    for (const prefix of layer.paths) {
      const matches = prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix;
      if (matches && prefix.length > bestLength) {
        best = layer;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}

/** Every module a file imports or re-exports, type-only imports included. */
export function importsOf(text: string): string[] {
  const specifiers: string[] = [];
  const pattern =
    /(?:^|[\s;}])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(pattern)) specifiers.push((match[1] ?? match[2] ?? match[3])!);
  return specifiers;
}

function resolveRelative(from: string, specifier: string): string {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)).replace(/\.js$/, '');
  return /\.[a-z]+$/.test(joined) ? joined : `${joined}.ts`;
}

function packageAllowed(layer: Layer, specifier: string): boolean {
  return layer.packages.some((allowed) =>
    allowed === 'node:*' ? specifier.startsWith('node:') : specifier === allowed,
  );
}

/** Each import that breaks the table, as `file: imports 'x' (layer a may not import layer b)`. */
export function layerViolations(files: readonly SourceFile[], known: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const layer = layerOf(file.path);
    if (!layer) {
      problems.push(`${file.path}: in no layer of the table`);
      continue;
    }
    for (const specifier of importsOf(file.text)) {
      if (!specifier.startsWith('.')) {
        if (!packageAllowed(layer, specifier))
          problems.push(`${file.path}: imports package '${specifier}' (not allowed in ${layer.name})`);
        continue;
      }
      let target = resolveRelative(file.path, specifier);
      if (!known.has(target) && known.has(target.replace(/\.ts$/, '/index.ts')))
        target = target.replace(/\.ts$/, '/index.ts');
      const targetLayer = layerOf(target);
      if (!targetLayer) {
        problems.push(`${file.path}: imports '${specifier}', which is in no layer`);
      } else if (targetLayer !== layer && !layer.mayImport.includes(targetLayer.name)) {
        problems.push(`${file.path}: imports '${specifier}' (${layer.name} may not import ${targetLayer.name})`);
      }
    }
  }
  return problems;
}

const ROOT = path.resolve(__dirname, '../../../..');

function sourcesUnder(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourcesUnder(relative));
    else if (entry.name.endsWith('.ts'))
      out.push({ path: relative, text: readFileSync(path.join(ROOT, relative), 'utf8') });
  }
  return out;
}

describe('architecture: the layer table', () => {
  const files = [...sourcesUnder('server/src'), ...sourcesUnder('client/src'), ...sourcesUnder('webview/src')];
  const known = new Set(files.map((file) => file.path));

  it('reads the sources it checks', () => {
    for (const expected of [
      'server/src/service/index.ts',
      'server/src/lsp/startServer.ts',
      'client/src/extension.ts',
      'webview/src/main.ts',
      'server/src/rules/index.ts',
    ]) {
      assert.ok(known.has(expected), expected);
    }
    assert.ok(files.length > 150);
    // Every `import`/`export … from` statement of the tree (about 830 today), not a few of them, and
    // every module loaded when first used (`require('…')`, typed with `typeof import('…')`).
    const statements = files.reduce(
      (count, file) =>
        count +
        (file.text.match(/^(?:import|export)\b[^;]*?\bfrom\s*['"]|^import\s*['"]|\b(?:import|require)\(\s*['"]/gms)
          ?.length ?? 0),
      0,
    );
    assert.equal(
      files.reduce((count, file) => count + importsOf(file.text).length, 0),
      statements,
    );
  });

  it('holds for every import of the server, the client and the webview', () => {
    assert.deepEqual(layerViolations(files, known), []);
  });

  it('finds imports of every form', () => {
    const text = [
      "import type { A } from './a';",
      "import {\n  B,\n  type C,\n} from '../b';",
      "export { D } from './d';",
      "export * from './e';",
      "import './f';",
      "const g = require('./g');",
      "import * as h from 'h';",
    ].join('\n');
    assert.deepEqual(importsOf(text), ['./a', '../b', './d', './e', './f', './g', 'h']);
  });

  it('reports a client reaching into the service, a host past the facade and a pure layer using the file system', () => {
    const bad: SourceFile[] = [
      { path: 'client/src/x.ts', text: "import { ParsedFile } from '../../server/src/service/parsedFile';" },
      { path: 'server/src/cli/x.ts', text: "import { completeAt } from '../service/completion/complete';" },
      { path: 'server/src/service/model/x.ts', text: "import { readFileSync } from 'node:fs';" },
      { path: 'webview/src/x.ts', text: "import type { TopologyParams } from '../../server/src/shared/protocol';" },
      { path: 'server/src/newFolder/x.ts', text: '' },
    ];
    const knownBad = new Set([...known, ...bad.map((file) => file.path)]);
    assert.deepEqual(layerViolations(bad, knownBad), [
      "client/src/x.ts: imports '../../server/src/service/parsedFile' (client may not import service/parsedFile)",
      "server/src/cli/x.ts: imports '../service/completion/complete' (cli may not import service/completion)",
      "server/src/service/model/x.ts: imports package 'node:fs' (not allowed in service/model)",
      "webview/src/x.ts: imports '../../server/src/shared/protocol' (webview may not import shared/protocol)",
      'server/src/newFolder/x.ts: in no layer of the table',
    ]);
  });
});

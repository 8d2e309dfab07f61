// ESLint for the TypeScript sources and the JavaScript scripts, benches and tests. Syntax-only rules (no type information):
// a whole-repository run stays within seconds. Formatting is Prettier's (.prettierrc.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The globals the plain-JavaScript scripts, benches and tests use: Node's, and the browser's inside the
// functions the webview tests hand to the page. Listed here rather than taken from a package, so that a
// misspelt or unimported name is still an error.
const nodeGlobals = [
  'AbortController',
  'Buffer',
  'URL',
  'URLSearchParams',
  'TextDecoder',
  'TextEncoder',
  'clearInterval',
  'clearTimeout',
  'console',
  'fetch',
  'performance',
  'process',
  'queueMicrotask',
  'setImmediate',
  'setInterval',
  'setTimeout',
  'structuredClone',
];
const pageGlobals = [
  'FocusEvent',
  'KeyboardEvent',
  'MouseEvent',
  'document',
  'getComputedStyle',
  'innerHeight',
  'innerWidth',
  'window',
];
const readonly = (names) => Object.fromEntries(names.map((name) => [name, 'readonly']));
// Unused parameters keep a callback's documented shape when named with a leading underscore.
const unusedVariables = ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/out/',
      'build/',
      '.vscode-test/',
      'server/src/service/schema/generated/',
      'schemas/',
      // npm run bench writes its generated inputs and bundles here.
      'bench/.cache/',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      // The YAML and SVG writers match control characters on purpose, to escape them.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': unusedVariables,
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', globals: readonly([...nodeGlobals, ...pageGlobals]) },
    rules: {
      // The build script matches control characters on purpose, to escape them.
      'no-control-regex': 'off',
      'no-unused-vars': unusedVariables,
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: readonly(['require', 'module', '__dirname', '__filename']) },
  },
);

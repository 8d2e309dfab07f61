// ESLint for the TypeScript sources and tests. Syntax-only rules (no type information):
// a whole-repository run stays within seconds. Formatting is Prettier's (.prettierrc.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
      // Unused parameters keep a callback's documented shape when named with a leading underscore.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
);

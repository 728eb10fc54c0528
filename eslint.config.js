// The linter keeps the house rules: code runs where its folder says, arrows point down only,
// no import cycle (type-only ones included), no export nothing uses, no promise left floating.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import desklink from './tests/tools/lint/plugin.js';

const PRODUCT = ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'];

/** Who may import whom: each zone forbids `target` from importing `from`. */
const BOUNDARIES = [
  { target: './lib', from: ['./entrypoints', './components'], message: 'lib/ sits below components/ and entrypoints/.' },
  { target: './components', from: './entrypoints', message: 'components/ sits below entrypoints/.' },
  { target: './components', from: './lib/background', message: 'components only draw; background code runs in the worker.' },
  {
    target: './lib/shared',
    from: ['./lib/page', './lib/background', './lib/options'],
    message: 'every runtime imports lib/shared, so it imports none of them.',
  },
  {
    target: './lib/page',
    from: ['./lib/background', './lib/options'],
    message: 'the content script cannot run background or options code.',
  },
  { target: './lib/background', from: ['./lib/page', './lib/options'], message: 'the worker cannot run content-script or options code.' },
  {
    target: './lib/options',
    from: ['./lib/page', './lib/background'],
    message: 'the options page reaches the worker through the broker client.',
  },
];

export default tseslint.config(
  { ignores: ['.output*/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'test-results*/**', 'playwright-report/**'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX, desklink },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'desklink/no-import-cycle': 'error',
    },
  },
  {
    files: PRODUCT,
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: BOUNDARIES }],
      'desklink/no-unused-export': ['error', { entrypoints: ['entrypoints'] }],
    },
  },
  {
    // Tests, the sandbox, the bench and tools read untyped JSON (sandbox bodies, browser answers)
    // on purpose; their assertions check the shapes.
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  prettier,
);

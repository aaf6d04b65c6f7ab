// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The layers' allowed imports are enforced here, not by good intentions:
// shared/ is pure (no DOM, Node, Electron, storage or UI); renderer/, electron/ and
// server/ may import shared/ but never each other.
const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
];
const layer = (forbidden, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer(
      [
        'electron',
        'electron/*',
        ...nodeBuiltins,
        'dexie',
        'dexie-*',
        'react',
        'react-*',
        'react/*',
        '**/renderer/**',
        '**/electron/**',
        '**/server/**',
        'fastify',
        'pg',
        '@electric-sql/*',
      ],
      'shared/ is the pure domain core: no platform, storage or UI imports.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        [
          'electron',
          'electron/*',
          ...nodeBuiltins,
          '**/electron/**',
          '**/server/**',
          'fastify',
          'pg',
        ],
        'renderer/ runs in a plain browser: reach the desktop through renderer/platform/desktop.ts.',
      ),
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: layer(
      ['**/renderer/**', '**/server/**', 'react', 'react-dom', 'dexie'],
      'electron/ is the thin shell: it may import shared/ only.',
    ),
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: layer(
      ['**/renderer/**', '**/electron/**', 'electron', 'react', 'react-dom', 'dexie'],
      'server/ may import shared/ only.',
    ),
  },
  {
    files: [
      'test/**/*.{ts,tsx}',
      'bench/**/*.ts',
      'scripts/**/*.ts',
      '*.config.{ts,js}',
      '.ci/**/*.js',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);

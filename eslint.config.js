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

// Inside renderer/: app → features → ui / use-cases → sync / db → platform (shared/ from
// anywhere). Each folder's rule repeats the renderer-wide ban (a later config replaces the
// rule's options, it does not add to them). Feature files live one folder deep
// (features/<f>/<file>), so from a feature `../../sync/x` is renderer/sync and `../sync` is
// the sync feature: the regexes below rely on that depth.
const rendererWide = {
  group: [
    'electron',
    'electron/*',
    ...nodeBuiltins,
    '**/electron/**',
    '**/server/**',
    'fastify',
    'pg',
  ],
  message:
    'renderer/ runs in a plain browser: reach the desktop through renderer/platform/desktop.ts.',
};
const rendererLayer = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: [rendererWide, ...patterns] }],
});
// The folder right after the `../` run: `../../shared/sync/x` is not renderer/sync.
const above = (folders, message) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/.*)?$`,
  message,
});
const FEATURE_DATA = {
  regex: '^\\.\\./\\.\\./(db|sync|app)(/.*)?$',
  message:
    'A screen reads and writes through renderer/use-cases/<area>/ (commands and data hooks), never renderer/db/ or renderer/sync/ directly.',
};
const FEATURE_INTERNALS = {
  regex: '^\\.\\./[^./][^/]*/(?!index$).+$',
  message: 'Another feature is reached only through its index.ts (import from "../<feature>").',
};
const APP_FEATURE_INTERNALS = {
  regex: '^\\.\\./features/[^/]+/(?!index$).+$',
  message: 'The app shell reaches a feature only through its index.ts.',
};

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
      ...rendererLayer(),
    },
  },
  {
    files: ['renderer/app/**/*.{ts,tsx}'],
    rules: rendererLayer(
      APP_FEATURE_INTERNALS,
      above(['db', 'sync'], 'The app shell reaches data through a feature or a use case.'),
    ),
  },
  {
    files: ['renderer/features/**/*.{ts,tsx}'],
    rules: rendererLayer(FEATURE_DATA, FEATURE_INTERNALS),
  },
  {
    files: ['renderer/ui/**/*.{ts,tsx}'],
    rules: rendererLayer(
      above(
        ['app', 'features', 'use-cases', 'db', 'sync'],
        'renderer/ui/ is the small UI kit: it knows no screen, use case or data.',
      ),
    ),
  },
  {
    files: ['renderer/use-cases/**/*.{ts,tsx}'],
    rules: rendererLayer(
      above(
        ['app', 'features', 'ui'],
        'A use case knows no screen: it takes its dependencies and throws French errors.',
      ),
    ),
  },
  {
    files: ['renderer/sync/**/*.{ts,tsx}'],
    rules: rendererLayer(
      above(
        ['app', 'features', 'ui', 'use-cases'],
        'renderer/sync/ sits below the screens and use cases.',
      ),
    ),
  },
  {
    files: ['renderer/db/**/*.{ts,tsx}'],
    rules: rendererLayer(
      above(
        ['app', 'features', 'ui', 'use-cases', 'sync'],
        'renderer/db/ sits below the screens, use cases and sync.',
      ),
    ),
  },
  {
    files: ['renderer/platform/**/*.{ts,tsx}'],
    rules: rendererLayer(
      above(
        ['app', 'features', 'ui', 'use-cases', 'db', 'sync'],
        'renderer/platform/ is the bottom layer: the desktop bridge and its browser fallbacks.',
      ),
    ),
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

// Lint, including the borders between processes: the renderer and shared/ never touch Node or
// Electron, shared/ never reaches into db/, and only electron/main and electron/preload may import
// Electron itself.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNode = {
  paths: [...nodeModules, 'electron', 'better-sqlite3'].map((name) => ({
    name,
    message: 'This folder runs without Node or Electron.',
  })),
};
const noElectron = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import Electron; this code must run without it.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'db/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...noNode,
          patterns: [
            {
              group: ['**/db/**', '**/electron/**'],
              message: 'The renderer reaches the main process only through window.api.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noNode,
          patterns: [
            {
              group: ['**/db/**', '**/electron/**', '**/renderer/**', 'react', 'react-dom'],
              message: 'shared/ is pure: it imports nothing but shared/ and zod.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'db/ holds the schema and queries; it knows nothing of the processes above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/handlers/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/bridge/**/*.ts',
      'electron/common/**/*.ts',
      'electron/packs/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'],
              message: 'Handlers, the CLI and the bridge run without Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeModules.map((name) => ({
            name,
            message: 'The preload is sandboxed: only electron and shared/.',
          })),
          patterns: [
            {
              group: ['**/db/**', '**/renderer/**', '**/electron/main/**', '**/shared/contract*'],
              message: 'The preload imports only electron and the channel list.',
            },
          ],
        },
      ],
    },
  },
);

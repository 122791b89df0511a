// Lint: typescript-eslint's recommended rules, plus the purity rule of the functional core:
// src/frame and src/model never import I/O, cloud clients or src/io, and never touch `process`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const impure = ['node:fs', 'fs', 'node:fs/promises', 'fs/promises', 'node:child_process', 'child_process',
  'node:http', 'http', 'node:https', 'https', 'node:net', 'net', 'node:os', 'os', 'node:worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'bench-out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/frame/**/*.ts', 'src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: impure.map((name) => ({ name, message: 'src/frame and src/model are pure: no I/O.' })),
        patterns: [
          { group: ['@google-cloud/*'], message: 'src/frame and src/model are pure: no cloud clients.' },
          { group: ['**/io/*', '**/pipeline/*', '**/cli/*'], message: 'src/frame and src/model must not import the shell.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/frame and src/model are pure: pass env/argv/clock in.' },
        { name: 'Date', message: 'src/frame and src/model never read the clock; use the date helpers.' },
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'no clock in the core' },
        { object: 'Math', property: 'random', message: 'randomness must be seeded and passed in' }],
    },
  },
);

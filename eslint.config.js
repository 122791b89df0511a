// Lint: typescript-eslint's recommended rules, plus the layer rules:
// - src/frame and src/model are pure: no I/O, streams, compression, hashing, logger, CSV parser,
//   cloud clients, clock, randomness or `process`, and nothing from the shell (io, pipeline, cli,
//   report, function);
// - io never imports pipeline or cli; report never imports io; only src/cli/bin.ts exits;
// - files stay under 300 lines and functions under 80 (tests, the doubles and scripts exempt).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const impure = ['node:fs', 'fs', 'node:fs/promises', 'fs/promises', 'node:child_process', 'child_process',
  'node:http', 'http', 'node:https', 'https', 'node:net', 'net', 'node:os', 'os', 'node:worker_threads',
  'node:crypto', 'crypto', 'node:stream', 'stream', 'node:stream/promises', 'node:zlib', 'zlib', 'pino', 'papaparse'];
const layer = (files, groups, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }] },
});

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
          { group: ['**/io/*', '**/pipeline/*', '**/cli/*', '**/report/*', '**/function/*', '**/dev/*'], message: 'src/frame and src/model must not import the shell.' },
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
  layer(['src/io/**/*.ts'], ['**/pipeline/*', '**/cli/*', '**/function/*'], 'src/io is the bottom of the shell: it never imports pipeline, cli or function.'),
  layer(['src/report/**/*.ts'], ['**/io/*', '**/pipeline/*', '**/cli/*'], 'src/report draws from data it is given; it never does I/O.'),
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/bin.ts', 'src/dev/**'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'exit', message: 'only src/cli/bin.ts exits; throw a typed error' }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/dev/**'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
);

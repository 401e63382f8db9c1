// Lint is where the layering rule of docs/ARCHITECTURE.md is enforced: each layer lists what it must not
// import, so a wrong import fails CI (VS Code's code-layering rule is the model).
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'url', 'stream', 'worker_threads'];
const serverNever = ['electron', 'electron/*', '**/electron/**', '**/renderer/**'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true } }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      ['electron', 'react', 'react-*', ...nodeBuiltins, '../server/**', '../electron/**', '../renderer/**', '**/server/**', '**/electron/**', '**/renderer/**'],
      'shared/ imports only pure libraries (zod): docs/ARCHITECTURE.md, Parts and layers',
    ),
  },
  {
    files: ['electron/services/**/*.ts'],
    // electron-store imports electron: the services keep settings in conf, which it extends.
    rules: restrict(
      ['electron', 'electron/*', 'electron-store', '**/renderer/**', '**/server/**', '**/electron/main/**', '**/electron/preload/**'],
      'electron/services never imports electron (it runs under plain Node): docs/ARCHITECTURE.md, Parts and layers',
    ),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict(['**/renderer/**', '**/server/**', '**/preload/**'], 'electron/main imports services, shared and electron only'),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, '**/services/**', '**/main/**', '**/renderer/**', '**/server/**'],
      'preload imports shared and contextBridge/ipcRenderer only',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: restrict(
      ['electron', 'electron/*', ...nodeBuiltins, '**/electron/**', '**/server/**'],
      'renderer never imports electron, node:* or electron/ and server/ code: docs/ARCHITECTURE.md, Parts and layers',
    ),
  },
  {
    // The console shares the workstation's WCAG AA theme (renderer/app/theme.ts) and nothing else of it:
    // a regex, because a gitignore-style group cannot re-include one file of an excluded folder.
    files: ['admin/**/*.ts', 'admin/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', ...nodeBuiltins, '**/electron/**', '**/server/**'],
              message: 'admin (the management console) never imports electron, node:* or electron/ and server/ code: docs/ARCHITECTURE.md, Parts and layers',
            },
            {
              regex: '(^|/)renderer/(?!app/theme\\.js$|testing/setupDom\\.js$)',
              message: "admin imports of renderer/ only app/theme (the shared WCAG AA theme) and, in tests, testing/setupDom (jsdom's missing browser APIs)",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: restrict(serverNever, 'server never imports electron/ or renderer/ code'),
  },
  // Inside the server, domain is below realtime and http, and realtime (the socket) is beside http,
  // never on it: what both need (toAppError, the limiter's port) lives in domain or realtime. A later
  // block replaces the rule above for these files, so it repeats serverNever. Tests may cross layers.
  {
    files: ['server/realtime/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict([...serverNever, '**/http/**'], 'server/realtime never imports server/http (docs/ARCHITECTURE.md, Parts and layers)'),
  },
  {
    files: ['server/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      [...serverNever, '**/http/**', '**/realtime/**'],
      'server/domain imports neither server/http nor server/realtime (docs/ARCHITECTURE.md, Parts and layers)',
    ),
  },
  {
    files: ['server/widget/client/**/*.ts'],
    rules: restrict(['electron', ...nodeBuiltins, '**/electron/**', '**/renderer/**'], 'the widget runs in the visitor browser: no Node modules'),
  },
  {
    // electron-builder, vite and vitest configs must default-export.
    files: ['*.config.ts', '*.config.js', 'vite.*.ts'],
    rules: { 'no-restricted-exports': 'off' },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name!=/^(contextBridge|ipcRenderer)$/][parent.source.value='electron']",
          message: 'preload takes only contextBridge and ipcRenderer from electron',
        },
      ],
    },
  },
);

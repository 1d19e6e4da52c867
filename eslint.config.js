// Layering is enforced here (see ../shared/STYLE.md): shared/ is pure, renderer/ never reaches into the
// backend, electron/ never imports the UI.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'url', 'stream', 'util', 'buffer', 'events', 'net'];
const noNode = [
  { group: ['node:*'], message: 'No Node APIs in this layer.' },
  ...nodeBuiltins.map((name) => ({ group: [name], message: 'No Node APIs in this layer.' })),
  { group: ['electron', 'better-sqlite3', 'exceljs'], message: 'No desktop or database libraries in this layer.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...noNode, { group: ['react', 'react-dom', 'zustand', '**/renderer/**', '**/electron/**', '**/resources/**'], message: 'shared/ is pure domain code: no UI, backend or locale strings.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'fetch', 'process'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...noNode, { group: ['**/electron/**'], message: 'The renderer talks to the backend only through the API client.' }] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', 'react', 'react-dom'], message: 'The backend never imports the UI.' }] }],
    },
  },
);
